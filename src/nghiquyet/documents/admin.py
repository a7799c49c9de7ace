"""Back-office views of documents: scoped, saved and deleted through the document services."""

from django.contrib import admin

from nghiquyet.documents import services
from nghiquyet.documents.models import Attachment, Document, DocumentLink, DocumentVersion
from nghiquyet.documents.selectors import document_issuers, document_list
from nghiquyet.orgs.scoped_admin import ScopedAdmin, ScopedTabularInline

#: A link may point at any document the user reads (a central resolution, say).
LINK_CHOICES = {"target": document_list}


class OutgoingLinkInline(ScopedTabularInline):
    model = DocumentLink
    fk_name = "source"
    raw_id_fields = ["target"]
    extra = 0
    choices = LINK_CHOICES

    def save_row(self, request, row):
        if row.pk is not None:
            services.document_unlink(user=request.user, link=DocumentLink.objects.get(pk=row.pk))
        saved = services.document_link(
            user=request.user, source=row.source, target=row.target, kind=row.kind
        )
        row.pk = saved.pk

    def delete_row(self, request, row):
        services.document_unlink(user=request.user, link=row)


class VersionInline(admin.TabularInline):
    """Versions are append-only: the admin shows them but never edits one."""

    model = DocumentVersion
    fields = ["number", "origin", "note", "file", "created_by", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class AttachmentInline(ScopedTabularInline):
    model = Attachment
    fields = ["name", "file", "uploaded_by", "uploaded_at"]
    readonly_fields = ["uploaded_by", "uploaded_at"]
    extra = 0

    def save_row(self, request, row):
        if row.pk is None:
            saved = services.document_attach(
                user=request.user, document=row.document, file=row.file, name=row.name
            )
            row.pk = saved.pk
        else:
            super().save_row(request, row)


@admin.register(Document)
class DocumentAdmin(ScopedAdmin):
    """The province follows from the issuer and the status from adoption, so neither is typed."""

    list_display = ["symbol", "title", "kind", "issuer", "issued_on", "status", "is_public"]
    list_filter = ["kind", "status", "is_public"]
    search_fields = ["symbol", "title", "search_text"]
    date_hierarchy = "issued_on"
    raw_id_fields = ["issuer", "term"]
    readonly_fields = ["province"]
    inlines = [OutgoingLinkInline, VersionInline, AttachmentInline]
    choices = {"issuer": document_issuers}

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *(["status"] if obj else [])]

    def service_save(self, request, obj, form, change):
        if change:
            data = self.changed_values(form, services.EDITABLE_FIELDS)
            return services.document_update(user=request.user, document=obj, data=data)
        fields = {name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS}
        fields["status"] = form.cleaned_data["status"]
        return services.document_create(user=request.user, **fields)

    def service_delete(self, request, obj):
        services.document_delete(user=request.user, document=obj)

    def service_restore(self, request, obj):
        services.document_restore(user=request.user, document=obj)


@admin.register(DocumentLink)
class DocumentLinkAdmin(ScopedAdmin):
    list_display = ["source", "kind", "target"]
    list_filter = ["kind"]
    raw_id_fields = ["source", "target"]
    choices = LINK_CHOICES

    def service_save(self, request, obj, form, change):
        if change:
            services.document_unlink(user=request.user, link=DocumentLink.objects.get(pk=obj.pk))
        return services.document_link(
            user=request.user, source=obj.source, target=obj.target, kind=obj.kind
        )
