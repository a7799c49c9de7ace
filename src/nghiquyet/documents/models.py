"""Documents that flow between bodies: resolutions, directives, conclusions, plans, reports.

A document answers another (a provincial action programme implements central
Resolution 45; a review report reviews a resolution), so links between documents
are first-class. Drafts carry versions, because a draft changes between the
version sent to a conference and the version adopted.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from nghiquyet.core.models import SoftDeletable
from nghiquyet.orgs.models import Body, Place, Term


class DocumentKind(models.TextChoices):
    """The kinds of document, with the type code used in symbols (NQ, CT, KL…)."""

    NGHI_QUYET = "nghi_quyet", _("Resolution (nghị quyết)")
    NGHI_QUYET_DAI_HOI = "nghi_quyet_dai_hoi", _("Congress resolution")
    CHI_THI = "chi_thi", _("Directive (chỉ thị)")
    KET_LUAN = "ket_luan", _("Conclusion (kết luận)")
    KE_HOACH = "ke_hoach", _("Plan (kế hoạch)")
    CHUONG_TRINH = "chuong_trinh", _("Action programme (chương trình)")
    QUYET_DINH = "quyet_dinh", _("Decision (quyết định)")
    QUY_DINH = "quy_dinh", _("Regulation (quy định)")
    HUONG_DAN = "huong_dan", _("Guidance (hướng dẫn)")
    BAO_CAO = "bao_cao", _("Report (báo cáo)")
    TO_TRINH = "to_trinh", _("Submission (tờ trình)")
    DE_AN = "de_an", _("Project (đề án)")
    QUY_HOACH = "quy_hoach", _("Master plan (quy hoạch)")
    OTHER = "other", _("Other")


class Document(SoftDeletable):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")
        SUPERSEDED = "superseded", _("Superseded")

    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    number = models.CharField(_("number"), max_length=20, blank=True, help_text=_("58, 01"))
    symbol = models.CharField(
        _("symbol"), max_length=60, blank=True, help_text=_("Number and symbol: 58-CT/TU")
    )
    issuer = models.ForeignKey(
        Body,
        models.PROTECT,
        related_name="documents",
        verbose_name=_("issuer"),
        null=True,
        blank=True,
    )
    province = models.ForeignKey(
        Place,
        models.PROTECT,
        related_name="documents",
        verbose_name=_("province"),
        null=True,
        blank=True,
        help_text=_("Empty for central documents."),
    )
    term = models.ForeignKey(
        Term,
        models.SET_NULL,
        related_name="documents",
        verbose_name=_("term"),
        null=True,
        blank=True,
    )
    issued_on = models.DateField(_("date issued"), null=True, blank=True)
    # "title" alone is a person's office elsewhere; the context keeps the document's own word.
    title = models.CharField(pgettext_lazy("document", "title"), max_length=500)
    text = models.TextField(_("text"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Readable by anyone, signed in or not.")
    )
    #: Symbol and title without diacritics, lower case: officials search "nghi quyet 45".
    search_text = models.TextField(_("search text"), editable=False, blank=True, default="")
    links = models.ManyToManyField(
        "self", through="DocumentLink", symmetrical=False, related_name="linked_from"
    )
    history = HistoricalRecords(excluded_fields=["search_text"])

    access_scope = {"province": "province", "public": "is_public"}

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            # The same document is never entered twice: one symbol per issuer.
            models.UniqueConstraint(
                fields=["issuer", "symbol"],
                condition=~Q(symbol="") & Q(deleted_at__isnull=True),
                name="document_unique_symbol_per_issuer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}".strip() if self.symbol else self.title


class DocumentLink(models.Model):
    """``source`` answers ``target``: implements it, replaces it, amends or reviews it."""

    class Kind(models.TextChoices):
        IMPLEMENTS = "implements", _("implements")
        REPLACES = "replaces", _("replaces")
        AMENDS = "amends", _("amends")
        REVIEWS = "reviews", _("reviews")

    source = models.ForeignKey(Document, models.CASCADE, related_name="outgoing_links")
    target = models.ForeignKey(Document, models.CASCADE, related_name="incoming_links")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    history = HistoricalRecords()

    access_scope = {"province": "source__province", "public": "source__is_public"}

    class Meta:
        verbose_name = _("document link")
        verbose_name_plural = _("document links")
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="document_link_once"),
            models.CheckConstraint(condition=~Q(source=models.F("target")), name="no_self_link"),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_kind_display()} {self.target}"


class DocumentVersion(models.Model):
    """One version of a document's content: as generated, as sent, as revised, as adopted.

    Versions are only ever added, so regenerating a report never overwrites what
    an author edited.
    """

    class Origin(models.TextChoices):
        GENERATED = "generated", _("generated")
        UPLOADED = "uploaded", _("uploaded")
        EDITED = "edited", _("edited")

    document = models.ForeignKey(Document, models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices)
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/", blank=True)
    text = models.TextField(_("text"), blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    access_scope = {"province": "document__province", "public": "document__is_public"}

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="document_version_once"),
        ]

    def __str__(self) -> str:
        return f"{self.document} – v{self.number}"


class Attachment(models.Model):
    """A file attached to a document: the signed scan, an annex, a table."""

    document = models.ForeignKey(Document, models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="attachments/%Y/%m/")
    name = models.CharField(pgettext_lazy("file", "name"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    history = HistoricalRecords()

    access_scope = {"province": "document__province", "public": "document__is_public"}

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name
