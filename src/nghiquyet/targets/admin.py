from django.contrib import admin

from nghiquyet.orgs.admin import ScopedAdmin
from nghiquyet.targets.models import Actual, Indicator, PeriodLock, PeriodLockException, Target


@admin.register(Indicator)
class IndicatorAdmin(ScopedAdmin):
    list_display = ["name", "unit", "kind", "direction", "sector", "province"]
    list_filter = ["sector", "kind", "direction"]
    search_fields = ["name"]
    raw_id_fields = ["province"]


@admin.register(Target)
class TargetAdmin(ScopedAdmin):
    list_display = ["indicator", "comparator", "value", "unit", "period", "owner", "document"]
    list_filter = ["period", "comparator"]
    search_fields = ["indicator__name", "source_text"]
    raw_id_fields = ["document", "place", "indicator", "owner"]


@admin.register(Actual)
class ActualAdmin(ScopedAdmin):
    """Read-mostly: figures move through the services (submit, approve, return), not here."""

    list_display = ["target", "period", "value", "is_estimate", "status", "submitted_at"]
    list_filter = ["status", "is_estimate", "period"]
    raw_id_fields = ["target", "created_by", "submitted_by", "returned_by", "approved_by"]
    readonly_fields = ["status", "submitted_by", "returned_by", "approved_by", "created_by"]


class PeriodLockExceptionInline(admin.TabularInline):
    model = PeriodLockException
    raw_id_fields = ["body"]
    extra = 0


@admin.register(PeriodLock)
class PeriodLockAdmin(ScopedAdmin):
    list_display = ["province", "period", "deadline"]
    raw_id_fields = ["province"]
    inlines = [PeriodLockExceptionInline]
