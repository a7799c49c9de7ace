"""Forms of the targets pages: they read input; the services decide and save."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nghiquyet.core.language import current_language
from nghiquyet.core.periods import Period, PeriodKind
from nghiquyet.core.validation import FigureFormField
from nghiquyet.evaluation import Status, format_figure
from nghiquyet.targets.models import (
    Actual,
    Comparator,
    Direction,
    Kind,
    Milestone,
    Sector,
    Target,
)
from nghiquyet.targets.upload_text import MAX_TEXT_CHARS

_GROUPED = {
    "vi": re.compile(r"-?\d{1,3}(\.\d{3})+(,\d+)?"),
    "en": re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?"),
}


class FigureField(FigureFormField):
    """A number as officials type it: "34.000" and "94,95" in Vietnamese, "34,000" in English.

    Django's localized input would read "34.000" as 34 unless thousands separators
    are switched on site-wide; here a dot followed by groups of three digits is a
    thousands separator, and a lone dot elsewhere ("8.5") still a decimal point.
    Range and decimals are checked by :func:`nghiquyet.core.validation.check_figure`,
    the same check the services apply.
    """

    def __init__(self, **kwargs):
        super().__init__(localize=True, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            text = value.strip().replace(" ", "").replace("\u00a0", "")
            language = current_language()
            thousands, decimal = (".", ",") if language == "vi" else (",", ".")
            if _GROUPED[language].fullmatch(text):
                text = text.replace(thousands, "")
            value = text.replace(decimal, ".")
        return super().to_python(value)


#: The parts of a year an agency reports on, in the order of the year.
_YEAR_PARTS = ["Q1", "Q2", "H1", "Q3", "9M", "Q4", "H2"]


def reporting_periods(target_period: str) -> list[Period]:
    """The periods a figure may be reported for on a target set for ``target_period``.

    A year target takes its quarters, halves, nine months and the year; a term target
    each year of the term and the term itself.
    """
    period = Period.parse(target_period)
    if period.kind is PeriodKind.TERM:
        years = range(period.year + 1, period.end_year + 1)
        return [*(Period.of_year(year) for year in years), period]
    if period.kind is PeriodKind.YEAR:
        parts = [Period.parse(f"{period.year}-{part}") for part in _YEAR_PARTS]
        return [*parts, period]
    return [period]


class ActualForm(forms.Form):
    """A figure for a period, as an agency reports it; the period is picked from a list."""

    period = forms.ChoiceField(label=_("Period"))
    value = FigureField(label=_("Figure"), required=False)
    milestone = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", "—"), *Milestone.choices]
    )
    done_on = forms.DateField(label=_("Done on"), required=False)
    is_estimate = forms.BooleanField(label=_("Estimate (ước)"), required=False)
    source = forms.CharField(label=_("Source"), max_length=300, required=False)
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    evidence = forms.FileField(label=_("Evidence file"), required=False)

    def __init__(self, *args, target: Target, **kwargs):
        super().__init__(*args, **kwargs)
        language = current_language()
        self.fields["period"].choices = [
            (period.code, period.label(language)) for period in reporting_periods(target.period)
        ]
        self.fields["value"].help_text = what_to_type(target)
        if target.unit:
            self.fields["value"].label = f"{self.fields['value'].label} ({target.unit})"
        if target.indicator.kind != Kind.MILESTONE:
            del self.fields["milestone"], self.fields["done_on"]

    @classmethod
    def for_actual(cls, actual: Actual, data=None, files=None) -> "ActualForm":
        initial = {
            name: getattr(actual, name)
            for name in ("period", "value", "milestone", "done_on", "is_estimate", "source", "note")
        }
        form = cls(data, files, initial=initial, target=actual.target)
        form.fields["period"].disabled = True
        if actual.period not in dict(form.fields["period"].choices):
            form.fields["period"].choices += [
                (actual.period, Period.parse(actual.period).label(current_language()))
            ]
        return form


def what_to_type(target: Target) -> str:
    """What the reporter types as the figure, said on the form: the sign rule of a
    reduction and the level of a growth from a base are nowhere else to be guessed."""
    kind = target.indicator.kind
    if kind == Kind.MILESTONE:
        return str(_("Choose the stage; while in progress, the share done in percent."))
    if kind in (Kind.GROWTH, Kind.CHANGE, Kind.REDUCTION) and target.base_value is not None:
        return str(
            _("Type the level reached; the change from %(base)s in %(year)s is computed.")
            % {
                "base": format_figure(target.base_value, current_language()),
                "year": target.base_year or "—",
            }
        )
    if kind == Kind.REDUCTION:
        return str(_("Type the fall as a positive number: 1,2 for a fall of 1,2 points."))
    if kind == Kind.CHANGE:
        return str(_("Type the change in points, negative for a fall: -1,2."))
    if kind == Kind.GROWTH:
        return str(_("Type the growth rate in percent: 8,5."))
    return ""


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Reason for return"), widget=forms.Textarea(attrs={"rows": 2}))


class PlainSelect(forms.Select):
    """A select whose options are drawn without a loop over their attributes (a plain
    select's options have none but "selected"): a dashboard's filters list every period
    of a term, and were a tenth of drawing the page."""

    option_template_name = "core/forms/select_option.html"


class DashboardFilterForm(forms.Form):
    """The filters of a resolution's dashboard; choices depend on the document."""

    period = forms.ChoiceField(label=_("Period"), required=False, widget=PlainSelect)
    status = forms.ChoiceField(label=_("Assessment"), required=False, widget=PlainSelect)
    owner = forms.ChoiceField(label=_("Agency"), required=False, widget=PlainSelect)
    sector = forms.ChoiceField(
        label=_("Field"), required=False, choices=[("", "—"), *Sector.choices], widget=PlainSelect
    )
    #: The table in the resolution's order, or the targets not achieved first.
    UNMET_FIRST = "unmet"
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("as in the resolution")), (UNMET_FIRST, _("not achieved first"))],
        widget=PlainSelect,
    )

    def __init__(self, data, *, periods, owners, default=None):
        # The box shows the period the figures and the summary are for, also when the
        # page opens on its default period.
        super().__init__(data, initial={"period": default.code} if default else None)
        language = current_language()
        self.fields["period"].choices = [(p.code, p.label(language)) for p in periods]
        self.fields["status"].choices = [("", "—")] + [(s.value, s.label(language)) for s in Status]
        self.fields["owner"].choices = [("", "—")] + [(str(b.pk), b.name) for b in owners]


