"""A deadline as a plan writes it ("By the end of 2022", "August 2022", «до конца 2022
года», «2022 жылғы тамыз») read as the last day it allows: the due date deadlines and
overdue flags are computed from.

Hand-written rather than a date parser's: parsers read "August 2022" as a day in August
(the first, or today's), and none reads "the first half of 2023" or "by the end of 2022"
as the last day of that period, which is what a plan's deadline means."""

from __future__ import annotations

import calendar
import datetime
import re

# Month names and stems in English, Russian (every case a deadline uses: «август»,
# «августа», «до августа») and Kazakh; matched at the start of a word.
MONTHS = {
    1: ("january", "jan", "январ", "қаңтар"),
    2: ("february", "feb", "феврал", "ақпан"),
    3: ("march", "mar", "март", "наурыз"),
    4: ("april", "apr", "апрел", "сәуір"),
    5: ("may", "мая", "май", "мамыр"),
    6: ("june", "jun", "июн", "маусым"),
    7: ("july", "jul", "июл", "шілде"),
    8: ("august", "aug", "август", "тамыз"),
    9: ("september", "sep", "сентябр", "қыркүйек"),
    10: ("october", "oct", "октябр", "қазан"),
    11: ("november", "nov", "ноябр", "қараша"),
    12: ("december", "dec", "декабр", "желтоқсан"),
}
YEAR = re.compile(r"\b(20\d\d|19\d\d)\b")
DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# "first half", «первое полугодие», «бірінші жартыжылдық»; "second half" etc.
FIRST_HALF = re.compile(r"first half|1st half|перв\w* полугод|i полугод|бірінші жартыжылд")
SECOND_HALF = re.compile(r"second half|2nd half|втор\w* полугод|ii полугод|екінші жартыжылд")
QUARTER = re.compile(
    r"\b(?:q([1-4])|([1-4])(?:st|nd|rd|th)? quarter|([1-4])[- ]?(?:й|го)? ?квартал"
    r"|(i{1,3}|iv) квартал|([1-4])[- ]?(?:ші|шы|інші|ыншы)? ?тоқсан)"
)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _last_day(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _month_in(text: str) -> int | None:
    for word in re.findall(r"[^\W\d_]+", text):
        for month, stems in MONTHS.items():
            # Russian and Kazakh stems take their endings («июня», «сәуірге»); English
            # abbreviations match whole words only ("mar" must not catch "marked").
            if any(
                word == stem or (word.startswith(stem) and (not stem.isascii() or len(stem) > 3))
                for stem in stems
            ):
                return month
    return None


def due_date_from_deadline(deadline: str) -> datetime.date | None:
    """The last day `deadline` allows, or None when it names no date ("Annually",
    "Permanently", an empty cell): such an activity is never overdue."""
    text = " ".join(deadline.lower().split())
    if match := ISO_DATE.search(text):
        year, month, day = map(int, match.groups())
        return _valid_date(year, month, day)
    if match := DAY_MONTH_YEAR.search(text):
        day, month, year = map(int, match.groups())
        return _valid_date(year, month, day)
    years = YEAR.findall(text)
    if not years:
        return None
    year = int(years[-1])  # "2022–2023": the period ends with the later year
    if SECOND_HALF.search(text):
        return datetime.date(year, 12, 31)
    if FIRST_HALF.search(text):
        return datetime.date(year, 6, 30)
    if match := QUARTER.search(text):
        digit = next(group for group in match.groups() if group)
        quarter = ROMAN.get(digit) or int(digit)
        return _last_day(year, quarter * 3)
    month = _month_in(text)
    if month:
        # Either side of the year: "15 August 2022", «2022 жылғы 15 тамыз».
        day = re.search(r"\b(\d{1,2})\b", text)
        if day and 1 <= int(day.group(1)) <= 31:
            return _valid_date(year, month, int(day.group(1)))
        return _last_day(year, month)
    return datetime.date(year, 12, 31)  # "By the end of 2022", "2022", «до конца 2022 года»


def _valid_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
