"""The open-data files every export writes: CSV with a byte-order mark (spreadsheet
programs then read the Cyrillic right) and any cell a spreadsheet would run as a formula
marked as text, and a JSON array of row objects; both streamed a batch of rows at a time.
Each app gives its columns and rows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence

from .batches import batched

ROWS_PER_WRITE = 500  # rows sent to the client at once: one socket write, not one per row
LIST_SEPARATOR = "; "  # between the values of a list in a CSV cell
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
TEXT_MARK = "'"
MARKED_STARTS = frozenset((*FORMULA_STARTS, TEXT_MARK))  # each one character


def neutralised(cell: str) -> str:
    """The cell as the CSV holds it: a spreadsheet shows it as text, never runs it. A cell
    that begins with the mark itself is marked too, so that restored() is its exact inverse."""
    return TEXT_MARK + cell if cell[:1] in MARKED_STARTS else cell


def restored(cell: str) -> str:
    """The value of a cell of the CSV: undoes neutralised()."""
    return cell.removeprefix(TEXT_MARK)


def cell(value: object) -> str:
    """A value as a CSV cell: a list joined by LIST_SEPARATOR, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(map(str, value))
    return str(value)


def cells(record: Sequence) -> list[str]:
    """A record as the CSV's cells. Strings, most of them, skip cell(): this runs for every
    cell of every export."""
    return [neutralised(value if type(value) is str else cell(value)) for value in record]


def csv_lines(columns: Sequence[str], records: Iterable[Sequence]) -> Iterator[str]:
    """The header and the records as CSV text, a batch of rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(columns)
    for batch in batched(records, ROWS_PER_WRITE):
        writer.writerows(map(cells, batch))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def json_chunks(columns: Sequence[str], records: Iterable[Sequence]) -> Iterator[str]:
    """A JSON array of row objects (values as JSON has them), written a batch of rows at a
    time. The opening bracket goes with the first batch: nothing is sent until rows are
    ready, so a failure in the first query (the database, or the server itself, lost) is an
    error the proxy can retry or the client can see, not an export cut short after its
    first byte."""
    opening, separator = "[", "\n"
    for batch in batched(records, ROWS_PER_WRITE):
        rows = ",\n".join(
            json.dumps(dict(zip(columns, record, strict=True)), ensure_ascii=False)
            for record in batch
        )
        yield opening + separator + rows
        opening, separator = "", ",\n"
    yield opening + "\n]\n"
