"""Forms read what people type; the services decide whether it is acceptable."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nghiquyet.documents.models import Document, DocumentKind, DocumentLink, DocumentVersion
from nghiquyet.documents.selectors import document_issuers, document_link_candidates
from nghiquyet.orgs.models import Body, Term

DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=DocumentKind.choices)
    symbol = forms.CharField(
        label=_("symbol"),
        required=False,
        max_length=60,
        help_text=_("Number and symbol as printed: 58-CT/TU, 123/KH-UBND. Empty for a draft."),
    )
    number = forms.CharField(label=_("number"), required=False, max_length=20)
    issuer = forms.ModelChoiceField(label=_("issuer"), queryset=Body.objects.none())
    issued_on = forms.DateField(
        label=_("date issued"), required=False, input_formats=DATE_INPUTS, widget=DateInput()
    )
    term = forms.ModelChoiceField(label=_("term"), queryset=Term.objects.none(), required=False)
    title = forms.CharField(label=pgettext_lazy("document", "title"), max_length=500)
    text = forms.CharField(
        label=_("text"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    is_public = forms.BooleanField(
        label=_("public"),
        required=False,
        help_text=_("Readable by anyone, signed in or not. Central documents always are."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        issuers = document_issuers(user=user)
        self.fields["issuer"].queryset = issuers
        self.fields["term"].queryset = Term.objects.filter(body__in=issuers).select_related("body")

    @staticmethod
    def initial_for(document: Document) -> dict[str, Any]:
        return {
            "kind": document.kind,
            "symbol": document.symbol,
            "number": document.number,
            "issuer": document.issuer_id,
            "issued_on": document.issued_on,
            "term": document.term_id,
            "title": document.title,
            "text": document.text,
            "is_public": document.is_public,
        }


class DocumentCreateForm(DocumentForm):
    status = forms.ChoiceField(
        label=_("status"),
        choices=[
            (Document.Status.DRAFT, Document.Status.DRAFT.label),
            (Document.Status.ADOPTED, Document.Status.ADOPTED.label),
        ],
        initial=Document.Status.DRAFT,
    )


class LinkForm(forms.Form):
    kind = forms.ChoiceField(label=_("link"), choices=DocumentLink.Kind.choices)
    target = forms.ModelChoiceField(label=_("document"), queryset=Document.objects.none())

    def __init__(self, *args: Any, user: Any, document: Document, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = document_link_candidates(user=user, document=document)


class AdoptForm(forms.Form):
    issued_on = forms.DateField(
        label=_("date issued"), required=False, input_formats=DATE_INPUTS, widget=DateInput()
    )
    symbol = forms.CharField(label=_("symbol"), required=False, max_length=60)


class VersionForm(forms.Form):
    origin = forms.ChoiceField(
        label=_("origin"),
        choices=DocumentVersion.Origin.choices,
        initial=DocumentVersion.Origin.UPLOADED,
    )
    file = forms.FileField(label=_("file"), required=False)
    text = forms.CharField(
        label=_("text"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    note = forms.CharField(label=_("note"), required=False, max_length=300)


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("file"))
    name = forms.CharField(label=pgettext_lazy("file", "name"), required=False, max_length=200)


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the fields it names, or above the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
