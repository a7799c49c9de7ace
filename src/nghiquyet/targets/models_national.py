"""The share of targets met per province and period, kept for the national view.

Counting the stored verdicts of every target of every province for a period reads
hundreds of thousands of rows at national scale; the national view reads this
table instead, 34 rows a period. It is derived from the stored verdicts by
`nghiquyet.targets.summaries.province_summaries_refresh`, so each row says when
it was last counted.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from nghiquyet.orgs.models import Place
from nghiquyet.targets.models import validate_period_code


class ProvinceSummary(models.Model):
    """How many of a province's live targets each verdict had for a period (tổng hợp)."""

    province = models.ForeignKey(
        Place, models.CASCADE, related_name="target_summaries", verbose_name=_("province")
    )
    period = models.CharField(_("period"), max_length=12, validators=[validate_period_code])
    targets = models.PositiveIntegerField(_("targets"))
    exceeded = models.PositiveIntegerField(_("exceeded"))
    achieved = models.PositiveIntegerField(_("achieved"))
    not_achieved = models.PositiveIntegerField(_("not achieved"))
    in_progress = models.PositiveIntegerField(_("period not over"))
    no_data = models.PositiveIntegerField(_("no data"))
    refreshed_at = models.DateTimeField(_("counted at"))

    access_scope = {"province": "province"}

    class Meta:
        verbose_name = _("province summary")
        verbose_name_plural = _("province summaries")
        ordering = ["period", "province"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "period"], name="province_summary_once_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.province} – {self.period}: {self.met}/{self.targets}"

    @property
    def met(self) -> int:
        """Targets met: exceeded or achieved, as reports count them (đạt và vượt)."""
        return self.exceeded + self.achieved
