"""A plan's activities imported from the CSV its page exports: export → import changes
nothing, an edited row changes exactly that activity (kept in the audit history), and a file
with any problem is refused whole with its problems named, changing nothing."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plans.exports import ACTIVITY_COLUMNS
from plans.importer import import_activities
from plans.models import Activity, ActivityAssessment, ActivityBody

from . import factories
from .csv_files import csv_bytes

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 5, 1)
IMPORT_URL = "admin:plans_activity_import"


@pytest.fixture
def plan(db):
    plan = factories.action_plan(slug="priority-measures", title="Priority measures")
    section = factories.section(plan=plan, number="I", title="Places of detention")
    ministry = factories.organisation(slug="ministry-of-justice")
    prosecutors = factories.organisation(slug="prosecutor-general")
    factories.topic(slug="torture-prevention")
    for number, title, deadline in (
        ("1", "Monitor the places of detention", "By the end of 2022"),
        ("2", "Train prison staff", "August 2023"),
    ):
        activity = factories.activity(
            plan=plan, section=section, number=number, title=title, deadline=deadline,
            due_date=datetime.date(2022, 12, 31),
        )  # fmt: skip
        ActivityBody.objects.create(activity=activity, organisation=ministry, order=1)
        ActivityBody.objects.create(
            activity=activity, organisation=prosecutors, order=2, as_agreed=True,
            role=ActivityBody.Role.CO_IMPLEMENTING,
        )  # fmt: skip
        activity.record_assessment(date=datetime.date(2023, 1, 10), status="in_progress")
    return plan


def exported(client, plan) -> bytes:
    response = client.get(reverse("plans:export_csv", args=[plan.slug]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def run_import(data: bytes, language: str = "en"):
    return import_activities(file=io.BytesIO(data), language=language, today=TODAY)


def snapshot() -> list:
    """Everything the import may write, to compare before and after."""
    return [
        list(Activity.objects.order_by("pk").values()),
        list(ActivityBody.objects.order_by("pk").values()),
        list(ActivityAssessment.objects.order_by("pk").values()),
        list(Activity.topics.through.objects.order_by("pk").values()),
    ]


def edited(data: bytes, which: str, **values: str) -> bytes:
    """The file with the row of activity number `which` changed."""
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    for row in rows:
        if row["number"] == which:
            row.update(values)
    return csv_bytes(rows, columns=ACTIVITY_COLUMNS)


def test_an_exported_plan_imported_back_changes_nothing(client, plan):
    before = snapshot()
    result = run_import(exported(client, plan))
    assert result.problems == []
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert result.assessments_added == 0
    assert snapshot() == before


def test_an_edited_row_changes_exactly_that_activity_with_its_history(client, plan):
    data = edited(
        exported(client, plan), "2", title="Train every prison officer", status="implemented",
        topics="torture-prevention", due_date="2023-08-31",
    )  # fmt: skip
    untouched = Activity.objects.get(number="1")
    result = run_import(data)
    assert result.problems == []
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    assert result.assessments_added == 1
    activity = Activity.objects.get(plan=plan, number="2")
    assert activity.title_en == "Train every prison officer"
    assert activity.status == "implemented"
    assert activity.due_date == datetime.date(2023, 8, 31)
    assert [t.slug for t in activity.topics.all()] == ["torture-prevention"]
    assert activity.assessments.latest("date").date == TODAY
    # Its bodies stay as they were, "as agreed" included; the other activity is untouched.
    assert [(b.organisation.slug, b.as_agreed) for b in activity.bodies.all()] == [
        ("ministry-of-justice", False), ("prosecutor-general", True),
    ]  # fmt: skip
    assert Activity.objects.get(number="1").updated == untouched.updated
    latest = activity.history.latest()
    assert (latest.history_type, latest.title_en) == ("~", "Train every prison officer")
    assert latest.history_change_reason == "Imported from the file"
    # Imported again: nothing more changes.
    assert (run_import(data).updated, run_import(data).unchanged) == (0, 2)


def test_a_row_in_another_language_writes_that_language_only(client, plan):
    data = edited(exported(client, plan), "1", title="Мониторинг мест лишения свободы")
    assert run_import(data, language="ru").updated == 1
    activity = Activity.objects.get(number="1")
    assert activity.title_ru == "Мониторинг мест лишения свободы"
    assert activity.title_en == "Monitor the places of detention"


def test_a_new_number_creates_an_activity_with_its_bodies(client, plan):
    data = exported(client, plan) + csv_bytes(
        [{"plan": "priority-measures", "section": "I", "number": "3", "title": "Visit",
          "lead_bodies": "prosecutor-general", "deadline": "By the end of 2025",
          "status": "not_assessed"}],
        columns=ACTIVITY_COLUMNS, bom=False,
    ).split(b"\r\n", 1)[1]  # fmt: skip
    result = run_import(data)
    assert (result.created, result.unchanged) == (1, 2)
    activity = Activity.objects.get(plan=plan, number="3")
    assert activity.due_date == datetime.date(2025, 12, 31)  # read from the deadline
    assert [b.organisation.slug for b in activity.bodies.all()] == ["prosecutor-general"]
    assert activity.history.get().history_type == "+"


HOSTILE_CASES = ["bad encoding", "missing column", "unknown body", "bad date", "duplicate number",
                 "unknown plan", "unknown status"]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "row", "column", "message"),
    [
        (b"\xff\xfeplan,number\n", 1, "", "not UTF-8"),
        (b"plan,section,number,title\n", 1, "lead_bodies", "Missing column"),
        (None, 2, "lead_bodies", "Unknown organisation slug: no-such-body."),
        (None, 2, "due_date", "“31.12.2022” is not a date"),
        (None, 3, "number", "1 is also in row 2."),
        (None, 2, "plan", "Unknown plan slug: no-such-plan."),
        (None, 2, "status", "Unknown status “done”"),
    ],
    ids=HOSTILE_CASES,
)
def test_a_hostile_file_is_refused_whole_with_a_clear_message(
    client, plan, request, data, row, column, message
):
    export = exported(client, plan)
    case = request.node.callspec.id
    if data is None:
        changes = {
            "unknown body": {"lead_bodies": "no-such-body"},
            "bad date": {"due_date": "31.12.2022"},
            "duplicate number": {"number": "1"},
            "unknown plan": {"plan": "no-such-plan"},
            "unknown status": {"status": "done"},
        }[case]
        # The change is on the first row, but for the duplicate, which is the second.
        data = edited(export, "2" if case == "duplicate number" else "1", **changes)
        if case != "duplicate number":
            data = edited(data, "2", title="A valid change that must not be written")
    before = snapshot()
    result = run_import(data)
    assert result.problems
    problem = result.problems[0]
    assert (problem.row, problem.column) == (row, column)
    assert message in str(problem.message)
    assert snapshot() == before


def upload(client, data: bytes, language: str = "en"):
    file = SimpleUploadedFile("activities.csv", data, content_type="text/csv")
    return client.post(reverse(IMPORT_URL), {"file": file, "language": language}, follow=True)


def test_the_secretariat_imports_from_the_admin_page_and_sees_problems(
    client, secretariat_client, plan
):
    changelist = secretariat_client.get(reverse("admin:plans_activity_changelist")).content
    assert f'href="{reverse(IMPORT_URL)}"'.encode() in changelist
    data = edited(exported(client, plan), "1", title="Monitor every place of detention")
    response = upload(secretariat_client, data)
    assert "Import done: 0 created, 1 updated, 1 unchanged" in response.content.decode()
    assert Activity.objects.get(number="1").history.latest().history_user is not None
    response = upload(secretariat_client, edited(data, "1", lead_bodies="nobody"))
    assert "Unknown organisation slug: nobody." in response.content.decode()


def test_staff_who_may_only_view_activities_cannot_import(client, plan):
    viewer = factories.user(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_activity"))
    client.force_login(viewer)
    assert client.get(reverse("admin:plans_activity_changelist")).status_code == 200
    assert client.get(reverse(IMPORT_URL)).status_code == 403
    data = csv_bytes([], columns=ACTIVITY_COLUMNS)
    file = SimpleUploadedFile("activities.csv", data, content_type="text/csv")
    assert client.post(reverse(IMPORT_URL), {"file": file, "language": "en"}).status_code == 403
    assert b"Import CSV" not in client.get(reverse("admin:plans_activity_changelist")).content


def test_changed_bodies_are_replaced_with_their_audit_history(client, plan):
    data = edited(
        exported(client, plan), "1", lead_bodies="prosecutor-general", co_implementing_bodies=""
    )
    assert run_import(data).updated == 1
    activity = Activity.objects.get(number="1")
    # The Prosecutor General's Office takes part "as agreed", as a lead body now too.
    assert [(b.organisation.slug, b.role, b.as_agreed) for b in activity.bodies.all()] == [
        ("prosecutor-general", "lead", True)
    ]
    imported = ActivityBody.history.filter(
        activity_id=activity.pk, history_change_reason="Imported from the file"
    )
    gone = sorted(h.organisation.slug for h in imported.filter(history_type="-"))
    assert gone == ["ministry-of-justice", "prosecutor-general"]
    added = [h.organisation.slug for h in imported.filter(history_type="+")]
    assert added == ["prosecutor-general"]
    # No second record of the deletions, without who and why.
    assert not ActivityBody.history.filter(history_type="-", history_change_reason=None).exists()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.lists(
        st.lists(
            st.text(max_size=12), min_size=len(ACTIVITY_COLUMNS), max_size=len(ACTIVITY_COLUMNS)
        ),
        max_size=4,
    ),
    noise=st.binary(max_size=40),
)
def test_no_file_makes_the_import_fail_with_an_exception(plan, body, noise):
    data = csv_bytes([dict(zip(ACTIVITY_COLUMNS, values, strict=True)) for values in body])
    result = run_import(data + noise)
    rows = [values for values in body if any(value.strip() for value in values)]
    assert result.problems or result.created + result.updated + result.unchanged == len(rows)
