"""Meetings of a province's bodies, from invitation to conclusion.

A meeting (hội nghị, cuộc họp, kỳ họp) is held by one body in a term, numbered
within that term ("lần thứ 17"). Its agenda items are submissions (tờ trình) of
draft documents by a presenting body; delegates comment on the drafts, the
editorial team answers each comment, the body votes, the chair concludes and the
adopted drafts become documents. Every row reaches its province through the
meeting, so one ``access_scope`` path decides who sees and changes it.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from nghiquyet.core.models import SoftDeletable
from nghiquyet.documents.models import Document, DocumentVersion
from nghiquyet.orgs.models import Body, Person, Place, Term

MEETING_PROVINCE = "meeting__province"


class Meeting(SoftDeletable):
    """One conference or session of a body: BCH, BTV, Thường trực, HĐND or UBND."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CLOSED = "closed", _("Closed")

    province = models.ForeignKey(
        Place, models.PROTECT, related_name="meetings", verbose_name=_("province")
    )
    body = models.ForeignKey(Body, models.PROTECT, related_name="meetings", verbose_name=_("body"))
    term = models.ForeignKey(
        Term,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("term"),
    )
    session = models.PositiveSmallIntegerField(
        _("session number"),
        null=True,
        blank=True,
        help_text=_("The number within the term: 17 for “lần thứ 17”."),
    )
    session_override_reason = models.CharField(
        _("reason for the session number"),
        max_length=300,
        blank=True,
        help_text=_("Why the number is not the next one for this body and term."),
    )
    extended = models.BooleanField(_("extended"), default=False, help_text=_("“mở rộng”"))
    title = models.CharField(pgettext_lazy("meeting", "title"), max_length=300, blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    duration_days = models.DecimalField(
        _("duration (days)"),
        max_digits=3,
        decimal_places=1,
        default=Decimal("1"),
        help_text=_("In half days: 0.5 for a morning, 1.5 for a day and a half."),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    members_count = models.PositiveSmallIntegerField(
        _("members of the body"),
        null=True,
        blank=True,
        help_text=_(
            "Recorded by the office; otherwise counted from the body's offices in the term."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    access_scope = {"province": "province", "invitees": ("participants__user",)}

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "term", "session"],
                condition=Q(session__isnull=False) & Q(deleted_at__isnull=True),
                name="meeting_unique_session_per_body_term",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="meeting_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(duration_days__gt=0), name="meeting_duration_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.default_title()

    def default_title(self) -> str:
        """“Hội nghị Ban Chấp hành Đảng bộ tỉnh Đồng Tháp lần thứ 16 (mở rộng)”."""
        parts = [str(_("Meeting of")), self.body.name]
        if self.session:
            parts.append(str(_("no. %(session)s")) % {"session": self.session})
        if self.extended:
            parts.append(str(_("(extended)")))
        return " ".join(parts)


class Participant(models.Model):
    """Someone invited: a member of the body, a guest, or a whole guest body.

    A participant may be a person (orgs.Person), a user of the system (then they
    are a delegate who can comment on drafts), a body represented by its leaders
    ("Vụ địa phương III - Ban Tổ chức Trung ương"), or several of these at once.
    """

    class Kind(models.TextChoices):
        MEMBER = "member", _("Member of the body")
        GUEST = "guest", _("Guest")

    class Attendance(models.TextChoices):
        INVITED = "invited", _("Invited")
        PRESENT = "present", _("Present")
        EXCUSED = "excused", _("Absent with leave")
        ABSENT = "absent", _("Absent")

    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="participants", verbose_name=_("meeting")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MEMBER)
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=300, blank=True)
    person = models.ForeignKey(
        Person,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_participations",
        verbose_name=_("person"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_participations",
        verbose_name=_("user"),
    )
    body = models.ForeignKey(
        Body,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_participations",
        verbose_name=_("body represented"),
    )
    is_chair = models.BooleanField(_("chairs the meeting"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.INVITED
    )
    history = HistoricalRecords()

    access_scope = {"province": MEETING_PROVINCE}

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["meeting", "-is_chair", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"],
                condition=Q(user__isnull=False),
                name="participant_user_once_per_meeting",
            ),
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=Q(person__isnull=False),
                name="participant_person_once_per_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.position}" if self.position else self.name


class AgendaItem(models.Model):
    """One item of the programme: a submission (tờ trình) by a presenting body."""

    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(pgettext_lazy("meeting", "title"), max_length=500)
    presenter = models.ForeignKey(
        Body,
        models.PROTECT,
        related_name="presented_items",
        verbose_name=_("presenting body"),
        help_text=_("BTV submits to the BCH; Ban Tuyên giáo presents the mid-term report."),
    )
    submission = models.ForeignKey(
        Document,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submission (tờ trình)"),
    )
    history = HistoricalRecords()

    access_scope = {"province": MEETING_PROVINCE}

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "order"], name="agenda_item_order_once"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class Draft(models.Model):
    """A draft document put before the meeting under an agenda item.

    The document itself (documents.Document, status draft) carries the versions:
    the one sent to delegates, then the revised ones. Adoption turns the same
    document into an adopted one, so the draft row is the link from an adopted
    resolution back to the meeting that adopted it.
    """

    agenda_item = models.ForeignKey(
        AgendaItem, models.CASCADE, related_name="drafts", verbose_name=_("agenda item")
    )
    document = models.ForeignKey(
        Document, models.PROTECT, related_name="meeting_drafts", verbose_name=_("document")
    )
    sent_version = models.ForeignKey(
        DocumentVersion,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("version sent to delegates"),
    )
    history = HistoricalRecords()

    access_scope = {
        "province": "agenda_item__meeting__province",
        "invitees": ("agenda_item__meeting__participants__user",),
    }

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")
        ordering = ["agenda_item", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "document"], name="draft_once_per_agenda_item"
            ),
        ]

    def __str__(self) -> str:
        return str(self.document)

    @property
    def meeting(self) -> Meeting:
        return self.agenda_item.meeting


