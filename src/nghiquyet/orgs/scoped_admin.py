"""The back office under the same rule as the pages: the access layer decides every write.

Reading through the admin was always scoped; writing was not, so a province office
could point a record at another province's document, move an agency to another
province or change an approved figure. :class:`ScopedAdmin` closes that in one place:

- every foreign-key and many-to-many choice is narrowed to what the user may change
  (or, where a model admin says so in ``choices``, to a selector such as the
  national indicator catalogue), so a foreign id is refused as an invalid choice;
- every save is checked against :func:`~nghiquyet.orgs.access.can` before and after,
  inlines included, and goes through the app's service where one exists
  (``service_save``); a refusal rolls the whole form back and says why;
- delete is the soft delete of the app's service where the model keeps deleted rows
  (``service_delete`` / ``service_restore``), with a filter for deleted rows and a
  restore action, so the admin never cascades a document into its targets and figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rules.contrib.admin import ObjectPermissionsModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from nghiquyet.core.history import history_attribute
from nghiquyet.core.models import SoftDeletable
from nghiquyet.orgs.access import Action, can, principal_for, scope
from nghiquyet.orgs.models import Place

#: A selector giving the choices of one field: called with the acting user.
Choices = Callable[..., QuerySet]


class Refused(Exception):
    """A write the access layer or a service refused: the form is rolled back and says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def refusal_of(exc: ValidationError | PermissionDenied) -> Refused:
    """The service's own words for a ValidationError, a plain sentence for a refusal."""
    if isinstance(exc, ValidationError):
        return Refused(" ".join(exc.messages))
    return Refused(_("You may not make this change: it lies outside the records you manage."))


def require_change(user: Any, obj: Model) -> None:
    """Refuse unless ``user`` may change the stored ``obj`` (the access layer's answer)."""
    if not can(user, Action.CHANGE, obj):
        raise refusal_of(PermissionDenied())


def is_soft_deletable(model: type[Model]) -> bool:
    return issubclass(model, SoftDeletable)


def choices_for(model: type[Model], user: Any) -> QuerySet | None:
    """The rows of ``model`` that ``user`` may pick as a value; None when anything goes.

    Records the access layer scopes: those the user may change (a public resolution of
    another province is readable, never a home for one's own targets). Places: the
    user's provinces and the units under them. Users are not narrowed: who recorded
    something is read-only (see :func:`user_fields`), and a meeting may invite a guest
    from anywhere.
    """
    principal = principal_for(user)
    if principal.is_admin:
        return None
    manager = model._default_manager
    if getattr(model, "access_scope", None):
        return scope(manager.all(), user, Action.CHANGE)
    provinces = principal.province_ids
    if model is Place:
        return manager.filter(
            Q(pk__in=provinces) | Q(parent__in=provinces) | Q(parent__parent__in=provinces)
        )
    return None


#: Who added a record: filled with the acting user when the admin adds one.
AUTHOR_FIELDS = ("created_by", "uploaded_by")


def user_fields(model: type[Model], typed: Iterable[str] = ()) -> list[str]:
    """The model's links to users that the admin shows read-only.

    Who created, submitted, approved or recorded something is the services' record
    (and the history's), never typed in a form; ``typed`` names the exceptions, such
    as the login a meeting participant uses.
    """
    user_model = get_user_model()
    return [
        field.name
        for field in model._meta.fields
        if field.is_relation and field.related_model is user_model and field.name not in typed
    ]


