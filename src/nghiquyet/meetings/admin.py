"""Back-office views of meetings: scoped like the pages, deleted through the soft delete."""

from django.contrib import admin

from nghiquyet.orgs.scoped_admin import ScopedAdmin, ScopedTabularInline

from . import services
from .models import AgendaItem, Comment, Meeting, Participant, Vote

#: What ``meeting_create`` takes from the admin's form.
MEETING_FIELDS = (
    "body", "term", "session", "session_override_reason", "starts_on", "ends_on",
    "duration_days", "extended", "venue", "title", "members_count",
)  # fmt: skip
#: The practical details ``meeting_update`` changes on a meeting already called.
PRACTICAL_FIELDS = ("venue", "members_count", "starts_on", "ends_on", "duration_days")


class ParticipantInline(ScopedTabularInline):
    model = Participant
    extra = 0
    raw_id_fields = ["person", "user", "body"]
    typed_users = ("user",)


@admin.register(Meeting)
class MeetingAdmin(ScopedAdmin):
    list_display = ["__str__", "body", "session", "starts_on", "status"]
    list_filter = ["status", "extended"]
    search_fields = ["title", "venue", "body__name"]
    raw_id_fields = ["body", "term"]
    inlines = [ParticipantInline]

    def get_readonly_fields(self, request, obj=None):
        """The province and status follow from the services; a called meeting keeps its number."""
        fixed = ["body", "term", "session", "session_override_reason"] if obj else []
        return [
            *super().get_readonly_fields(request, obj),
            "province",
            "status",
            "created_by",
            *fixed,
        ]

    def service_save(self, request, obj, form, change):
        data = form.cleaned_data
        if not change:
            return services.meeting_create(
                user=request.user, **{name: data[name] for name in MEETING_FIELDS if name in data}
            )
        # The form has set the title and the "mở rộng" mark on ``obj``; the service saves them.
        return services.meeting_update(
            user=request.user,
            meeting=obj,
            **{name: data[name] for name in PRACTICAL_FIELDS if name in data},
        )

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
    raw_id_fields = ["draft", "version", "author"]


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
