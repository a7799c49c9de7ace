"""Forms that read what people type; the services decide whether it is allowed and valid."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nghiquyet.documents.models import Document
from nghiquyet.orgs.models import Body
from nghiquyet.tasks.models import Check, Task, TaskGroup
from nghiquyet.tasks.status import Status

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TaskFilterForm(forms.Form):
    agency = forms.ModelChoiceField(Body.objects.none(), required=False, label=_("Lead agency"))
    status = forms.ChoiceField(
        choices=[("", _("All")), *Status.choices], required=False, label=_("Status")
    )
    group = forms.ModelChoiceField(TaskGroup.objects.none(), required=False, label=_("Group"))
    due_from = forms.DateField(required=False, label=_("Due from"), widget=DATE)
    due_to = forms.DateField(required=False, label=_("Due by"), widget=DATE)
    q = forms.CharField(required=False, label=_("Search"))

    def __init__(self, *args, agencies, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["group"].queryset = groups


class ProgressForm(forms.Form):
    reported_on = forms.DateField(label=_("Reported on"), widget=DATE)
    percent = forms.IntegerField(label=_("Percent complete"), min_value=0, max_value=100)
    narrative = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 3}))
    results = forms.CharField(
        label=_("Results and products"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    blocked = forms.BooleanField(label=_("Blocked"), required=False)
    evidence = forms.FileField(label=_("Evidence"), required=False)


class CoordinationRequestForm(forms.Form):
    requested_body = forms.ModelChoiceField(Body.objects.none(), label=_("Requested agency"))
    subject = forms.CharField(label=_("Request"), widget=forms.Textarea(attrs={"rows": 2}))
    requested_on = forms.DateField(label=_("Requested on"), widget=DATE)
    due_on = forms.DateField(label=_("Answer due"), widget=DATE)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requested_body"].queryset = agencies


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 2}))
    answered_on = forms.DateField(label=_("Answered on"), widget=DATE)
    answered_by = forms.ModelChoiceField(
        Body.objects.none(),
        required=False,
        label=_("Answering agency"),
        help_text=_("Only when another agency answered in its place."),
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answered_by"].queryset = agencies


class CheckForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Check.Kind.choices)
    checked_on = forms.DateField(label=_("Checked on"), widget=DATE)
    findings = forms.CharField(label=_("Findings"), widget=forms.Textarea(attrs={"rows": 2}))


class DeadlineForm(forms.Form):
    deadline = forms.DateField(label=_("New deadline"), widget=DATE)
    reason = forms.CharField(label=_("Reason"), help_text=_("The decision that moves it."))


class ImportForm(forms.Form):
    document = forms.ModelChoiceField(Document.objects.none(), label=_("Assigning document"))
    file = forms.FileField(label=_("Excel file (.xlsx)"))

    def __init__(self, *args, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents


class TaskForm(forms.Form):
    """A new task: assigned by the office in a group, proposed by an agency, or a sub-task."""

    group = forms.ModelChoiceField(TaskGroup.objects.none(), required=False, label=_("Task group"))
    code = forms.CharField(label=_("No."), required=False, max_length=20)
    title = forms.CharField(label=_("Task"), widget=forms.Textarea(attrs={"rows": 2}))
    lead = forms.ModelChoiceField(Body.objects.none(), label=_("Lead agency"))
    coordinators = forms.ModelMultipleChoiceField(
        Body.objects.none(), required=False, label=_("Coordinating agencies")
    )
    supervisor = forms.ModelChoiceField(
        Body.objects.none(), required=False, label=_("Supervising body")
    )
    start_on = forms.DateField(label=_("Start"), widget=DATE)
    deadline = forms.DateField(label=pgettext_lazy("task", "Deadline"), required=False, widget=DATE)
    recurrence = forms.ChoiceField(
        label=_("Recurrence"), choices=Task.Recurrence.choices, required=False
    )
    expected_output = forms.CharField(
        label=_("Expected output"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, leads, agencies, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = leads
        self.fields["coordinators"].queryset = agencies
        self.fields["supervisor"].queryset = agencies
        if groups is None:
            del self.fields["group"]
        else:
            self.fields["group"].queryset = groups
