"""Back-office views of indicators, targets, figures and deadlines, written through the services.

A figure follows its workflow here as on the pages: a draft or returned figure is
corrected through ``actual_update``; a submitted or approved one is read-only, and
a correction of an approved figure is a new figure, never an edit.
"""

from django.contrib import admin

from nghiquyet.orgs.scoped_admin import ScopedAdmin, ScopedTabularInline
from nghiquyet.targets import services
from nghiquyet.targets.models import Actual, Indicator, PeriodLock, PeriodLockException, Target
from nghiquyet.targets.selectors import indicator_list

#: Fields of a figure the admin form shows; the workflow fields are the services' own.
ACTUAL_FIELDS = ["target", "period", "value", "is_estimate", "source", "note", "evidence"]
EDITABLE_STATUSES = (Actual.Status.DRAFT, Actual.Status.RETURNED)


@admin.register(Indicator)
class IndicatorAdmin(ScopedAdmin):
    list_display = ["name", "unit", "kind", "direction", "sector", "province"]
    list_filter = ["sector", "kind", "direction"]
    search_fields = ["name"]
    raw_id_fields = ["province"]

    def service_save(self, request, obj, form, change):
        if change:
            fields = self.changed_values(form, services.INDICATOR_FIELDS)
            return services.indicator_update(user=request.user, indicator=obj, **fields)
        data = form.cleaned_data
        return services.indicator_create(
            user=request.user,
            name=data["name"],
            unit=data["unit"],
            kind=data["kind"],
            direction=data["direction"],
            sector=data["sector"],
            province=data["province"],
            description=data["description"],
        )


@admin.register(Target)
class TargetAdmin(ScopedAdmin):
    """A target stays in its document: moving it is not a correction."""

    list_display = ["indicator", "comparator", "value", "unit", "period", "owner", "document"]
    list_filter = ["period", "comparator"]
    search_fields = ["indicator__name", "source_text"]
    raw_id_fields = ["document", "place", "indicator", "owner"]
    choices = {"indicator": indicator_list}

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *(["document"] if obj else [])]

    def service_save(self, request, obj, form, change):
        if change:
            fields = self.changed_values(form, services.TARGET_FIELDS)
            return services.target_update(user=request.user, target=obj, **fields)
        fields = {
            name: form.cleaned_data[name]
            for name in services.TARGET_FIELDS
            if name in form.cleaned_data
        }
        # A blank unit on a new target means the indicator's, as on the target page.
        fields["unit"] = fields.get("unit") or None
        return services.target_create(
            user=request.user, document=form.cleaned_data["document"], **fields
        )

    def service_delete(self, request, obj):
        services.target_delete(user=request.user, target=obj)

    def service_restore(self, request, obj):
        services.target_restore(user=request.user, target=obj)


@admin.register(Actual)
class ActualAdmin(ScopedAdmin):
    """Figures are entered and corrected through the services; only drafts can be corrected."""

    list_display = ["target", "period", "value", "is_estimate", "status", "submitted_at"]
    list_filter = ["status", "is_estimate", "period"]
    raw_id_fields = ["target"]

    def get_fields(self, request, obj=None):
        return ACTUAL_FIELDS if obj is None else [*ACTUAL_FIELDS, "status", "approved_by"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        if obj.status not in EDITABLE_STATUSES:
            return [*ACTUAL_FIELDS, "status", "approved_by"]
        return ["target", "period", "status", "approved_by"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status not in EDITABLE_STATUSES:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        """A figure is never deleted: a mistaken one is returned or corrected by a new one."""
        return False

    def service_save(self, request, obj, form, change):
        values = {name: form.cleaned_data[name] for name in ("is_estimate", "source", "note")}
        evidence = form.cleaned_data.get("evidence") if "evidence" in form.changed_data else None
        if change:
            return services.actual_update(
                user=request.user,
                actual=obj,
                value=form.cleaned_data["value"],
                evidence=evidence,
                **values,
            )
        return services.actual_create(
            user=request.user,
            target=form.cleaned_data["target"],
            period=form.cleaned_data["period"],
            value=form.cleaned_data["value"],
            evidence=evidence,
            **values,
        )


class PeriodLockExceptionInline(ScopedTabularInline):
    model = PeriodLockException
    raw_id_fields = ["body"]
    extra = 0

    def save_row(self, request, row):
        saved = services.period_lock_exception_set(
            user=request.user, lock=row.lock, body=row.body, until=row.until, reason=row.reason
        )
        row.pk = saved.pk


@admin.register(PeriodLock)
class PeriodLockAdmin(ScopedAdmin):
    """A deadline is set or moved through the service; its province and period stay."""

    list_display = ["province", "period", "deadline"]
    raw_id_fields = ["province"]
    inlines = [PeriodLockExceptionInline]

    def get_readonly_fields(self, request, obj=None):
        fixed = ["province", "period"] if obj else []
        return [*super().get_readonly_fields(request, obj), *fixed]

    def service_save(self, request, obj, form, change):
        return services.period_lock_set(
            user=request.user, province=obj.province, period=obj.period, deadline=obj.deadline
        )