class Comment(models.Model):
    """A delegate's comment (góp ý) on a draft, and the editorial team's answer."""

    class Handling(models.TextChoices):
        PENDING = "pending", _("Not yet handled")
        ACCEPTED = "accepted", _("Accepted")
        PARTLY_ACCEPTED = "partly_accepted", _("Partly accepted")
        EXPLAINED = "explained", _("Explained")

    draft = models.ForeignKey(
        Draft, models.CASCADE, related_name="comments", verbose_name=_("draft")
    )
    version = models.ForeignKey(
        DocumentVersion,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("version commented on"),
    )
    author = models.ForeignKey(
        Participant, models.PROTECT, related_name="comments", verbose_name=_("delegate")
    )
    section = models.CharField(
        _("section"),
        max_length=200,
        blank=True,
        help_text=_("Empty when the comment is on the whole draft."),
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)
    handling = models.CharField(
        _("handling"), max_length=16, choices=Handling.choices, default=Handling.PENDING
    )
    reply = models.TextField(_("reply of the editorial team"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    history = HistoricalRecords()

    access_scope = {"province": "draft__agenda_item__meeting__province"}

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["draft", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.author.name}: {self.text[:60]}"


class VoteRule(models.TextChoices):
    """What majority adopts a decision."""

    MAJORITY_OF_MEMBERS = "members", _("More than half of all members")
    MAJORITY_OF_PRESENT = "present", _("More than half of those present")


class Vote(models.Model):
    """The recorded result of a vote (biểu quyết) on an agenda item. Final once saved.

    A mistake is corrected by a new vote that ``supersedes`` the wrong one and
    says why; the wrong one stays, so the record shows what was first written.
    """

    agenda_item = models.ForeignKey(
        AgendaItem, models.PROTECT, related_name="votes", verbose_name=_("agenda item")
    )
    rule = models.CharField(_("rule"), max_length=10, choices=VoteRule.choices)
    members = models.PositiveSmallIntegerField(_("members of the body"))
    present = models.PositiveSmallIntegerField(_("voters present"))
    in_favour = models.PositiveSmallIntegerField(_("for"))
    against = models.PositiveSmallIntegerField(_("against"))
    abstain = models.PositiveSmallIntegerField(_("abstain"))
    adopted = models.BooleanField(_("adopted"))
    supersedes = models.OneToOneField(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name=_("corrects"),
    )
    correction_reason = models.CharField(_("reason for the correction"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    history = HistoricalRecords()

    access_scope = {"province": "agenda_item__meeting__province"}

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["agenda_item", "recorded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    in_favour__lte=models.F("present") - models.F("against") - models.F("abstain")
                ),
                name="vote_ballots_within_present",
            ),
            models.CheckConstraint(
                condition=Q(present__lte=models.F("members")), name="vote_present_within_members"
            ),
        ]

    def __str__(self) -> str:
        return _("%(item)s: %(for)s for, %(against)s against, %(abstain)s abstain") % {
            "item": self.agenda_item,
            "for": self.in_favour,
            "against": self.against,
            "abstain": self.abstain,
        }


class Conclusion(models.Model):
    """The chair's conclusion (kết luận) closing the meeting."""

    meeting = models.OneToOneField(
        Meeting, models.CASCADE, related_name="conclusion", verbose_name=_("meeting")
    )
    chair = models.ForeignKey(
        Participant,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("concluded by"),
    )
    text = models.TextField(_("text"))
    history = HistoricalRecords()

    access_scope = {"province": MEETING_PROVINCE}

    class Meta:
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")

    def __str__(self) -> str:
        return _("Conclusion of %(meeting)s") % {"meeting": self.meeting}
