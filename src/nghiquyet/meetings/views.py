"""Pages of a meeting: the list, one meeting with its programme, the drafts delegates
comment on, the comment synthesis table, the minutes and the news, and creation
from a pasted article.

Views read the request, fetch through the access layer (404 when invisible, 403
when visible but not changeable) and call a selector or a service.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nghiquyet.orgs.access import Action, can, get_for
from nghiquyet.orgs.models import Place
from nghiquyet.orgs.selectors import working_province

from . import services
from .exports import minutes_docx, news_docx, synthesis_docx, synthesis_xlsx
from .forms import (
    AdoptForm,
    AgendaItemForm,
    AnswerForm,
    ArticleForm,
    CommentForm,
    ConclusionForm,
    GuestAccountForm,
    MeetingDetailsForm,
    MeetingForm,
    ParticipantForm,
    VoteForm,
    add_service_errors,
)
from .from_text import meeting_proposal
from .models import AgendaItem, Comment, Draft, Meeting, Participant
from .news import news_paragraphs
from .record import duration_text, meeting_record, vote_text
from .selectors import (
    comment_handling_counts,
    comment_synthesis,
    delegate_for_draft,
    drafts_open_to,
    meeting_attendance,
    meeting_detail_queryset,
    meeting_list,
    meeting_members_count,
    meeting_next_session,
    vote_current,
    vote_standing,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, *, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _home_province(user: Any) -> Place:
    """The province whose meetings the user's office calls; only an office calls them."""
    province = working_province(user)
    if province is None or not user.has_perm("meetings.add_meeting"):
        raise PermissionDenied
    return province


@login_required
def meeting_index(request: HttpRequest) -> HttpResponse:
    year = request.GET.get("year", "")
    meetings = meeting_list(user=request.user, year=int(year) if year.isdigit() else None)
    context = {
        "meetings": meetings,
        "year": year,
        "open_drafts": drafts_open_to(user=request.user),
        "can_add": request.user.has_perm("meetings.add_meeting"),
    }
    return render(request, "meetings/meeting_list.html", context)


def _create(request: HttpRequest, form: MeetingForm) -> Meeting | None:
    """Call the service with a valid form; on refusal, put the reason on the form."""
    if not form.is_valid():
        return None
    try:
        return services.meeting_create_with_chairs(user=request.user, **form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return None


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    province = _home_province(request.user)
    form = MeetingForm(request.POST or None, province=province)
    if request.method == "POST" and (meeting := _create(request, form)):
        messages.success(request, _("Meeting recorded."))
        return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form})


@login_required
def meeting_from_text(request: HttpRequest) -> HttpResponse:
    """Paste an article, see the proposed fields beside it, correct and confirm.

    The proposal step only reads; the meeting exists once the user confirms.
    """
    province = _home_province(request.user)
    article = ArticleForm(request.POST or None)
    context: dict[str, Any] = {"article": article}
    if request.method == "POST" and article.is_valid():
        text = article.cleaned_data["text"]
        if request.POST.get("step") == "confirm":
            form = MeetingForm(request.POST, province=province)
            if meeting := _create(request, form):
                messages.success(request, _("Meeting recorded from the article."))
                return redirect("meetings:detail", pk=meeting.pk)
        else:
            proposal = meeting_proposal(text=text, province=province)
            form = MeetingForm(province=province, initial=_initial_of(proposal))
            context["found"] = proposal.found
        context.update(form=form, text=text)
    return render(request, "meetings/meeting_from_text.html", context)


def _initial_of(proposal) -> dict[str, Any]:
    initial = {
        "body": proposal.body,
        "term": proposal.term,
        "session": proposal.session,
        "extended": proposal.extended,
        "starts_on": proposal.starts_on,
        # Most conferences last a day; articles often do not say, and the field is required.
        "duration_days": proposal.duration_days or 1,
        "venue": proposal.venue,
        "chairs": "\n".join(
            f"{c.name} - {c.position}" if c.position else c.name for c in proposal.chairs
        ),
    }
    if proposal.body and proposal.session:
        expected = meeting_next_session(body=proposal.body, term=proposal.term)
        if expected != proposal.session:
            initial["session_override_reason"] = _(
                "Number taken from the article; earlier meetings are not recorded here."
            )
    return initial


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_for(meeting_detail_queryset(), request.user, Action.VIEW, pk=pk)
    editable = can(request.user, Action.CHANGE, meeting)
    items = []
    for item in meeting.agenda_items.all():
        vote = vote_standing(list(item.votes.all()))
        items.append(
            {
                "item": item,
                "vote": vote,
                "vote_text": vote_text(vote) if vote else "",
                # One form per agenda item: its own ids, so each label names its own box.
                "vote_form": VoteForm(auto_id=f"id_vote{item.pk}_%s") if editable else None,
            }
        )
    context = {
        "meeting": meeting,
        "duration": duration_text(meeting),
        "items": items,
        "editable": editable,
        "is_open": meeting.status == Meeting.Status.PLANNED,
        "attendance": meeting_attendance(meeting=meeting),
        "members_count": meeting_members_count(meeting=meeting),
        "conclusion": getattr(meeting, "conclusion", None),
        "attendance_choices": Participant.Attendance.choices,
    }
    if editable:
        context.update(
            # The page holds several forms: each its own ids, so no label names another's box.
            participant_form=ParticipantForm(meeting=meeting, auto_id="id_participant_%s"),
            guest_form=GuestAccountForm(auto_id="id_guest_%s"),
            agenda_form=AgendaItemForm(province=meeting.province, auto_id="id_agenda_%s"),
            conclusion_form=ConclusionForm(auto_id="id_conclusion_%s"),
            adopt_form=AdoptForm(),
            details_form=MeetingDetailsForm(
                initial={"venue": meeting.venue, "members_count": meeting.members_count},
                auto_id="id_details_%s",
            ),
        )
    return render(request, "meetings/meeting_detail.html", context)


