"""Back-office views of meetings: scoped like the pages, deleted through the soft delete."""

from django.contrib import admin

from nghiquyet.orgs.scoped_admin import ScopedAdmin, ScopedTabularInline

from . import services
from .models import AgendaItem, Comment, Meeting, Participant, Vote


class ParticipantInline(ScopedTabularInline):
    model = Participant
    extra = 0
    raw_id_fields = ["person", "user", "body"]


@admin.register(Meeting)
class MeetingAdmin(ScopedAdmin):
    list_display = ["__str__", "body", "session", "starts_on", "status"]
    list_filter = ["status", "extended"]
    search_fields = ["title", "venue", "body__name"]
    raw_id_fields = ["province", "body", "term"]
    inlines = [ParticipantInline]

    def service_delete(self, request, obj):
        services.meeting_delete(user=request.user, meeting=obj)

    def service_restore(self, request, obj):
        services.meeting_restore(user=request.user, meeting=obj)


@admin.register(AgendaItem)
class AgendaItemAdmin(ScopedAdmin):
    list_display = ["__str__", "meeting", "presenter"]
    raw_id_fields = ["meeting", "presenter", "submission"]


@admin.register(Comment)
class CommentAdmin(ScopedAdmin):
    list_display = ["__str__", "draft", "section", "handling"]
    list_filter = ["handling"]
    raw_id_fields = ["draft", "version", "author", "answered_by"]


@admin.register(Vote)
class VoteAdmin(ScopedAdmin):
    """Votes are final: the admin shows them and never edits them."""

    list_display = ["__str__", "rule", "members", "present", "adopted", "recorded_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
