"""The sandbox Word templates are filled in: the documented placeholders, and nothing else."""

import datetime as dt
import io
import re

import pytest
from django.core.exceptions import ValidationError
from docx import Document as WordDocument
from jinja2 import Environment
from jinja2.exceptions import SecurityError, UndefinedError

from nghiquyet.evaluation import summarize, summary_sentence
from nghiquyet.reports import sandbox
from nghiquyet.reports.content import AgencyRow, Format, ReportContent, ReportKind
from nghiquyet.reports.heading import Issuer, header_for
from nghiquyet.reports.placeholders import (
    PICTURES,
    PLACEHOLDERS,
    placeholder_sample,
    placeholder_values,
)
from nghiquyet.reports.render import SHIPPED_TEMPLATES, TEMPLATE_DIR, render_docx
from nghiquyet.reports.sandbox import ReportEnvironment, TemplateRefused
from nghiquyet.reports.word_template import template_check


@pytest.fixture
def small_report() -> ReportContent:
    """A year report of Sở Tài chính with one agency row and no target yet."""
    issuer = Issuer("department", "Sở Tài chính tỉnh Đồng Tháp", "STC", "Đồng Tháp")
    summary = summarize([])
    return ReportContent(
        kind=ReportKind.YEAR,
        header=header_for(issuer, number="12", issued_on=dt.date(2024, 12, 5)),
        subtitle="tổng kết thực hiện Nghị quyết số 15-NQ/TU năm 2024",
        period_label="năm 2024",
        resolution_label="Nghị quyết số 15-NQ/TU",
        introduction="Sở Tài chính báo cáo như sau:",
        assessment=["Nhìn chung, việc thực hiện các nhiệm vụ cơ bản đạt yêu cầu."],
        target_rows=[],
        summary=summary,
        summary_sentence=summary_sentence(summary),
        agency_rows=[AgencyRow("Sở Tài chính", total=6, done=4, in_progress=1, late=1)],
        limitations=[],
        next_tasks=["Đẩy nhanh giải ngân vốn đầu tư công."],
    )


def filled(source: str, values: dict | None = None) -> str:
    return ReportEnvironment().from_string(source).render(values or placeholder_sample())


def test_the_environment_has_no_globals_to_walk_from():
    assert ReportEnvironment().globals == {}


def test_a_template_prints_placeholders_fields_loops_and_text_filters():
    values = placeholder_sample()
    values["header"]["issuer"] = "Tỉnh ủy"
    values["target_rows"] = [{**values["target_rows"][0], "indicator": n} for n in "AB"]
    source = (
        "{{ header.issuer|upper }}: {% for row in target_rows if row.indicator != 'C' %}"
        "{{ loop.index }}.{{ row['indicator'] }}{% if not loop.last %}, {% endif %}{% endfor %}"
        " ({{ target_rows|length }} {{ (target_rows|last).indicator ~ '!' }})"
    )
    assert filled(source, values) == "TỈNH ỦY: 1.A, 2.B (2 B!)"


@pytest.mark.parametrize(
    ("source", "named"),
    [
        ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "cycler"),
        ("{{ self._TemplateReference__context }}", "self"),
        ("{{ header.items() }}", "header.items()"),
        ("{{ row.indicator }}", "row"),
        ("{% for row in target_rows %}{{ row.agency }}{% endfor %}", "row.agency"),
        ("{% for line in header %}{% endfor %}", "for line in header"),
        ("{% set x = title %}", "set"),
        ("{% include 'x' %}", "include"),
        ("{{ title|format(1) }}", "format"),
        ("{{ [title] }}", "title"),
        ("{{ target_rows[title] }}", "target_rows[title]"),
        ("{{ title|truncate(headings.tasks) }}", "truncate"),
    ],
)
def test_anything_beyond_the_documented_placeholders_is_refused_by_name(source, named):
    with pytest.raises(TemplateRefused, match=re.escape(named)):
        filled(source)


def test_the_sandbox_alone_holds_when_the_placeholder_check_is_bypassed():
    """A tree compiled without the check still reaches no attribute, call or operator."""
    environment = ReportEnvironment()

    def unchecked(source: str) -> str:
        tree = Environment().parse(source)
        return environment.from_string(tree).render(placeholder_sample())

    assert unchecked("{{ header.__class__ }}{{ cycler }}{{ namespace }}") == ""
    with pytest.raises(SecurityError):
        unchecked("{{ 'A' * 1000000000 }}")
    with pytest.raises((SecurityError, UndefinedError)):
        unchecked("{{ title.format(header) }}")
    with pytest.raises((SecurityError, UndefinedError)):
        unchecked("{% for x in range(3) %}.{% endfor %}")


