"""Places, bodies, terms and the people who hold offices in them.

Places carry validity periods and successor links because the map changed on
1 July 2025: a 2023 report about Long An stays attached to Long An, and rolls up
to Tây Ninh, its successor, when someone asks about Tây Ninh today.
"""

import datetime as dt

from django.conf import settings
from django.db import connection, models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

#: The day the two-level local government and the 34-province map took effect.
REFORM_DATE = dt.date(2025, 7, 1)


class Place(models.Model):
    """An administrative unit (đơn vị hành chính) on one of the two maps."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        DISTRICT = "district", _("District")
        COMMUNE = "commune", _("Commune")

    class Map(models.TextChoices):
        LEGACY = "legacy", _("63 provinces (until 30/6/2025)")
        CURRENT = "2025", _("34 provinces (from 1/7/2025)")

    map = models.CharField(_("map"), max_length=8, choices=Map.choices)
    level = models.CharField(pgettext_lazy("place", "level"), max_length=10, choices=Level.choices)
    code = models.CharField(_("code"), max_length=10, help_text=_("Official statistical code."))
    name = models.CharField(_("name"), max_length=120)
    short_name = models.CharField(_("short name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=30, help_text=_("Tỉnh, Thành phố, Xã, Phường…"))
    key = models.CharField(max_length=120, db_index=True, editable=False)
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children"
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("successor"),
    )

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["map", "level", "code"]
        constraints = [
            models.UniqueConstraint(fields=["map", "level", "code"], name="place_unique_code"),
        ]
        indexes = [models.Index(fields=["level", "short_name"])]

    def __str__(self) -> str:
        if self.valid_to:
            return f"{self.name} ({_('until')} {self.valid_to:%d/%m/%Y})"
        return self.name

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def province(self) -> "Place":
        """The province this unit lies in (itself for a province)."""
        place = self
        while place.level != self.Level.PROVINCE and place.parent_id:
            place = place.parent
        return place

    def current(self) -> "Place":
        """Follow successor links to the unit that exists today."""
        place, seen = self, set()
        while place.successor_id and place.pk not in seen:
            seen.add(place.pk)
            place = place.successor
        return place

    def lineage_ids(self) -> set[int]:
        """This unit and every unit whose data rolls up into it, at any depth.

        One recursive query (SQLite and PostgreSQL both have them) rather than one per
        level: the access layer asks this for the user's province on every signed-in
        request. UNION, not UNION ALL, so that a cycle in the links ends.
        """
        quote = connection.ops.quote_name
        table = quote(Place._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH RECURSIVE lineage(id) AS (SELECT CAST(%s AS BIGINT) UNION "
                f"SELECT p.{quote('id')} FROM {table} p "
                f"JOIN lineage ON p.{quote('successor_id')} = lineage.id) SELECT id FROM lineage",
                [self.pk],
            )
            return {row[0] for row in cursor.fetchall()}


class Term(models.Model):
    """A five-year term (nhiệm kỳ) of a body, numbered by its congress (khóa XI)."""

    body = models.ForeignKey("Body", models.CASCADE, related_name="terms", verbose_name=_("body"))
    number = models.CharField(_("number"), max_length=10, help_text=_("Roman numeral: XI"))
    start_year = models.PositiveSmallIntegerField(_("start year"))
    end_year = models.PositiveSmallIntegerField(_("end year"))
    history = HistoricalRecords()

    access_scope = {"province": "body__province"}

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["body", "-start_year"]
        constraints = [
            models.UniqueConstraint(fields=["body", "number"], name="term_unique_number"),
            models.CheckConstraint(
                condition=Q(end_year__gt=models.F("start_year")), name="term_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return _("term %(number)s (%(start)s–%(end)s)") % {
            "number": self.number,
            "start": self.start_year,
            "end": self.end_year,
        }


class Body(models.Model):
    """An organ that issues documents, holds meetings or carries out tasks (cơ quan)."""

    class Kind(models.TextChoices):
        PARTY_COMMITTEE = "party_committee", _("Party committee (Tỉnh ủy)")
        EXECUTIVE_COMMITTEE = "executive_committee", _("Executive Committee (BCH)")
        STANDING_COMMITTEE = "standing_committee", _("Standing Committee (BTV)")
        STANDING_BOARD = "standing_board", _("Standing Board (Thường trực)")
        PARTY_BOARD = "party_board", _("Party board or office")
        INSPECTION_COMMITTEE = "inspection_committee", _("Inspection Committee (UBKT)")
        PEOPLES_COUNCIL = "peoples_council", _("People's Council (HĐND)")
        PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee (UBND)")
        DEPARTMENT = "department", _("Department (sở, ban, ngành)")
        FRONT = "front", _("Fatherland Front and mass organisations")
        COMMUNE = "commune", _("Commune authority")
        CENTRAL = "central", _("Central body")

    province = models.ForeignKey(
        Place,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
        verbose_name=_("province"),
        help_text=_("Empty for central bodies (Bộ Chính trị, Ban Bí thư)."),
    )
    commune = models.ForeignKey(
        Place,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="commune_bodies",
        verbose_name=_("commune"),
        help_text=_("For the authorities of a commune or ward."),
    )
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    issuer_code = models.CharField(
        _("issuer code"),
        max_length=20,
        blank=True,
        help_text=_("The part after the slash in document symbols: TU, UBND, TW."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    history = HistoricalRecords()

    #: Bodies belong to their province; a body is its own agency for reporters.
    access_scope = {"province": "province", "agency": "pk"}

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["province__short_name", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "name"], name="body_unique_name_per_province"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """A named official; the same person holds several offices over time."""

    full_name = models.CharField(_("full name"), max_length=120)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name


class Office(models.Model):
    """A position (chức vụ) a person holds in a body, for a term or a span of dates."""

    person = models.ForeignKey(
        Person, models.CASCADE, related_name="offices", verbose_name=_("person")
    )
    body = models.ForeignKey(Body, models.CASCADE, related_name="offices", verbose_name=_("body"))
    term = models.ForeignKey(
        Term, models.SET_NULL, null=True, blank=True, related_name="offices", verbose_name=_("term")
    )
    title = models.CharField(
        pgettext_lazy("office held", "title"), max_length=120, help_text=_("Bí thư, Phó Bí thư…")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    history = HistoricalRecords()

    access_scope = {"province": "body__province"}

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["body", "title"]

    def __str__(self) -> str:
        return f"{self.title} {self.body} – {self.person}"


class Membership(models.Model):
    """Which body a user works for and in what role: the basis of every permission."""

    class Role(models.TextChoices):
        OFFICE = "office", _("Province office")
        REPORTER = "reporter", _("Agency reporter")
        LEADER = "leader", _("Leader")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="membership", verbose_name=_("user")
    )
    body = models.ForeignKey(
        Body, models.PROTECT, related_name="memberships", verbose_name=_("body")
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.body}"
