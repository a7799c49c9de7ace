"""The report as plain text: what the draft's version records for search and comparison."""

from nghiquyet.reports.content import ReportContent


def content_text(content: ReportContent) -> str:
    """Every line of the report in reading order, tables as tab-separated rows."""
    header = content.header
    headings = content.headings
    lines = [
        header.upper,
        header.issuer,
        header.symbol,
        *header.motto,
        header.place_date,
        "",
        content.title,
        content.subtitle,
        "",
        content.introduction,
        headings["assessment"],
        *content.assessment,
        headings["targets"],
        content.summary_sentence,
        *(
            "\t".join(
                (str(r.number), r.indicator, r.target, r.actual, r.completion, r.status_label)
            )
            for r in content.target_rows
        ),
        headings["tasks"],
        *(
            "\t".join((a.agency, str(a.total), str(a.done), str(a.in_progress), str(a.late)))
            for a in content.agency_rows
        ),
        headings["limitations"],
        *(f"- {item}" for item in content.limitations),
        headings["next_tasks"],
        *(f"{n}. {item}" for n, item in enumerate(content.next_tasks, start=1)),
        "",
        content.signer_capacity,
        content.signer_title,
        content.signer_name,
    ]
    return "\n".join(line for line in lines if line is not None).strip() + "\n"