class ScopedChoices:
    """Foreign-key and many-to-many choices narrowed by the access layer (admins and inlines).

    ``choices`` maps a field name to a selector taking ``user=`` for fields whose
    legitimate values reach beyond what the user changes (the national indicator
    catalogue, central issuing bodies, documents one may link to). ``typed_users``
    names the links to users a form may set (a participant's login); the others are
    read-only.
    """

    choices: dict[str, Choices] = {}
    typed_users: tuple[str, ...] = ()

    def get_readonly_fields(self, request, obj=None):
        fixed = list(super().get_readonly_fields(request, obj))
        return [*fixed, *(f for f in user_fields(self.model, self.typed_users) if f not in fixed)]

    def _narrowed(self, db_field: Any, request: HttpRequest, kwargs: dict) -> dict:
        if "queryset" in kwargs:
            return kwargs
        selector = self.choices.get(db_field.name)
        if selector is not None and not principal_for(request.user).is_admin:
            kwargs["queryset"] = selector(user=request.user)
            return kwargs
        queryset = choices_for(db_field.remote_field.model, request.user)
        if queryset is not None:
            kwargs["queryset"] = queryset
        return kwargs

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs = self._narrowed(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs = self._narrowed(db_field, request, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ScopedInline(ScopedChoices):
    """An inline whose rows are scoped like its parent and whose choices are narrowed.

    ``save_row`` and ``delete_row`` are where an inline calls its app's service.
    """

    def get_queryset(self, request):
        return scope(super().get_queryset(request), request.user, Action.VIEW)

    def save_row(self, request: HttpRequest, row: Model) -> None:
        if row.pk is None:
            for name in AUTHOR_FIELDS:
                if name in user_fields(type(row)) and getattr(row, f"{name}_id") is None:
                    setattr(row, name, request.user)
        history_attribute(row, request.user)
        row.save()

    def delete_row(self, request: HttpRequest, row: Model) -> None:
        history_attribute(row, request.user)
        row.delete()


class ScopedTabularInline(ScopedInline, admin.TabularInline):
    pass


class DeletedFilter(admin.SimpleListFilter):
    """Live rows by default; the deleted ones on request, to restore them."""

    title = gettext_lazy("deleted")
    parameter_name = "deleted"

    def lookups(self, request, model_admin):
        return [("yes", _("Deleted"))]

    def queryset(self, request, queryset):
        return queryset.filter(deleted_at__isnull=self.value() != "yes")


@admin.action(description=gettext_lazy("Restore the selected deleted records"))
def restore_selected(modeladmin: ScopedAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    restored = 0
    for obj in queryset.filter(deleted_at__isnull=False):
        try:
            with transaction.atomic():
                modeladmin.service_restore(request, obj)
        except (ValidationError, PermissionDenied) as exc:
            modeladmin.message_user(request, refusal_of(exc).message, messages.ERROR)
        else:
            restored += 1
    if restored:
        modeladmin.message_user(
            request, _("%(count)d records restored.") % {"count": restored}, messages.SUCCESS
        )


class ScopedAdmin(ScopedChoices, ObjectPermissionsModelAdmin, SimpleHistoryAdmin):
    """Admin for province-scoped records: reads, choices, writes and deletes via the access layer.

    A model admin whose app has a service for the write overrides ``service_save``
    (and, for soft-deletable models, ``service_delete`` and ``service_restore``).
    """

    def get_queryset(self, request):
        """The rows the user may view; deleted ones too where the model keeps them."""
        if is_soft_deletable(self.model):
            queryset = self.model.all_objects.get_queryset()
            ordering = self.get_ordering(request)
            if ordering:
                queryset = queryset.order_by(*ordering)
        else:
            queryset = super().get_queryset(request)
        return scope(queryset, request.user, Action.VIEW)

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        return [*filters, DeletedFilter] if is_soft_deletable(self.model) else filters

    def get_actions(self, request):
        actions = super().get_actions(request)
        if is_soft_deletable(self.model) and self.has_delete_permission(request):
            actions["restore_selected"] = self.get_action(restore_selected)
        return actions

    # Writes ----------------------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """Run the form; a refused write has rolled back everything when we get here."""
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Refused as refusal:
            self.message_user(request, refusal.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Reverting to an old version is a change like any other: same right, same checks."""
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_change_permission(request, obj):
            raise PermissionDenied
        try:
            with transaction.atomic():
                return super().history_form_view(request, object_id, version_id, extra_context)
        except Refused as refusal:
            self.message_user(request, refusal.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def revert_disabled(self, request, obj=None):
        return not self.has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if change:
            require_change(request.user, obj)
        try:
            saved = self.service_save(request, obj, form, change)
        except (ValidationError, PermissionDenied) as exc:
            raise refusal_of(exc) from exc
        if saved is not obj:
            obj.pk = saved.pk
            obj._state.adding = False
            obj.refresh_from_db()
        require_change(request.user, obj)

    def service_save(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> Model:
        """Save ``obj`` as the form left it; a model with a service overrides this to call it."""
        if not change:
            for name in AUTHOR_FIELDS:
                if name in user_fields(type(obj)) and getattr(obj, f"{name}_id") is None:
                    setattr(obj, name, request.user)
        history_attribute(obj, request.user)
        obj.save()
        return obj

    def save_related(self, request, form, formsets, change):
        """Many-to-many values and inline rows, then the record is checked once more."""
        super().save_related(request, form, formsets, change)
        require_change(request.user, form.instance)

    def save_formset(self, request, form, formset, change):
        """Inline rows, each checked before and after and saved by its inline's service."""
        inline = next(
            i for i in self.get_inline_instances(request, form.instance) if i.model is formset.model
        )
        rows = formset.save(commit=False)
        try:
            for row in formset.deleted_objects:
                require_change(request.user, row)
                inline.delete_row(request, row)
            for row in rows:
                if row.pk is not None:
                    require_change(request.user, row)
                inline.save_row(request, row)
                require_change(request.user, row)
        except (ValidationError, PermissionDenied) as exc:
            raise refusal_of(exc) from exc
        formset.save_m2m()

    @staticmethod
    def changed_values(form: Any, fields: Iterable[str]) -> dict[str, Any]:
        """The form's values among ``fields`` that differ from the stored row.

        Compared with the row rather than with the form's initial values, because a
        revert from the history page starts its form from the old version.
        """
        stored = type(form.instance)._base_manager.get(pk=form.instance.pk)
        return {
            name: form.cleaned_data[name]
            for name in fields
            if name in form.cleaned_data and form.cleaned_data[name] != getattr(stored, name)
        }

    # Deletes ---------------------------------------------------------------------------

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except Refused as refusal:
            self.message_user(request, refusal.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def get_deleted_objects(self, objs, request):
        """Nothing is deleted along with a record.

        A soft delete removes only the record itself: its targets and figures stay. A
        record that is really deleted must stand alone: an agency with its terms and
        offices, a deadline with its exceptions, are refused (shown as protected) until
        what hangs on them is moved or removed on its own.
        """
        if not is_soft_deletable(self.model):
            deleted, count, perms_needed, protected = super().get_deleted_objects(objs, request)
            own = str(self.opts.verbose_name_plural)
            dependent = [f"{name}: {n}" for name, n in count.items() if name != own]
            return deleted, count, perms_needed, [*protected, *dependent]
        objs = list(objs)
        perms_needed = {
            str(self.opts.verbose_name)
            for obj in objs
            if not self.has_delete_permission(request, obj)
        }
        count = {str(self.opts.verbose_name_plural): len(objs)}
        return [str(obj) for obj in objs], count, perms_needed, []

    def delete_model(self, request, obj):
        require_change(request.user, obj)
        self.delete_row(request, obj)

    def delete_queryset(self, request, queryset):
        """The bulk delete action: all the selected records or, if one is refused, none."""
        try:
            with transaction.atomic():
                for obj in queryset:
                    self.delete_model(request, obj)
        except Refused as refusal:
            self.message_user(request, refusal.message, messages.ERROR)

    def delete_row(self, request: HttpRequest, obj: Model) -> None:
        """The soft delete where the model keeps deleted rows; else a delete the history keeps."""
        try:
            if is_soft_deletable(self.model):
                self.service_delete(request, obj)
            else:
                history_attribute(obj, request.user)
                obj.delete()
        except (ValidationError, PermissionDenied) as exc:
            raise refusal_of(exc) from exc

    def service_delete(self, request: HttpRequest, obj: Model) -> None:
        """Soft-delete ``obj`` through the app's service (each soft-deletable admin says which)."""
        raise NotImplementedError(f"{type(self).__name__} names no soft-delete service")

    def service_restore(self, request: HttpRequest, obj: Model) -> None:
        """Restore ``obj`` through the app's service (each soft-deletable admin says which)."""
        raise NotImplementedError(f"{type(self).__name__} names no restore service")

    def response_delete(self, request, obj_display, obj_id) -> HttpResponse:
        if is_soft_deletable(self.model):
            self.message_user(
                request,
                _("%(record)s was moved to the deleted records; it can be restored.")
                % {"record": obj_display},
                messages.INFO,
            )
        return super().response_delete(request, obj_display, obj_id)
