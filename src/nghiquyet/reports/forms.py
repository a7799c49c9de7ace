"""The form that defines a review; the choices come from the access-scoped selectors."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nghiquyet.reports.models import Kind
from nghiquyet.reports.selectors import report_bodies, report_meetings, report_resolutions


class ReportForm(forms.Form):
    body = forms.ModelChoiceField(queryset=None, label=_("Reporting body"))
    resolution = forms.ModelChoiceField(queryset=None, label=_("Resolution"))
    period = forms.CharField(
        label=_("Period"), max_length=12, help_text=_("2024-H1, 2024, 2024-Q3, 2024-9M, 2020/2025")
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("from the period")), *Kind.choices],
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = report_bodies(user=user)
        self.fields["resolution"].queryset = report_resolutions(user=user)


class TemplateForm(forms.Form):
    file = forms.FileField(label=_("Word template (.docx)"))
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class AgendaForm(forms.Form):
    meeting = forms.ModelChoiceField(queryset=None, label=_("Meeting"))

    def __init__(self, *args, user, report, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = report_meetings(user=user, report=report)
