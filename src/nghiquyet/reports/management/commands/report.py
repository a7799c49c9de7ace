"""``nghiquyet report``: write a review report to a file from the live records.

    nghiquyet report --body "Tỉnh ủy Đồng Tháp" --resolution 15-NQ/TU --period 2024-H1 \\
        --format pdf -o bao-cao.pdf

Reads only: nothing is saved, so a script can render any review at any time. The
draft document with its versions is made from the report page or the API. The
report shows what ``--user`` may see (by default the first active administrator),
through the same access layer as the pages.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from nghiquyet.documents.models import Document
from nghiquyet.orgs.models import Body
from nghiquyet.reports.assemble import report_content
from nghiquyet.reports.models import Report
from nghiquyet.reports.render import OutputFormat, render_output
from nghiquyet.reports.services import kind_for, period_parse
from nghiquyet.reports.templates_store import template_for


class Command(BaseCommand):
    help = "Write a review report (DOCX, PDF or HTML) from the live records."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--body", required=True, help=_("id or exact name of the body"))
        parser.add_argument("--resolution", required=True, help=_("id or symbol (15-NQ/TU)"))
        parser.add_argument("--period", required=True, help="2024-H1, 2024, 2020/2025…")
        parser.add_argument("--kind", default="", help=_("report kind; default from the period"))
        parser.add_argument("--format", default=OutputFormat.DOCX, choices=OutputFormat.CHOICES)
        parser.add_argument("-o", "--output", required=True, help=_("file to write"))
        parser.add_argument("--user", default="", help=_("whose view of the records to report"))

    def handle(self, *args, **options) -> None:
        body = _one(Body.objects.all(), options["body"], "name")
        resolution = _one(
            Document.objects.filter(province=body.province), options["resolution"], "symbol"
        )
        try:
            period = period_parse(options["period"])
            kind = options["kind"] or kind_for(period, resolution.term).value
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        report = Report.objects.filter(
            body=body, resolution=resolution, period=period.code, kind=kind
        ).first() or Report(
            body=body, resolution=resolution, term=resolution.term, period=period.code, kind=kind
        )
        content = report_content(report=report, user=_user(options["user"]))
        try:
            data = render_output(content, options["format"], template_for(body))
        except ValidationError as exc:  # the body's Word template is refused: say why
            raise CommandError(" ".join(exc.messages)) from exc
        Path(options["output"]).write_bytes(data)
        self.stdout.write(
            _("%(path)s: %(sentence)s")
            % {"path": options["output"], "sentence": content.summary_sentence}
        )


def _user(username: str):
    users = get_user_model().objects.filter(is_active=True)
    user = (
        users.filter(username=username).first()
        if username
        else users.filter(is_superuser=True).order_by("pk").first()
    )
    if user is None:
        raise CommandError(_("No such active user; give one with --user."))
    return user


def _one(queryset, key: str, field: str):
    """The record with id `key`, or whose `field` is exactly `key`; an error otherwise."""
    found = queryset.filter(pk=int(key)) if key.isdigit() else queryset.filter(**{field: key})
    if found.count() != 1:
        raise CommandError(
            _("%(key)s matches %(count)s records; give its id.")
            % {"key": key, "count": found.count()}
        )
    return found.get()