def test_a_template_part_is_checked_and_compiled_once_then_served_from_memory(monkeypatch):
    parsed = []
    parse = ReportEnvironment.parse

    def counting(self, source, *args, **kwargs):
        parsed.append(source)
        return parse(self, source, *args, **kwargs)

    monkeypatch.setattr(ReportEnvironment, "parse", counting)
    source = "{{ header.issuer|upper }} – Báo cáo {{ header.symbol }} (kiểm tra bộ nhớ đệm)"
    values = placeholder_sample()
    values["header"]["issuer"], values["header"]["symbol"] = "Tỉnh ủy Đồng Tháp", "125-BC/TU"
    first, second = filled(source, values), filled(source, values)
    assert first == second == "TỈNH ỦY ĐỒNG THÁP – Báo cáo 125-BC/TU (kiểm tra bộ nhớ đệm)"
    assert parsed == [source]


def test_a_refused_template_is_refused_again_every_time():
    for _ in range(3):
        with pytest.raises(TemplateRefused, match="__class__"):
            filled("{{ header.__class__ }} – lần thử bộ nhớ đệm")


def test_what_a_template_prints_is_capped(monkeypatch):
    monkeypatch.setattr(sandbox, "MAX_OUTPUT_CHARS", 1_000)
    values = placeholder_sample()
    values["target_rows"] = [{"indicator": "Tổng sản phẩm trên địa bàn"}] * 100
    with pytest.raises(TemplateRefused, match="1000"):
        filled("{% for row in target_rows %}{{ row.indicator }}{% endfor %}", values)


def test_a_template_with_thousands_of_tags_in_one_part_is_refused():
    with pytest.raises(TemplateRefused, match="5000"):
        filled("{{ title }}" * 5_001)


def test_every_placeholder_is_documented_in_the_template_readme():
    readme = (TEMPLATE_DIR / "README.md").read_text(encoding="utf-8")
    for name in PLACEHOLDERS:
        assert name in readme, name


def test_the_renderer_hands_over_exactly_the_documented_placeholders(small_report):
    assert set(placeholder_values(small_report)) | set(PICTURES) == set(PLACEHOLDERS)


def test_a_report_renders_with_the_shipped_template_in_the_sandbox(small_report):
    document = WordDocument(io.BytesIO(render_docx(small_report)))
    text = "\n".join(p.text for t in document.tables for c in t._cells for p in c.paragraphs)
    text += "\n".join(p.text for p in document.paragraphs)
    assert "SỞ TÀI CHÍNH" in text and "Đẩy nhanh giải ngân vốn đầu tư công." in text


def test_the_shipped_templates_pass_the_upload_check():
    for path in SHIPPED_TEMPLATES.values():
        template_check(path)


def hostile_in(part: str) -> bytes:
    document = WordDocument(SHIPPED_TEMPLATES[Format.PARTY])
    payload = "{{ cycler.__init__.__globals__.os.popen('id').read() }}"
    if part == "header":
        document.sections[0].header.paragraphs[0].text = payload
    elif part == "footer":
        document.sections[0].footer.paragraphs[0].text = payload
    else:
        document.core_properties.title = payload
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("part", ["header", "footer", "properties"])
def test_a_hostile_placeholder_in_a_header_footer_or_the_file_properties_is_refused(
    part, small_report
):
    with pytest.raises(ValidationError, match="cycler"):
        template_check(io.BytesIO(hostile_in(part)))
    with pytest.raises(ValidationError, match="cycler"):
        render_docx(small_report, io.BytesIO(hostile_in(part)))


def word_bytes(*lines: str) -> bytes:
    document = WordDocument(SHIPPED_TEMPLATES[Format.PARTY])
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_placeholder_left_open_is_refused_before_the_template_is_rewritten():
    """Thousands of unclosed {{ would make docxtpl's rewriting quadratic (minutes)."""
    opened = word_bytes("{{ " * 3_000 + "Đánh giá chung " * 5_000)
    with pytest.raises(ValidationError, match=re.escape("“{{ {{ {{")):
        template_check(io.BytesIO(opened))
    far = word_bytes("{{ title", "Nội dung " * 600, "}}")
    with pytest.raises(ValidationError, match=re.escape("{{ title")):
        template_check(io.BytesIO(far))


def test_a_stray_closing_brace_pair_is_refused():
    with pytest.raises(ValidationError, match=re.escape("“}}")):
        template_check(io.BytesIO(word_bytes("Kết quả }} năm 2024")))


def test_a_body_larger_than_4_mb_unpacked_is_refused():
    with pytest.raises(ValidationError, match="4 MB"):
        template_check(io.BytesIO(word_bytes("Chỉ tiêu " * 600_000)))
