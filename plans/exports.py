"""CSV and JSON of the plans app's lists and the interim-results report: the columns of
each, and the writers (the same CSV rules as the recommendations' open data: a byte-order
mark, and a quote before any cell a spreadsheet would run as a formula).

Activities (/plans/<slug>/export.csv, .json; the filtered list of the plan's page):
    plan, section, number, title, lead_bodies, co_implementing_bodies (organisation slugs
    separated by "; "), deadline (as written, in the export's language), due_date
    (YYYY-MM-DD or empty), status, overdue ("yes"/"no", as of the day of the export),
    topics (slugs), url

UN recommendations (/upr/export.csv, .json; the filtered /upr/ list):
    mechanism, body, cycle, year, document_symbol, paragraph, recommending_state (English),
    response, text (in the export's language), topics, affected_groups, sdg_targets
    (numbers), linked ("yes" when a published Platform recommendation or plan activity
    answers it), url

The interim-results report (/plans/<slug>/report.csv?as_of=…&since=…):
    section, number, title, lead_bodies, deadline, due_date, status_as_of, overdue_as_of,
    status_since (empty without `since`), changed_since ("yes"/"no"; empty without
    `since`), url
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence

from recommendations.exports import neutralised

LIST_SEPARATOR = "; "

ACTIVITY_COLUMNS = [
    "plan", "section", "number", "title", "lead_bodies", "co_implementing_bodies", "deadline",
    "due_date", "status", "overdue", "topics", "url",
]  # fmt: skip
OUTSIDE_COLUMNS = [
    "mechanism", "body", "cycle", "year", "document_symbol", "paragraph", "recommending_state",
    "response", "text", "topics", "affected_groups", "sdg_targets", "linked", "url",
]  # fmt: skip
REPORT_COLUMNS = [
    "section", "number", "title", "lead_bodies", "deadline", "due_date", "status_as_of",
    "overdue_as_of", "status_since", "changed_since", "url",
]  # fmt: skip


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(map(str, value))
    return str(value)


def csv_lines(columns: Sequence[str], records: Iterable[Sequence]) -> Iterator[str]:
    """CSV text with a byte-order mark, a formula-like cell marked as text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(columns)
    for record in records:
        writer.writerow([neutralised(cell(value)) for value in record])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def json_chunks(columns: Sequence[str], records: Iterable[Sequence]) -> Iterator[str]:
    """A JSON array of row objects, with the values as they are (lists as lists, numbers as
    numbers)."""
    rows = [
        json.dumps(
            dict(
                zip(columns, [v if isinstance(v, list) else cell(v) for v in record], strict=True)
            ),
            ensure_ascii=False,
        )
        for record in records
    ]
    yield "[\n" + ",\n".join(rows) + "\n]\n"
