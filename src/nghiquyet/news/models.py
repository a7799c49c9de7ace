"""News items: the article about a meeting that the office publishes on the public portal.

The article is generated from the meeting's records (:mod:`nghiquyet.meetings.news`)
in both languages when the office prepares it, then stored: what the public reads
is the text the office checked and published, not whatever the records say later.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from nghiquyet.core.language import current_language
from nghiquyet.documents.models import Document
from nghiquyet.meetings.models import Meeting
from nghiquyet.orgs.models import Place


class NewsItem(models.Model):
    """One article, a draft until the office publishes it; unpublishing takes it down again."""

    meeting = models.OneToOneField(
        Meeting, models.PROTECT, related_name="news_item", verbose_name=_("meeting")
    )
    province = models.ForeignKey(
        Place, models.PROTECT, related_name="news_items", verbose_name=_("province")
    )
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=300)
    body_vi = models.TextField(_("text (Vietnamese)"), help_text=_("One paragraph per line."))
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)
    documents = models.ManyToManyField(
        Document, related_name="news_items", blank=True, verbose_name=_("adopted documents")
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    access_scope = {"province": "province", "public": "is_published"}

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The public article: feeds and the sitemap link there."""
        return reverse("public_news:article", kwargs={"pk": self.pk})

    @property
    def title(self) -> str:
        """The title in the reader's language; Vietnamese when no English was written."""
        return (self.title_en if current_language() == "en" else "") or self.title_vi

    @property
    def paragraphs(self) -> list[str]:
        body = (self.body_en if current_language() == "en" else "") or self.body_vi
        return [line.strip() for line in body.splitlines() if line.strip()]
