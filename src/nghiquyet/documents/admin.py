"""Back-office views of documents, scoped like every page by the access layer."""

from django.contrib import admin

from nghiquyet.documents.models import Attachment, Document, DocumentLink, DocumentVersion
from nghiquyet.orgs.admin import ScopedAdmin


class OutgoingLinkInline(admin.TabularInline):
    model = DocumentLink
    fk_name = "source"
    raw_id_fields = ["target"]
    extra = 0


class VersionInline(admin.TabularInline):
    """Versions are append-only: the admin shows them but never edits one."""

    model = DocumentVersion
    fields = ["number", "origin", "note", "file", "created_by", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class AttachmentInline(admin.TabularInline):
    model = Attachment
    fields = ["name", "file", "uploaded_by", "uploaded_at"]
    readonly_fields = ["uploaded_by", "uploaded_at"]
    extra = 0


@admin.register(Document)
class DocumentAdmin(ScopedAdmin):
    list_display = ["symbol", "title", "kind", "issuer", "issued_on", "status", "is_public"]
    list_filter = ["kind", "status", "is_public"]
    search_fields = ["symbol", "title", "search_text"]
    date_hierarchy = "issued_on"
    raw_id_fields = ["issuer", "province", "term"]
    inlines = [OutgoingLinkInline, VersionInline, AttachmentInline]


@admin.register(DocumentLink)
class DocumentLinkAdmin(ScopedAdmin):
    list_display = ["source", "kind", "target"]
    list_filter = ["kind"]
    raw_id_fields = ["source", "target"]
