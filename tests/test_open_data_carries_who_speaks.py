"""The recommendations export says who speaks in the entry the status follows and carries
the latest independent evaluation beside it; the import writes the entry's source back and
never takes an evaluation from a file."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse

from recommendations.exports import COLUMNS, HISTORY_COLUMNS
from recommendations.importer import import_recommendations
from recommendations.models import Assessment, AssessmentOrigin, Recommendation, Status

from . import factories
from .csv_files import csv_bytes

pytestmark = pytest.mark.django_db


def exported(client, format: str = "csv") -> bytes:
    return b"".join(client.get(reverse(f"recommendations:export_{format}")).streaming_content)


@pytest.fixture
def reported_and_evaluated():
    ministry = factories.organisation(slug="ministry-of-justice")
    ngo = factories.organisation(slug="kibhr", kind="ngo")
    rec = factories.recommendation(reference="CAB-2021-007", year=2021)
    rec.record_assessment(
        date=datetime.date(2021, 3, 1), status=Status.IMPLEMENTED, assessed_by=ministry,
        origin=AssessmentOrigin.GOVERNMENT_REPORT,
    )  # fmt: skip
    rec.record_assessment(
        date=datetime.date(2021, 10, 22), status=Status.NOT_IMPLEMENTED, assessed_by=ngo,
        origin=AssessmentOrigin.EVALUATION,
    )  # fmt: skip
    return rec


def test_the_export_gives_the_claim_and_the_evaluation_side_by_side(client, reported_and_evaluated):
    [row] = json.loads(exported(client, "json"))
    assert {key: row[key] for key in COLUMNS if key.startswith(("status", "last_"))} == {
        "status": "implemented",
        "last_assessment_date": "2021-03-01",
        "last_assessment_origin": "government_report",
        "last_assessed_by": "ministry-of-justice",
        "last_evaluation_date": "2021-10-22",
        "last_evaluation_status": "not_implemented",
        "last_evaluated_by": "kibhr",
    }


def test_reimporting_the_export_over_the_same_records_changes_nothing(
    client, reported_and_evaluated
):
    before = exported(client)
    result = import_recommendations(file=io.BytesIO(before))
    assert (result.problems, result.updated, result.assessments_added) == ([], 0, 0)
    assert exported(client) == before


def test_a_government_report_survives_export_and_import_into_an_emptied_database(client, db):
    ministry = factories.organisation(slug="ministry-of-justice")
    rec = factories.recommendation(reference="CAB-2021-008", year=2021)
    rec.record_assessment(
        date=datetime.date(2021, 3, 1), status=Status.IN_PROGRESS, assessed_by=ministry,
        origin=AssessmentOrigin.GOVERNMENT_REPORT,
    )  # fmt: skip
    before = exported(client)
    Assessment.objects.all().delete()
    Recommendation.objects.all().delete()

    result = import_recommendations(file=io.BytesIO(before))

    assert result.problems == []
    entry = Assessment.objects.get()
    assert (entry.origin, entry.assessed_by) == (AssessmentOrigin.GOVERNMENT_REPORT, ministry)
    assert exported(client) == before


def test_a_file_cannot_make_an_evaluation_set_the_status(db):
    factories.organisation(slug="kibhr", kind="ngo")
    row = {
        "reference": "CAB-2021-009", "year": "2021", "status": "implemented", "text": "Text.",
        "topics": "", "affected_groups": "", "responsible_bodies": "", "meeting": "",
        "last_assessment_date": "2021-10-22", "url": "", "language": "en",
        "last_assessment_origin": "evaluation", "last_assessed_by": "nobody",
    }  # fmt: skip
    result = import_recommendations(file=io.BytesIO(csv_bytes([row], columns=list(row))))
    assert [(p.row, p.column) for p in result.problems] == [
        (2, "last_assessment_origin"),
        (2, "last_assessed_by"),
    ]
    assert not Recommendation.objects.exists()


def test_the_evaluation_columns_of_a_file_are_ignored(db):
    factories.organisation(slug="kibhr", kind="ngo")
    row = {
        "reference": "CAB-2021-010", "year": "2021", "status": "in_progress", "text": "Text.",
        "topics": "", "affected_groups": "", "responsible_bodies": "", "meeting": "",
        "last_assessment_date": "2021-05-01", "url": "", "language": "en",
        "last_evaluation_date": "2021-10-22", "last_evaluation_status": "not_implemented",
        "last_evaluated_by": "kibhr",
    }  # fmt: skip
    result = import_recommendations(file=io.BytesIO(csv_bytes([row], columns=list(row))))
    assert result.problems == []
    assert list(Assessment.objects.values_list("origin", "status")) == [
        (AssessmentOrigin.SECRETARIAT, Status.IN_PROGRESS)
    ]


def test_the_csv_header_lists_the_new_columns_last(client, reported_and_evaluated):
    text = exported(client).decode("utf-8").lstrip("\ufeff")
    header = next(csv.reader(io.StringIO(text)))
    assert header[: header.index("language") + 1] == [
        "reference", "year", "status", "text", "topics", "affected_groups",
        "responsible_bodies", "meeting", "last_assessment_date", "url", "language",
    ]  # fmt: skip
    assert header == COLUMNS


def test_an_activity_export_carries_the_same_history_columns(client):
    ministry = factories.organisation(slug="ministry-of-labour")
    ngo = factories.organisation(slug="charter", kind="ngo")
    activity = factories.activity()
    activity.record_assessment(
        date=datetime.date(2022, 1, 10), status=Status.IN_PROGRESS, assessed_by=ministry,
        origin=AssessmentOrigin.GOVERNMENT_REPORT,
    )  # fmt: skip
    activity.record_assessment(
        date=datetime.date(2022, 2, 1), status=Status.NOT_STARTED, assessed_by=ngo,
        origin=AssessmentOrigin.EVALUATION,
    )  # fmt: skip
    response = client.get(reverse("plans:export_json", args=[activity.plan.slug]))
    [row] = json.loads(b"".join(response.streaming_content))
    assert {key: value for key, value in row.items() if key.startswith("last_")} == {
        "last_assessment_date": "2022-01-10",
        "last_assessment_origin": "government_report",
        "last_assessed_by": "ministry-of-labour",
        "last_evaluation_date": "2022-02-01",
        "last_evaluation_status": "not_started",
        "last_evaluated_by": "charter",
    }
    assert row["status"] == "in_progress"


# Histories that test the rule, and the cells each gives (HISTORY_COLUMNS): the entry the
# status follows is the latest that is not an evaluation, by date and then by entry; the
# latest evaluation stands beside it.
DAY = datetime.date(2022, 5, 1)
CLAIM, EVALUATION = AssessmentOrigin.GOVERNMENT_REPORT, AssessmentOrigin.EVALUATION
HISTORIES = [
    ([], ["", "", "", "", "", ""]),
    (
        [(DAY, Status.IN_PROGRESS, None, AssessmentOrigin.SECRETARIAT)],
        ["2022-05-01", "secretariat", "", "", "", ""],
    ),
    (  # the same day: the later entry
        [(DAY, Status.IN_PROGRESS, "ministry", CLAIM), (DAY, Status.IMPLEMENTED, None, CLAIM)],
        ["2022-05-01", "government_report", "", "", "", ""],
    ),
    (
        [(DAY, Status.NOT_IMPLEMENTED, "ngo", EVALUATION)],
        ["", "", "", "2022-05-01", "not_implemented", "kibhr"],
    ),
    (  # evaluations newer and older than the claim, entered out of order
        [
            (DAY, Status.IMPLEMENTED, "ministry", CLAIM),
            (DAY.replace(month=9), Status.NOT_IMPLEMENTED, "ngo", EVALUATION),
            (DAY.replace(month=2), Status.IN_PROGRESS, "ngo", EVALUATION),
        ],
        [
            "2022-05-01",
            "government_report",
            "ministry-of-justice",
            "2022-09-01",
            "not_implemented",
            "kibhr",
        ],
    ),
]


def record_histories(records: list) -> None:
    bodies = {
        "ministry": factories.organisation(slug="ministry-of-justice"),
        "ngo": factories.organisation(slug="kibhr", kind="ngo"),
        None: None,
    }
    for record, (history, _) in zip(records, HISTORIES, strict=True):
        for date, status, body, origin in history:
            record.record_assessment(
                date=date, status=status, assessed_by=bodies[body], origin=origin
            )


def test_every_recommendation_row_follows_the_rule_of_the_status(client):
    recs = [
        factories.recommendation(reference=f"CAB-2022-{n:03d}", year=2022)
        for n in range(len(HISTORIES))
    ]
    record_histories(recs)

    rows = {row["reference"]: row for row in json.loads(exported(client, "json"))}
    for rec, (_, cells) in zip(recs, HISTORIES, strict=True):
        row = rows[rec.reference]
        assert [row[name] for name in HISTORY_COLUMNS] == cells, rec.reference
        rec.refresh_from_db()
        assert row["status"] == rec.status


def test_every_activity_row_follows_the_same_rule(client):
    plan = factories.action_plan(slug="the-plan")
    activities = [factories.activity(plan=plan, number=str(n)) for n in range(len(HISTORIES))]
    record_histories(activities)

    response = client.get(reverse("plans:export_json", args=["the-plan"]))
    rows = {row["number"]: row for row in json.loads(b"".join(response.streaming_content))}
    for activity, (_, cells) in zip(activities, HISTORIES, strict=True):
        row = rows[activity.number]
        assert [row[name] for name in HISTORY_COLUMNS] == cells, activity.number
        activity.refresh_from_db()
        assert row["status"] == activity.status
