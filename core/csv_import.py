"""What every CSV import of the record shares (recommendations, plan activities, UN
recommendations): the file read as UTF-8 CSV with its header checked against the export's
columns, each row checked into a valid row or its problems, and the whole file checked
before anything is written, then written in one transaction or not at all.

An import module gives `run_import` its columns and a `check_and_write(header, records,
versions)` function: it checks every row (`check_records` does the shared part: blank
lines, field counts, NUL characters, the export's formula quotes, repeated keys) and, only
if no problem was found, writes, recording each record written in the audit history with
`versions` (core/audit.py, the importing user and the file bound).

Problems name the row as a spreadsheet numbers it (the header is row 1) and the column."""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import PurePath
from typing import IO, Protocol, TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, models, transaction
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .audit import record_versions
from .open_data import restored

T = TypeVar("T")
R = TypeVar("R")
# A message for the person importing: lazy, so shown in the language of whoever reads it.
Message = str | Promise
LIST_DELIMITER = ";"  # exports join with "; "; spaces around slugs are optional


class Progress(Protocol):
    """Wraps an iterable to report progress, as tqdm does: progress(rows, desc=..., total=...)."""

    def __call__(self, iterable: Iterable[T], *, desc: str, total: int) -> Iterable[T]: ...


class RecordVersions(Protocol):
    """record_versions (core/audit.py) with the importing user and reason bound."""

    def __call__(self, records: models.QuerySet, *, history_type: str) -> None: ...


def no_progress(iterable: Iterable[T], *, desc: str, total: int) -> Iterable[T]:
    return iterable


@dataclass(frozen=True)
class Problem:
    """Something wrong with the file, where a spreadsheet shows it (row None: the whole file)."""

    row: int | None
    column: str
    message: Message

    def __str__(self) -> str:
        where = [f"row {self.row}"] if self.row else ["file"]
        where += [f"column {self.column}"] if self.column else []
        place = ", ".join(where)
        return f"{place[0].upper()}{place[1:]}: {self.message}"