class TextImportForm(forms.Form):
    """Pasted resolution text, or an uploaded file, to propose targets from."""

    text = forms.CharField(
        label=_("Text of the resolution"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        max_length=MAX_TEXT_CHARS,
    )
    file = forms.FileField(label=_("or a file (.txt, .docx, .pdf)"), required=False)
    year = forms.IntegerField(label=_("Year of the targets"), min_value=1945, max_value=2100)

    def clean(self):
        data = super().clean()
        if not data.get("text", "").strip() and not data.get("file"):
            raise forms.ValidationError(_("Paste the text or choose a file."))
        return data


class ProposalForm(forms.Form):
    """One proposed target on the confirmation page, beside the sentence it came from."""

    include = forms.BooleanField(label=_("Keep"), required=False)
    indicator_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    indicator_name = forms.CharField(label=_("Indicator"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    sector = forms.ChoiceField(label=_("Field"), choices=Sector.choices)
    comparator = forms.ChoiceField(label=_("Comparator"), choices=Comparator.choices)
    value = FigureField(label=_("Value"))
    value_max = FigureField(label=_("Upper value"), required=False)
    unit = forms.CharField(label=_("Unit"), max_length=60, required=False)
    period = forms.CharField(label=_("Period"), max_length=12)
    base_year = forms.IntegerField(
        label=_("Base year"), required=False, min_value=1945, max_value=2100
    )
    base_value = FigureField(label=_("Base value"), required=False)
    owner_id = forms.TypedChoiceField(
        label=_("Owning agency"), coerce=int, empty_value=None, required=False
    )
    source_text = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_id"].choices = [("", "—")] + [(b.pk, b.name) for b in owners]


ProposalFormSet = forms.formset_factory(ProposalForm, extra=0)


class NewResolutionForm(forms.Form):
    """The particulars of a resolution created together with its targets."""

    title = forms.CharField(label=pgettext_lazy("document", "Title"), max_length=500)
    symbol = forms.CharField(label=_("Number and symbol"), max_length=60, required=False)
    issuer = forms.ModelChoiceField(label=_("Issuing body"), queryset=None)
    issued_on = forms.DateField(label=_("Date issued"), required=False)

    def __init__(self, *args, issuers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = issuers
