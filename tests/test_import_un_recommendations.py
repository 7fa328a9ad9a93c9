"""UN recommendations imported from the CSV /upr/ exports: validated whole, written in one
transaction, updated by (mechanism, symbol, paragraph), created otherwise; a hostile file
changes nothing, and staff who may only view are refused."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plans.exports import OUTSIDE_COLUMNS
from plans.importer import import_outside_recommendations
from plans.models import OutsideRecommendation

from . import factories
from .csv_files import csv_bytes

pytestmark = pytest.mark.django_db

IMPORT_URL = "admin:plans_outsiderecommendation_import"


@pytest.fixture
def records(db):
    factories.topic(slug="torture-prevention")
    factories.affected_group(slug="children")
    target = factories.sdg_target()
    upr = factories.outside_recommendation(paragraph="139.24", text="Ratify the Optional Protocol.")
    upr.sdg_targets.add(target)
    factories.outside_recommendation(
        mechanism=OutsideRecommendation.Mechanism.TREATY_BODY,
        body="Committee against Torture",
        document_symbol="CAT/C/KAZ/CO/4",
        paragraph="12",
        recommending_state="",
        response="",
        text="Investigate every allegation of torture.",
    )


def exported(client) -> bytes:
    response = client.get(reverse("upr:export_csv"))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def run_import(data: bytes, language: str = "en"):
    return import_outside_recommendations(file=io.BytesIO(data), language=language)


def snapshot() -> list:
    return [
        list(OutsideRecommendation.objects.order_by("pk").values()),
        list(OutsideRecommendation.topics.through.objects.order_by("pk").values()),
        list(OutsideRecommendation.sdg_targets.through.objects.order_by("pk").values()),
    ]


def rows_of(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def edited(data: bytes, which: str, **values: str) -> bytes:
    """The file with the row of paragraph `which` changed."""
    rows = rows_of(data)
    for row in rows:
        if row["paragraph"] == which:
            row.update(values)
    return csv_bytes(rows, columns=OUTSIDE_COLUMNS)


def test_an_export_imported_back_changes_nothing(client, records):
    before = snapshot()
    result = run_import(exported(client))
    assert result.problems == []
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert str(result.summary) == "0 created, 0 updated, 2 unchanged."
    assert snapshot() == before


def test_a_row_updates_the_record_of_its_symbol_and_paragraph(client, records):
    data = edited(
        exported(client), "139.24", response="noted", topics="torture-prevention",
        affected_groups="children", sdg_targets="", text="Ratify the Optional Protocol to CAT.",
    )  # fmt: skip
    result = run_import(data)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    record = OutsideRecommendation.objects.get(paragraph="139.24")
    assert record.response == "noted"
    assert record.text_en == "Ratify the Optional Protocol to CAT."
    assert [t.slug for t in record.topics.all()] == ["torture-prevention"]
    assert [g.slug for g in record.affected_groups.all()] == ["children"]
    assert not record.sdg_targets.exists()
    assert record.history.latest().history_type == "~"


def test_a_new_symbol_and_paragraph_creates_a_published_record(client, records):
    rows = rows_of(exported(client))
    rows.append({**rows[0], "paragraph": "139.25", "text": "Adopt a law on equality."})
    result = run_import(csv_bytes(rows, columns=OUTSIDE_COLUMNS))
    assert (result.created, result.unchanged) == (1, 2)
    created = OutsideRecommendation.objects.get(paragraph="139.25")
    assert created.is_published and created.text_en == "Adopt a law on equality."
    assert created.history.get().history_type == "+"


@pytest.mark.parametrize(
    ("changes", "column", "message"),
    [
        ({"mechanism": "upr-ish"}, "mechanism", "Unknown mechanism “upr-ish”"),
        (
            {"mechanism": "treaty_body", "body": "Human Rights Committee"},
            "mechanism",
            "already recorded with the mechanism upr",
        ),
        ({"response": "accepted"}, "response", "Unknown response “accepted”"),
        ({"year": "20199"}, "year", "“20199” is not a year."),
        ({"topics": "nothing"}, "topics", "Unknown topic slug: nothing."),
        ({"sdg_targets": "16.99"}, "sdg_targets", "Unknown SDG target: 16.99."),
        ({"text": " "}, "text", "The text is empty."),
        (
            {
                "paragraph": "12",
                "document_symbol": "CAT/C/KAZ/CO/4",
                "mechanism": "treaty_body",
                "body": "Committee against Torture",
            },
            "paragraph",
            "CAT/C/KAZ/CO/4, 12 is also in row 2.",
        ),
    ],
)
def test_a_hostile_row_is_refused_and_nothing_is_written(client, records, changes, column, message):
    data = edited(exported(client), "139.24", **changes)
    data = edited(data, "12", text="A valid change that must not be written.")
    before = snapshot()
    result = run_import(data)
    assert [p.column for p in result.problems] == [column]
    assert message in str(result.problems[0].message)
    assert snapshot() == before


def test_a_file_that_is_not_utf8_or_lacks_a_column_is_refused(client, records):
    before = snapshot()
    assert "not UTF-8" in str(run_import(b"mechanism\n\xff\xfe\n").problems[0].message)
    problems = run_import(b"mechanism,paragraph\nupr,1\n").problems
    assert {p.column for p in problems} >= {"document_symbol", "text"}
    assert snapshot() == before


def test_the_command_imports_or_lists_the_problems(client, records, tmp_path, capsys):
    path = tmp_path / "un.csv"
    path.write_bytes(edited(exported(client), "139.24", text="Ratify it."))
    call_command("import_un_recommendations", str(path))
    assert "0 created, 1 updated, 1 unchanged." in capsys.readouterr().out
    path.write_bytes(edited(exported(client), "139.24", response="accepted"))
    with pytest.raises(CommandError, match="1 problem found"):
        call_command("import_un_recommendations", str(path))


def test_the_secretariat_imports_from_the_admin_page(client, secretariat_client, records):
    data = edited(exported(client), "139.24", text="Ratify the Protocol.")
    file = SimpleUploadedFile("un.csv", data, content_type="text/csv")
    response = secretariat_client.post(
        reverse(IMPORT_URL), {"file": file, "language": "en"}, follow=True
    )
    assert "Import done: 0 created, 1 updated, 1 unchanged." in response.content.decode()


def test_staff_who_may_only_view_un_recommendations_cannot_import(client, records):
    viewer = factories.user(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_outsiderecommendation"))
    client.force_login(viewer)
    assert client.get(reverse(IMPORT_URL)).status_code == 403
    file = SimpleUploadedFile("un.csv", b"mechanism\n", content_type="text/csv")
    assert client.post(reverse(IMPORT_URL), {"file": file, "language": "en"}).status_code == 403


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.lists(
        st.lists(
            st.text(max_size=12), min_size=len(OUTSIDE_COLUMNS), max_size=len(OUTSIDE_COLUMNS)
        ),
        max_size=4,
    ),
    noise=st.binary(max_size=40),
)
def test_no_file_makes_the_import_fail_with_an_exception(records, body, noise):
    data = csv_bytes([dict(zip(OUTSIDE_COLUMNS, values, strict=True)) for values in body])
    result = run_import(data + noise)
    rows = [values for values in body if any(value.strip() for value in values)]
    assert result.problems or result.created + result.updated + result.unchanged == len(rows)
