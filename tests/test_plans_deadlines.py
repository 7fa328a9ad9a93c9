"""A deadline as the plan writes it is read as the last day it allows: the due date that
overdue flags are computed from."""

import datetime

import pytest

from plans.deadlines import due_date_from_deadline


@pytest.mark.parametrize(
    ("written", "due"),
    [
        ("By the end of 2022", datetime.date(2022, 12, 31)),
        ("By the end of 2023", datetime.date(2023, 12, 31)),
        ("August 2022", datetime.date(2022, 8, 31)),
        ("February 2024", datetime.date(2024, 2, 29)),
        ("до конца 2022 года", datetime.date(2022, 12, 31)),
        ("август 2022 года", datetime.date(2022, 8, 31)),
        ("до 1 июля 2023 года", datetime.date(2023, 7, 1)),
        ("в марте 2024 года", datetime.date(2024, 3, 31)),
        ("до 15 мая 2022 года", datetime.date(2022, 5, 15)),
        ("2022 жылдың соңына дейін", datetime.date(2022, 12, 31)),
        ("2022 жылғы тамыз", datetime.date(2022, 8, 31)),
        ("first half of 2023", datetime.date(2023, 6, 30)),
        ("III квартал 2022 года", datetime.date(2022, 9, 30)),
        ("Q4 2022", datetime.date(2022, 12, 31)),
        ("2-квартал 2023 года", datetime.date(2023, 6, 30)),
        ("2023 жылғы 1-тоқсан", datetime.date(2023, 3, 31)),
        ("2022–2023", datetime.date(2023, 12, 31)),
        ("31.10.2022", datetime.date(2022, 10, 31)),
        ("2022-10-31", datetime.date(2022, 10, 31)),
    ],
)
def test_a_written_deadline_gives_the_last_day_it_allows(written, due):
    assert due_date_from_deadline(written) == due


@pytest.mark.parametrize("written", ["", "Annually", "ежегодно", "Permanently", "30.02.2023"])
def test_a_deadline_naming_no_date_gives_none(written):
    assert due_date_from_deadline(written) is None