def _changeable(request: HttpRequest, pk: int) -> Meeting:
    return get_for(Meeting, request.user, Action.CHANGE, pk=pk)


def _refused(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_POST
def meeting_details(request: HttpRequest, pk: int) -> HttpResponse:
    """The venue and the number of members the office records for the vote rule."""
    meeting = _changeable(request, pk)
    form = MeetingDetailsForm(request.POST)
    if form.is_valid():
        try:
            services.meeting_update(
                user=request.user,
                meeting=meeting,
                venue=form.cleaned_data["venue"],
                members_count=form.cleaned_data["members_count"] or 0,
            )
        except ValidationError as error:
            _refused(request, error)
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
@require_POST
def participant_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _changeable(request, pk)
    form = ParticipantForm(request.POST, meeting=meeting)
    if form.is_valid():
        try:
            invited = services.participant_invite(
                user=request.user, meeting=meeting, **form.cleaned_data
            )
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("%(name)s is invited.") % {"name": invited.name})
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
@require_POST
def guest_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Create a guest's login and invite it, from the meeting's own page."""
    meeting = _changeable(request, pk)
    form = GuestAccountForm(request.POST)
    if form.is_valid():
        try:
            invited = services.guest_account_create(
                user=request.user, meeting=meeting, **form.cleaned_data
            )
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(
                request,
                _("%(name)s is invited and signs in as %(login)s.")
                % {"name": invited.name, "login": form.cleaned_data["username"]},
            )
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
@require_POST
def attendance_set(request: HttpRequest, pk: int) -> HttpResponse:
    """One participant's attendance; HTMX swaps the row, a plain form reloads the page."""
    participant = get_for(
        Participant.objects.select_related("meeting"), request.user, Action.CHANGE, pk=pk
    )
    try:
        services.participant_attendance_set(
            user=request.user, participant=participant, attendance=request.POST.get("attendance")
        )
    except ValidationError as error:
        _refused(request, error)
    if request.htmx:
        return render(
            request,
            "meetings/_participant_row.html",
            {
                "participant": participant,
                "editable": True,
                "attendance_choices": Participant.Attendance.choices,
            },
        )
    return redirect("meetings:detail", pk=participant.meeting_id)


@login_required
@require_POST
def agenda_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _changeable(request, pk)
    form = AgendaItemForm(request.POST, province=meeting.province)
    if form.is_valid():
        data = form.cleaned_data
        try:
            item = services.agenda_item_add(
                user=request.user,
                meeting=meeting,
                title=data["title"],
                presenter=data["presenter"],
            )
            services.draft_create(
                user=request.user,
                agenda_item=item,
                kind=data["draft_kind"],
                title=data["draft_title"],
                text=data["draft_text"],
            )
        except ValidationError as error:
            _refused(request, error)
    else:
        messages.error(request, _("The agenda item is incomplete."))
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
@require_POST
def vote_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_for(AgendaItem.objects.select_related("meeting"), request.user, Action.CHANGE, pk=pk)
    form = VoteForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        standing = vote_current(agenda_item=item)
        try:
            vote = services.vote_record(
                user=request.user,
                agenda_item=item,
                present=data["present"],
                in_favour=data["in_favour"],
                against=data["against"],
                abstain=data["abstain"],
                corrects=standing if data["reason"] else None,
                reason=data["reason"],
            )
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Vote recorded: %(vote)s") % {"vote": vote_text(vote)})
    else:
        messages.error(request, _("Enter every count of the vote."))
    return redirect("meetings:detail", pk=item.meeting_id)


