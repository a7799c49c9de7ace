"""Which Word template a body's reports use."""

from __future__ import annotations

from nghiquyet.orgs.models import Body
from nghiquyet.reports.models import ReportTemplate


def template_for(body: Body):
    """The body's newest uploaded template as an open file, or None for the shipped one.

    It is checked again each time it is filled in (`nghiquyet.reports.word_template`),
    so one stored before the checks existed is refused too.
    """
    uploaded = ReportTemplate.objects.filter(body=body).first()
    if uploaded is None:
        return None
    uploaded.file.open("rb")
    return uploaded.file
