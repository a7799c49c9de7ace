"""Back-office views of places, bodies and people; province records go through ScopedAdmin."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from nghiquyet.orgs.models import Body, Membership, Office, Person, Place, Term
from nghiquyet.orgs.scoped_admin import ScopedAdmin


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "map", "code", "parent", "successor"]
    list_filter = ["map", "level"]
    search_fields = ["name", "short_name", "code"]
    raw_id_fields = ["parent", "successor"]


@admin.register(Body)
class BodyAdmin(ScopedAdmin):
    list_display = ["name", "kind", "province", "issuer_code"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    raw_id_fields = ["province", "commune", "parent"]


@admin.register(Term)
class TermAdmin(ScopedAdmin):
    list_display = ["__str__", "body"]


@admin.register(Office)
class OfficeAdmin(ScopedAdmin):
    list_display = ["person", "title", "body", "term"]
    search_fields = ["person__full_name", "title"]
    raw_id_fields = ["person", "body"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    search_fields = ["full_name"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "body"]
    list_filter = ["role"]
    raw_id_fields = ["user", "body"]
