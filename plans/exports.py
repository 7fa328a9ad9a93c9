"""CSV and JSON of the plans app's lists and the interim-results report: the columns of
each; the files are written as every export's are (core/open_data.py: a
byte-order mark, a quote before any cell a spreadsheet would run as a formula).

Activities (/plans/<slug>/export.csv, .json; the filtered list of the plan's page):
    plan, section, number, title, lead_bodies, co_implementing_bodies (organisation slugs
    separated by "; "), deadline (as written, in the export's language), due_date
    (YYYY-MM-DD or empty), status, overdue ("yes"/"no", as of the day of the export),
    topics (slugs), url, then who speaks in its history, as in the recommendations export
    (recommendations/exports.py): last_assessment_date, last_assessment_origin
    (secretariat or government_report), last_assessed_by (the entry the status follows),
    last_evaluation_date, last_evaluation_status, last_evaluated_by (the latest independent
    evaluation, which stands beside it)

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

from collections.abc import Iterable, Iterator, Sequence

from core import open_data
from core.open_data import cell
from recommendations.exports import HISTORY_COLUMNS

ACTIVITY_COLUMNS = [
    "plan", "section", "number", "title", "lead_bodies", "co_implementing_bodies", "deadline",
    "due_date", "status", "overdue", "topics", "url", *HISTORY_COLUMNS,
]  # fmt: skip
OUTSIDE_COLUMNS = [
    "mechanism", "body", "cycle", "year", "document_symbol", "paragraph", "recommending_state",
    "response", "text", "topics", "affected_groups", "sdg_targets", "linked", "url",
]  # fmt: skip
REPORT_COLUMNS = [
    "section", "number", "title", "lead_bodies", "deadline", "due_date", "status_as_of",
    "overdue_as_of", "status_since", "changed_since", "url",
]  # fmt: skip


def json_ready(record: Sequence) -> list:
    """A row as the JSON export gives it: lists as lists, everything else (dates, numbers,
    nothing) as the CSV cell writes it."""
    return [value if isinstance(value, list) else cell(value) for value in record]


def json_chunks(columns: Sequence[str], records: Iterable[Sequence]) -> Iterator[str]:
    return open_data.json_chunks(columns, map(json_ready, records))