@login_required
@require_POST
def draft_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    draft = get_for(
        Draft.objects.select_related("agenda_item__meeting", "document"),
        request.user,
        Action.CHANGE,
        pk=pk,
    )
    form = AdoptForm(request.POST)
    if form.is_valid():
        try:
            services.draft_adopt(user=request.user, draft=draft, **form.cleaned_data)
            messages.success(request, _("The draft is adopted."))
        except ValidationError as error:
            _refused(request, error)
    return redirect("meetings:detail", pk=draft.agenda_item.meeting_id)


@login_required
@require_POST
def meeting_close(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _changeable(request, pk)
    form = ConclusionForm(request.POST)
    if form.is_valid():
        chair = meeting.participants.filter(is_chair=True).first()
        try:
            services.meeting_close(
                user=request.user,
                meeting=meeting,
                conclusion=form.cleaned_data["conclusion"],
                chair=chair,
            )
        except ValidationError as error:
            _refused(request, error)
    return redirect("meetings:detail", pk=meeting.pk)


def _draft_context(request: HttpRequest, draft: Draft, form: CommentForm | None) -> dict:
    delegate = delegate_for_draft(user=request.user, draft=draft)
    own = draft.comments.filter(author=delegate) if delegate else Comment.objects.none()
    return {"draft": draft, "delegate": delegate, "form": form or CommentForm(), "own": own}


@login_required
def draft_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft as sent, and the comment form for an invited delegate."""
    draft = get_for(
        Draft.objects.select_related("agenda_item__meeting__body", "document", "sent_version"),
        request.user,
        Action.VIEW,
        pk=pk,
    )
    return render(request, "meetings/draft_detail.html", _draft_context(request, draft, None))


@login_required
@require_POST
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A delegate's comment; HTMX replaces the comment panel with the form emptied."""
    draft = get_for(
        Draft.objects.select_related("agenda_item__meeting", "document"),
        request.user,
        Action.VIEW,
        pk=pk,
    )
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(user=request.user, draft=draft, **form.cleaned_data)
            form = None
        except ValidationError as error:
            add_service_errors(form, error)
    context = _draft_context(request, draft, form)
    if form is None:
        context["saved"] = True
    if request.htmx:
        return render(request, "meetings/_comment_panel.html", context)
    if form is None:
        return redirect("meetings:draft", pk=draft.pk)
    return render(request, "meetings/draft_detail.html", context)


@login_required
def synthesis(request: HttpRequest, pk: int) -> HttpResponse:
    draft = get_for(
        Draft.objects.select_related("agenda_item__meeting", "document"),
        request.user,
        Action.VIEW,
        pk=pk,
    )
    editable = can(request.user, Action.CHANGE, draft.agenda_item.meeting)
    comments = {comment.pk: comment for comment in draft.comments.all()}
    rows = comment_synthesis(draft=draft)
    context = {
        "draft": draft,
        "rows": [(row, comments[row.comment_id]) for row in rows],
        "counts": comment_handling_counts(draft=draft),
        "editable": editable,
        "answer_form": AnswerForm(),
    }
    return render(request, "meetings/synthesis.html", context)


@login_required
def synthesis_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    draft = get_for(Draft.objects.select_related("document"), request.user, Action.VIEW, pk=pk)
    name = f"tong-hop-y-kien-{slugify(draft.document.title)[:60]}"
    if fmt == "xlsx":
        return _download(synthesis_xlsx(draft=draft), name=f"{name}.xlsx", content_type=XLSX)
    return _download(synthesis_docx(draft=draft), name=f"{name}.docx", content_type=DOCX)


@login_required
@require_POST
def comment_answer(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_for(
        Comment.objects.select_related("draft__agenda_item__meeting", "author"),
        request.user,
        Action.CHANGE,
        pk=pk,
    )
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.comment_answer(user=request.user, comment=comment, **form.cleaned_data)
        except ValidationError as error:
            _refused(request, error)
    return redirect("meetings:synthesis", pk=comment.draft_id)


@login_required
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_for(Meeting, request.user, Action.VIEW, pk=pk)
    record = meeting_record(meeting=meeting)
    if request.GET.get("format") == "docx":
        return _download(
            minutes_docx(record=record), name=f"bien-ban-{meeting.pk}.docx", content_type=DOCX
        )
    items = [(r, vote_text(r.vote) if r.vote else "") for r in record.items]
    return render(request, "meetings/minutes.html", {"record": record, "items": items})


@login_required
def news(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_for(Meeting, request.user, Action.VIEW, pk=pk)
    record = meeting_record(meeting=meeting)
    if request.GET.get("format") == "docx":
        return _download(
            news_docx(record=record), name=f"tin-hoi-nghi-{meeting.pk}.docx", content_type=DOCX
        )
    return render(
        request, "meetings/news.html", {"record": record, "paragraphs": news_paragraphs(record)}
    )