@dataclass
class ImportResult:
    """What an import found and did; nothing was written when there are problems."""

    problems: list[Problem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    assessments_added: int = 0
    adds_assessments: bool = True  # whether the import can add history entries at all

    @property
    def summary(self) -> Message:
        if not self.adds_assessments:
            return format_lazy(
                _("{created} created, {updated} updated, {unchanged} unchanged."),
                created=self.created,
                updated=self.updated,
                unchanged=self.unchanged,
            )
        return format_lazy(
            _(
                "{created} created, {updated} updated, {unchanged} unchanged, {assessments} assessments added."
            ),
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
            assessments=self.assessments_added,
        )


class FileProblem(Exception):
    """A problem that stops the check early: the rest of the file cannot be read."""

    def __init__(self, *problems: Problem) -> None:
        self.problems = list(problems)


@dataclass(frozen=True)
class Columns:
    """The columns a file has: the export's, of which some may be left out."""

    all: Sequence[str]
    optional: frozenset[str] = frozenset()

    @property
    def required(self) -> list[str]:
        return [c for c in self.all if c not in self.optional]


def run_import(
    *,
    file: IO[bytes],
    columns: Columns,
    user: AbstractBaseUser | None,
    check_and_write: Callable[[list[str], list[list[str]], RecordVersions], ImportResult],
) -> ImportResult:
    """Read the file, then check and write it in one transaction: a problem anywhere, or a
    conflicting write meanwhile, leaves the database as it was."""
    name = PurePath(getattr(file, "name", "") or "the file").name
    versions = partial(record_versions, user=user, reason=f"Imported from {name}")
    try:
        header, records = read_csv(file.read(), columns)
        with transaction.atomic():
            result = check_and_write(header, records, versions)
            if result.problems:
                transaction.set_rollback(True)  # a check after the first write found one
            return result
    except FileProblem as error:
        return ImportResult(problems=error.problems)
    except IntegrityError:
        # Someone else changed a vocabulary or created a key between the check and the
        # write; the transaction is rolled back, so nothing was written.
        message = _(
            "The records changed while the file was imported; nothing was written. Try again."
        )
        return ImportResult(problems=[Problem(None, "", message)])


# Reading ------------------------------------------------------------------------------


def read_csv(data: bytes, columns: Columns) -> tuple[list[str], list[list[str]]]:
    """The header and the records of UTF-8 CSV bytes (a byte-order mark is allowed)."""
    text = decode(data)
    records = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for record in reader:
            records.append(record)
    except csv.Error as error:
        row = len(records) + 1
        message = format_lazy(_("This row cannot be read as CSV ({error})."), error=error)
        raise FileProblem(Problem(row, "", message)) from None
    if not records or not any(field.strip() for field in records[0]):
        raise FileProblem(Problem(1, "", _("The file is empty: the first row must be the header.")))
    header = [name.strip() for name in records[0]]
    check_header(header, columns)
    return header, records[1:]


NOT_UTF8 = _(
    "The file is not UTF-8 text. Save it from the spreadsheet as “CSV UTF-8 (comma "
    "delimited)” and import it again."
)
UNDECODED = re.compile("[\udc80-\udcff]")  # bytes that are not UTF-8, kept as surrogates


def decode(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise FileProblem(
            Problem(
                None,
                "",
                format_lazy(
                    "{} {}", _("This is a spreadsheet workbook, not a CSV file."), NOT_UTF8
                ),
            )
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(locate_undecodable(data)) from None


def locate_undecodable(data: bytes) -> Problem:
    """Where the first byte that is not UTF-8 is, so the user can find the culprit."""
    text = data.decode("utf-8-sig", errors="surrogateescape")
    header: list[str] = []
    try:
        for number, record in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
            header = header or record
            for index, value in enumerate(record):
                if UNDECODED.search(value):
                    column = header[index].strip() if number > 1 and index < len(header) else ""
                    return Problem(number, column, NOT_UTF8)
    except csv.Error:
        pass
    return Problem(None, "", NOT_UTF8)


def check_header(header: list[str], columns: Columns) -> None:
    problems = [
        Problem(1, name, _("This column appears more than once."))
        for index, name in enumerate(header)
        if name and name in header[:index]
    ]
    problems += [
        Problem(
            1,
            name,
            format_lazy(
                _("Missing column (the columns are: {columns})."), columns=", ".join(columns.all)
            ),
        )
        for name in columns.required
        if name not in header
    ]
    problems += [
        Problem(1, name, _("Unknown column."))
        for name in header
        if name not in columns.all and name
    ]
    if len(header) == 1 and ";" in header[0]:
        message = _("The columns are separated by “;”: save the file with commas as separators.")
        problems = [Problem(1, "", message)]
    if problems:
        raise FileProblem(*problems)


# Checking -------------------------------------------------------------------------------


def check_records(
    header: list[str],
    records: list[list[str]],
    *,
    check_row: Callable[[int, dict[str, str]], tuple[R | None, list[Problem]]],
    key: Callable[[R], Hashable],
    key_column: str,
    label: Callable[[R], str] = str,
    restore: bool = True,
    progress: Progress = no_progress,
) -> tuple[list[R], list[Problem]]:
    """Every record checked by `check_row` (its spreadsheet row number and its values by
    column); the valid rows, and every problem found on the way. Blank lines are skipped; a
    record with the wrong number of fields, a NUL character or the key of an earlier row
    (`key`, shown as `label` gives it) is a problem. `restore` undoes the export's quote
    before a cell a spreadsheet would run as a formula (open_data.neutralised)."""
    first_row_of: dict[Hashable, int] = {}
    rows: list[R] = []
    problems: list[Problem] = []
    numbered = enumerate(records, start=2)
    for number, record in progress(numbered, desc="Checking", total=len(records)):
        if not any(value.strip() for value in record):
            continue  # blank lines, such as a spreadsheet's trailing empty rows
        if len(record) != len(header):
            message = format_lazy(
                _("Expected {expected} fields as in the header, found {found}."),
                expected=len(header),
                found=len(record),
            )
            problems.append(Problem(number, "", message))
            continue
        if restore:
            record = [restored(value) for value in record]
        values = dict(zip(header, record, strict=True))
        nul = [
            Problem(number, c, _("Contains a NUL character."))
            for c, v in values.items()
            if "\x00" in v
        ]
        if nul:
            problems += nul
            continue
        row, row_problems = check_row(number, values)
        problems += row_problems
        if row is None:
            continue
        if key(row) in first_row_of:
            message = format_lazy(
                _("{reference} is also in row {row}."),
                reference=label(row),
                row=first_row_of[key(row)],
            )
            problems.append(Problem(number, key_column, message))
        else:
            first_row_of[key(row)] = number
            rows.append(row)
    return rows, problems


def split_list(value: str) -> list[str]:
    """Slugs of a list column, in order, without blanks or repeats."""
    if not value:
        return []
    return list(dict.fromkeys(filter(None, map(str.strip, value.split(LIST_DELIMITER)))))


def unknown_slugs(slugs: Sequence[str], known: dict[str, int], message: Message) -> Message:
    """`message` (given the unknown slugs as {slugs}), or "" when every slug is known."""
    unknown = [slug for slug in slugs if slug not in known]
    return format_lazy(message, slugs=", ".join(unknown)) if unknown else ""


DATE_FORMAT = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: str) -> tuple[datetime.date | None, Message]:
    if not value:
        return None, ""
    try:
        if DATE_FORMAT.fullmatch(value):
            return datetime.date.fromisoformat(value), ""
    except ValueError:
        pass
    return None, format_lazy(
        _("“{value}” is not a date (use YYYY-MM-DD, e.g. 2021-10-22)."), value=value
    )
