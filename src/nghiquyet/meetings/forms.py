"""Forms read and clean input; the services decide. Each form's fields are a service's
keyword arguments, so a view passes ``form.cleaned_data`` straight through.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nghiquyet.documents.models import DocumentKind
from nghiquyet.orgs.models import Body, Place, Term

from .from_text import Chair
from .models import Comment, Meeting, Participant


class MeetingForm(forms.Form):
    """A meeting called by the office; the chairs come as “Name - position” lines."""

    body = forms.ModelChoiceField(queryset=Body.objects.none(), label=_("Body"))
    term = forms.ModelChoiceField(queryset=Term.objects.none(), label=_("Term"), required=False)
    session = forms.IntegerField(label=_("Session number"), min_value=1, required=False)
    session_override_reason = forms.CharField(
        label=_("Reason for the session number"), required=False, max_length=300
    )
    extended = forms.BooleanField(label=_("Extended (mở rộng)"), required=False)
    starts_on = forms.DateField(
        label=_("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    duration_days = forms.DecimalField(
        label=_("Duration (days)"), min_value=Decimal("0.5"), decimal_places=1, initial=1
    )
    venue = forms.CharField(label=_("Venue"), required=False, max_length=200)
    members_count = forms.IntegerField(label=_("Members of the body"), required=False, min_value=1)
    chairs = forms.CharField(
        label=_("Chairs, one per line: name - position"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, province: Place, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(province=province).exclude(
            kind__in=[Body.Kind.DEPARTMENT, Body.Kind.COMMUNE]
        )
        self.fields["term"].queryset = Term.objects.filter(body__province=province)

    def clean_chairs(self) -> list[Chair]:
        chairs = []
        for line in self.cleaned_data["chairs"].splitlines():
            name, _sep, position = line.partition(" - ")
            if name.strip():
                chairs.append(Chair(name=name.strip(), position=position.strip()))
        return chairs


class MeetingDetailsForm(forms.Form):
    venue = forms.CharField(label=_("Venue"), required=False, max_length=200)
    members_count = forms.IntegerField(label=_("Members of the body"), required=False, min_value=0)


class ArticleForm(forms.Form):
    text = forms.CharField(
        label=_("News article"), widget=forms.Textarea(attrs={"rows": 16}), max_length=100_000
    )


class ParticipantForm(forms.Form):
    """Invite someone by name, or one of the province's users, who may then comment."""

    delegate = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        label=_("User of the system"),
        required=False,
        help_text=_("An invited user comments on the drafts; leave empty to invite by name."),
    )
    name = forms.CharField(label=_("Name or body"), max_length=200, required=False)
    position = forms.CharField(label=_("Position"), required=False, max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=Participant.Kind.choices)
    is_chair = forms.BooleanField(label=_("Chairs the meeting"), required=False)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        users = (
            get_user_model()
            .objects.filter(is_active=True, membership__body__province=meeting.province)
            .exclude(pk__in=meeting.participants.filter(user__isnull=False).values("user"))
        )
        self.fields["delegate"].queryset = users.order_by("last_name", "first_name")
        self.fields["delegate"].label_from_instance = _user_label


def _user_label(user) -> str:
    name = user.get_full_name() or user.get_username()
    return f"{name} – {user.membership.body}"


class GuestAccountForm(forms.Form):
    """A guest from outside the province (a central board's delegate) gets a login here."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    position = forms.CharField(label=_("Position"), required=False, max_length=300)
    username = forms.CharField(label=_("Login name"), max_length=150)
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(render_value=False), min_length=8
    )
    email = forms.EmailField(label=_("E-mail"), required=False)


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Submission"), max_length=500)
    presenter = forms.ModelChoiceField(queryset=Body.objects.none(), label=_("Presenting body"))
    draft_kind = forms.ChoiceField(label=_("Kind of draft"), choices=DocumentKind.choices)
    draft_title = forms.CharField(label=_("Title of the draft"), max_length=500)
    draft_text = forms.CharField(
        label=_("Text of the draft"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, *args, province: Place, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presenter"].queryset = Body.objects.filter(province=province)


class CommentForm(forms.Form):
    section = forms.CharField(
        label=_("Section"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to comment on the whole draft."),
    )
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4}))


class AnswerForm(forms.Form):
    handling = forms.ChoiceField(
        label=_("Handling"),
        choices=[c for c in Comment.Handling.choices if c[0] != Comment.Handling.PENDING],
    )
    reply = forms.CharField(
        label=_("Reply"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class VoteForm(forms.Form):
    present = forms.IntegerField(label=_("Voters present"), min_value=0)
    in_favour = forms.IntegerField(label=_("For"), min_value=0)
    against = forms.IntegerField(label=_("Against"), min_value=0)
    abstain = forms.IntegerField(label=_("Abstain"), min_value=0)
    reason = forms.CharField(label=_("Reason for the correction"), required=False, max_length=300)


class AdoptForm(forms.Form):
    symbol = forms.CharField(label=_("Symbol"), required=False, max_length=60)


class ConclusionForm(forms.Form):
    conclusion = forms.CharField(
        label=_("Conclusion of the chair"), widget=forms.Textarea(attrs={"rows": 8})
    )


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form, by field where the service named one."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
