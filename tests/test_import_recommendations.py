"""Bulk import of recommendations from the export's CSV: the whole file is checked first,
then written in one transaction; export → import reproduces the same records."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.models import Meeting, Topic
from recommendations.exports import COLUMNS
from recommendations.importer import IMPORTED_SUMMARY, import_recommendations
from recommendations.models import Assessment, Recommendation

from . import factories
from .csv_files import FORMULA_LIKE, csv_bytes, synthetic_csv

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 1)
IMPORT_URL = "admin:recommendations_recommendation_import"


def csv_row(**values: str) -> dict:
    """One valid row (for the `vocabulary` fixture's slugs), overridden by `values`."""
    return {
        "reference": "CAB-2017-001",
        "year": "2017",
        "status": "not_assessed",
        "text": "Ensure access to a lawyer from the moment of detention.",
        "topics": "torture-prevention",
        "affected_groups": "persons-deprived-of-liberty",
        "responsible_bodies": "ministry-of-justice; supreme-court",
        "meeting": "2017-05-12-regular",
        "last_assessment_date": "",
        "url": "https://example.org/ignored/",
        "language": "en",
        **values,
    }


def run_import(data: bytes):
    return import_recommendations(file=io.BytesIO(data), today=TODAY)


def exported(client, prefix: str = "") -> bytes:
    """The public CSV export; `prefix` "/ru" or "/kk" asks for it in that language."""
    response = client.get(f"{prefix}/recommendations/export.csv")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def texts(reference: str) -> tuple:
    return Recommendation.objects.values_list("text_en", "text_ru", "text_kk").get(
        reference=reference
    )


@pytest.fixture
def vocabulary(db) -> None:
    factories.topic(name="Torture prevention", slug="torture-prevention")
    factories.topic(name="Children", slug="children")
    factories.affected_group(name="Persons deprived of liberty", slug="persons-deprived-of-liberty")
    factories.organisation(name="Ministry of Justice", slug="ministry-of-justice")
    factories.organisation(name="Supreme Court", slug="supreme-court")
    factories.meeting(slug="2017-05-12-regular", date=datetime.date(2017, 5, 12))


# The whole file is checked first -------------------------------------------------------


def test_a_file_with_five_kinds_of_error_lists_each_with_row_and_column_and_writes_nothing(
    vocabulary,
):
    data = csv_bytes(
        [
            csv_row(reference="CAB-2017-001"),
            csv_row(reference="CAB-2017-002", topics="torture-prevention; no-such-topic"),
            csv_row(reference="CAB-2012-003", year="2012"),
            csv_row(reference="CAB-2017-004", status="done"),
            csv_row(reference="CAB-2017-005", text="   "),
            csv_row(reference="CAB-2017-001"),
        ]
    )
    result = run_import(data)

    assert [(p.row, p.column) for p in result.problems] == [
        (3, "topics"),
        (4, "year"),
        (5, "status"),
        (6, "text"),
        (7, "reference"),
    ]
    messages = [p.message for p in result.problems]
    assert messages[0] == "Unknown topic slug: no-such-topic."
    assert "2012 is before 2013" in messages[1]
    assert messages[2].startswith("Unknown status “done”")
    assert messages[3] == "The text is empty."
    assert messages[4] == "CAB-2017-001 is also in row 2."
    assert str(result.problems[0]) == "Row 3, column topics: Unknown topic slug: no-such-topic."
    assert not Recommendation.objects.exists()
    assert not Assessment.objects.exists()


@pytest.mark.parametrize(
    ("values", "column", "message"),
    [
        ({"reference": ""}, "reference", "The reference is empty."),
        ({"reference": "CAB 2017/1"}, "reference", "Use letters, digits and hyphens only"),
        ({"reference": "C" * 41}, "reference", "at most 40 characters"),
        ({"year": "twenty"}, "year", "“twenty” is not a year."),
        ({"year": ""}, "year", "The year is empty."),
        ({"status": ""}, "status", "Unknown status “” (use one of: not_assessed, not_started,"),
        ({"year": "20177"}, "year", "20177 is not a year."),
        ({"affected_groups": "women"}, "affected_groups", "Unknown affected group slug: women."),
        ({"responsible_bodies": "mfa"}, "responsible_bodies", "Unknown organisation slug: mfa."),
        ({"meeting": "1999-meeting"}, "meeting", "Unknown meeting slug: 1999-meeting."),
        ({"last_assessment_date": "22.10.2021"}, "last_assessment_date", "is not a date"),
        ({"last_assessment_date": "2021-02-30"}, "last_assessment_date", "is not a date"),
        ({"text": "A\x00B"}, "text", "Contains a NUL character."),
        ({"language": "fr"}, "language", "Unknown language “fr” (use one of: en, ru, kk)."),
        ({"language": ""}, "language", "Unknown language “” (use one of: en, ru, kk)."),
    ],
)
def test_each_bad_value_is_reported_in_its_row_and_column(vocabulary, values, column, message):
    result = run_import(csv_bytes([csv_row(reference="CAB-2017-010"), csv_row(**values)]))
    assert [(p.row, p.column) for p in result.problems] == [(3, column)]
    assert message in result.problems[0].message
    assert not Recommendation.objects.exists()


def test_a_row_with_the_wrong_number_of_fields_is_reported_as_malformed(vocabulary):
    data = csv_bytes([csv_row()]) + b"CAB-2017-002,2017,not_assessed\r\n"
    result = run_import(data)
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (3, "", f"Expected {len(COLUMNS)} fields as in the header, found 3.")
    ]
    assert not Recommendation.objects.exists()


def test_missing_and_unknown_header_columns_are_reported_in_row_1(vocabulary):
    columns = [c for c in COLUMNS if c != "status"] + ["colour"]
    result = run_import(csv_bytes([csv_row()], columns=columns))
    assert [(p.row, p.column) for p in result.problems] == [(1, "status"), (1, "colour")]
    assert result.problems[0].message.startswith("Missing column")
    assert result.problems[1].message == "Unknown column."


def test_a_file_that_is_not_utf8_gets_a_clear_message_with_where_it_fails(vocabulary):
    data = csv_bytes([csv_row(), csv_row(reference="CAB-2017-002")], bom=False)
    data = data.replace(b"Ensure access", "Обеспечить доступ".encode("cp1251"), 1)
    result = run_import(data)
    [problem] = result.problems
    assert (problem.row, problem.column) == (2, "text")
    assert "not UTF-8" in problem.message
    assert "CSV UTF-8" in problem.message
    assert not Recommendation.objects.exists()


def test_an_empty_file_is_reported_not_imported(db):
    result = run_import(b"")
    assert [str(p) for p in result.problems] == [
        "Row 1: The file is empty: the first row must be the header."
    ]


def test_a_file_without_a_byte_order_mark_and_with_spaces_around_slugs_is_accepted(vocabulary):
    data = csv_bytes(
        [csv_row(topics=" children ;torture-prevention;", responsible_bodies="supreme-court")],
        bom=False,
    )
    result = run_import(data)
    assert result.problems == []
    rec = Recommendation.objects.get()
    assert set(rec.topics.values_list("slug", flat=True)) == {"children", "torture-prevention"}


# A clean file is written in one go -----------------------------------------------------


def test_a_clean_file_creates_published_recommendations_with_classification_and_status(
    vocabulary,
):
    data = csv_bytes(
        [
            csv_row(
                reference="CAB-2017-001",
                status="in_progress",
                last_assessment_date="2019-03-01",
                text='Text with "quotes", a comma,\nand a second line.',
            ),
            csv_row(reference="CAB-2018-002", year="2018", meeting="", topics=""),
        ]
    )
    result = run_import(data)
    assert result.problems == []
    assert (result.created, result.updated, result.assessments_added) == (2, 0, 1)

    first = Recommendation.objects.get(reference="CAB-2017-001")
    assert first.is_published
    assert first.text == 'Text with "quotes", a comma,\nand a second line.'
    assert first.meeting.slug == "2017-05-12-regular"
    assert list(first.topics.values_list("slug", flat=True)) == ["torture-prevention"]
    assert list(first.affected_groups.values_list("slug", flat=True)) == [
        "persons-deprived-of-liberty"
    ]
    assert set(first.responsible_bodies.values_list("slug", flat=True)) == {
        "ministry-of-justice",
        "supreme-court",
    }
    assert first.status == "in_progress"
    [assessment] = first.assessments.all()
    assert (assessment.date, assessment.status) == (datetime.date(2019, 3, 1), "in_progress")
    assert assessment.summary == IMPORTED_SUMMARY

    second = Recommendation.objects.get(reference="CAB-2018-002")
    assert (second.year, second.meeting, second.status) == (2018, None, "not_assessed")
    assert not second.topics.exists()
    assert not second.assessments.exists()


def test_a_clean_file_is_written_with_bulk_statements_in_one_transaction(
    vocabulary, django_assert_max_num_queries
):
    def queries_for(count: int, prefix: str) -> list[str]:
        rows = [
            csv_row(
                reference=f"{prefix}-{n}", status="implemented", last_assessment_date="2020-01-01"
            )
            for n in range(count)
        ]
        # Bulk statements, split only where the database limits the parameters of one
        # statement (SQLite; PostgreSQL copies the rows in, which runs no query): at most
        # 29, whatever the number of rows.
        with django_assert_max_num_queries(29) as captured:
            assert run_import(csv_bytes(rows)).created == count
        return [q["sql"] for q in captured.captured_queries]

    few, many = queries_for(3, "FEW"), queries_for(300, "MANY")
    # Lookups are loaded once, whatever the number of rows: the topics, affected groups,
    # organisations, meetings and references known; on PostgreSQL also the new rows' keys,
    # drawn from the sequences of the recommendations and the assessments before the COPY
    # (SQLite's inserts return them).
    lookups = 7 if connection.vendor == "postgresql" else 5
    assert sum(sql.startswith("SELECT") for sql in few) == lookups
    assert sum(sql.startswith("SELECT") for sql in many) == lookups
    # The test already runs in a transaction, so the import's own is a savepoint.
    assert sum(sql.startswith("SAVEPOINT") for sql in many) == 1
    assert Recommendation.objects.count() == 303


def test_a_file_larger_than_one_write_batch_is_imported_whole(vocabulary):
    data = synthetic_csv(
        4500,
        topics=["torture-prevention", "children"],
        groups=["persons-deprived-of-liberty"],
        bodies=["ministry-of-justice", "supreme-court"],
        meetings=["2017-05-12-regular"],
    )
    result = run_import(data)
    assert result.problems == []
    assert result.created == Recommendation.objects.count() == 4500
    assert Recommendation.topics.through.objects.count() >= 4500
    rows = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    linked = sum(len({t.strip() for t in row["topics"].split(";") if t.strip()}) for row in rows)
    assert Recommendation.topics.through.objects.count() == linked  # every link of every row
    assessed = Recommendation.objects.exclude(status="not_assessed").count()
    assert assessed == result.assessments_added == Assessment.objects.count()


# Importing again updates by reference --------------------------------------------------


def test_importing_again_updates_records_by_reference_instead_of_duplicating(vocabulary):
    run_import(csv_bytes([csv_row(status="in_progress", last_assessment_date="2019-03-01")]))
    rec = Recommendation.objects.get()

    changed = csv_row(
        text="Amended text.",
        year="2018",
        topics="children",
        responsible_bodies="supreme-court",
        meeting="",
        status="implemented",
        last_assessment_date="2021-10-22",
    )
    result = run_import(csv_bytes([changed, csv_row(reference="CAB-2019-001", year="2019")]))

    assert result.problems == []
    assert (result.created, result.updated, result.assessments_added) == (1, 1, 1)
    assert Recommendation.objects.count() == 2
    rec.refresh_from_db()
    assert (rec.text, rec.year, rec.status) == ("Amended text.", 2018, "implemented")
    assert rec.meeting.slug == "2017-05-12-regular"  # a blank meeting cell changes no link
    assert list(rec.topics.values_list("slug", flat=True)) == ["children"]
    assert list(rec.responsible_bodies.values_list("slug", flat=True)) == ["supreme-court"]
    # The history gained an entry; the earlier one is still there as it was.
    assert list(rec.assessments.values_list("date", "status")) == [
        (datetime.date(2021, 10, 22), "implemented"),
        (datetime.date(2019, 3, 1), "in_progress"),
    ]


def test_importing_the_public_export_keeps_a_link_to_a_draft_meeting(client, vocabulary):
    # The public export leaves the meeting blank while it is a draft.
    draft = factories.meeting(slug="2024-03-01-draft", is_published=False)
    item = factories.agenda_item(meeting=draft)
    rec = factories.recommendation(reference="CAB-2024-001", meeting=draft, agenda_item=item)
    data = exported(client)
    assert [row["meeting"] for row in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))] == [""]

    result = import_recommendations(file=io.BytesIO(data))

    assert (result.problems, result.updated, result.unchanged) == ([], 0, 1)
    rec.refresh_from_db()
    assert (rec.meeting, rec.agenda_item) == (draft, item)


def test_an_export_taken_while_the_meeting_was_a_draft_keeps_the_link_once_it_is_published(
    client, vocabulary
):
    draft = factories.meeting(slug="2024-03-01-draft", is_published=False)
    item = factories.agenda_item(meeting=draft)
    rec = factories.recommendation(reference="CAB-2024-001", meeting=draft, agenda_item=item)
    data = exported(client)
    Meeting.objects.filter(pk=draft.pk).update(is_published=True)

    result = import_recommendations(file=io.BytesIO(data))

    assert (result.problems, result.updated, result.unchanged) == ([], 0, 1)
    rec.refresh_from_db()
    assert (rec.meeting, rec.agenda_item) == (draft, item)


def test_a_meeting_slug_still_moves_a_record_and_drops_the_old_meetings_agenda_item(vocabulary):
    draft = factories.meeting(slug="2024-03-01-draft", is_published=False)
    rec = factories.recommendation(
        reference="CAB-2017-001", meeting=draft, agenda_item=factories.agenda_item(meeting=draft)
    )
    result = run_import(csv_bytes([csv_row(meeting="2017-05-12-regular")]))
    assert (result.problems, result.updated) == ([], 1)
    rec.refresh_from_db()
    assert (rec.meeting.slug, rec.agenda_item) == ("2017-05-12-regular", None)


def test_importing_the_same_file_twice_changes_nothing_the_second_time(vocabulary):
    data = csv_bytes([csv_row(status="in_progress", last_assessment_date="2019-03-01")])
    run_import(data)
    before = Recommendation.objects.get().updated

    result = run_import(data)
    assert (result.created, result.updated, result.unchanged, result.assessments_added) == (
        0,
        0,
        1,
        0,
    )
    assert Recommendation.objects.get().updated == before
    assert Assessment.objects.count() == 1


def test_an_update_keeps_a_withdrawn_recommendation_unpublished(vocabulary):
    factories.recommendation(reference="CAB-2017-001", is_published=False)
    result = run_import(csv_bytes([csv_row(reference="CAB-2017-001", text="New text.")]))
    assert result.updated == 1
    rec = Recommendation.objects.get()
    assert rec.text == "New text."
    assert not rec.is_published


def test_a_changed_status_without_a_date_is_recorded_today(vocabulary):
    rec = factories.recommendation(reference="CAB-2017-001")
    rec.record_assessment(date=datetime.date(2020, 1, 1), status="in_progress")
    result = run_import(csv_bytes([csv_row(status="implemented")]))
    assert result.assessments_added == 1
    rec.refresh_from_db()
    assert rec.status == "implemented"
    assert rec.assessments.first().date == TODAY


def test_a_status_dated_before_the_latest_assessment_is_refused_as_it_would_not_be_current(
    vocabulary,
):
    rec = factories.recommendation(reference="CAB-2017-001")
    rec.record_assessment(date=datetime.date(2022, 1, 1), status="implemented")
    result = run_import(
        csv_bytes([csv_row(status="in_progress", last_assessment_date="2021-01-01")])
    )
    assert [(p.row, p.column) for p in result.problems] == [(2, "last_assessment_date")]
    assert "before its latest assessment (2022-01-01)" in result.problems[0].message
    assert rec.assessments.count() == 1


def test_a_reference_created_meanwhile_by_someone_else_rolls_the_whole_import_back(
    vocabulary, monkeypatch
):
    # As if CAB-2017-001 were saved in the admin between the check and the write.
    factories.recommendation(reference="CAB-2017-001", text="Saved meanwhile.")
    monkeypatch.setattr("recommendations.importer.load_existing", lambda references: {})
    result = run_import(csv_bytes([csv_row(reference="CAB-2017-000"), csv_row()]))
    assert [str(p) for p in result.problems] == [
        "File: The records changed while the file was imported; nothing was written. Try again."
    ]
    assert list(Recommendation.objects.values_list("reference", "text")) == [
        ("CAB-2017-001", "Saved meanwhile.")
    ]


# The language of each text ---------------------------------------------------------------


def test_each_text_is_imported_into_the_language_its_row_names(vocabulary):
    factories.recommendation(reference="CAB-2017-001", text="English text.")
    rows = [
        csv_row(reference="CAB-2017-001", text="Русский текст.", language="ru"),
        csv_row(reference="CAB-2017-002", text="Қазақша мәтін.", language="kk"),
    ]
    result = run_import(csv_bytes(rows))
    assert (result.problems, result.created, result.updated) == ([], 1, 1)
    assert texts("CAB-2017-001") == ("English text.", "Русский текст.", None)
    assert texts("CAB-2017-002") == (None, None, "Қазақша мәтін.")


def test_a_russian_export_with_an_edited_text_changes_only_the_russian_text(client, vocabulary):
    factories.recommendation(reference="CAB-2017-001", text="English text.", text_ru="Старый.")
    data = exported(client, "/ru").decode("utf-8").replace("Старый.", "Новый.").encode()
    result = import_recommendations(file=io.BytesIO(data))
    assert (result.problems, result.updated) == ([], 1)
    assert texts("CAB-2017-001") == ("English text.", "Новый.", None)


def test_a_text_shown_through_the_fallback_is_not_imported_as_a_translation(client, vocabulary):
    factories.recommendation(reference="CAB-2017-001", text="Only in English.")
    factories.recommendation(reference="CAB-2017-002", text="", text_ru="Только по-русски.")
    for prefix in ("/ru", "/kk"):
        result = import_recommendations(file=io.BytesIO(exported(client, prefix)))
        assert (result.problems, result.updated, result.unchanged) == ([], 0, 2)
    assert texts("CAB-2017-001") == ("Only in English.", None, None)
    assert texts("CAB-2017-002") == ("", "Только по-русски.", None)


@pytest.mark.parametrize("prefix", ["", "/ru", "/kk"])
def test_importing_the_export_in_any_language_changes_nothing(client, record, prefix):
    factories.recommendation(reference="CAB-2024-001", text="In English.", text_ru="По-русски.")
    factories.recommendation(reference="CAB-2024-002", text="", text_kk="Қазақша.")
    factories.recommendation(reference="CAB-2024-003", text="All.", text_ru="Все.", text_kk="Бәрі.")
    columns = ("reference", "text", "text_en", "text_ru", "text_kk", "year", "meeting", "updated")
    stored = Recommendation.objects.rewrite(False).order_by("pk")  # the columns, as stored
    before = list(stored.values_list(*columns))

    result = import_recommendations(file=io.BytesIO(exported(client, prefix)))

    assert result.problems == []
    assert (result.updated, result.assessments_added) == (0, 0)
    assert result.unchanged == Recommendation.objects.published().count()
    assert list(stored.values_list(*columns)) == before


def test_a_file_without_the_language_column_is_imported_as_english(vocabulary):
    factories.recommendation(reference="CAB-2017-001", text="Old.", text_ru="Русский.")
    columns = [c for c in COLUMNS if c != "language"]
    result = run_import(csv_bytes([csv_row(text="New.")], columns=columns))
    assert (result.problems, result.updated) == ([], 1)
    assert texts("CAB-2017-001") == ("New.", "Русский.", None)


# Export → import round trip ------------------------------------------------------------


def test_export_then_import_into_an_emptied_database_gives_the_same_export(client, record):
    # Beyond the record: text that CSV must quote, and a history whose latest entry is
    # "not assessed" (a dated status that equals the default).
    tricky = factories.recommendation(
        reference="CAB-2024-001",
        year=2024,
        text='Обеспечить "доступ", к адвокату;\nвторая строка',
        meeting=record.meeting,
    )
    tricky.topics.set([record.torture])
    tricky.record_assessment(date=datetime.date(2024, 5, 1), status="not_assessed")
    before = exported(client)
    count = Recommendation.objects.published().count()

    Assessment.objects.all().delete()  # first: an assessment PROTECTs its recommendation
    Recommendation.objects.all().delete()
    result = import_recommendations(file=io.BytesIO(before))

    assert result.problems == []
    assert result.created == count
    after = exported(client)
    assert after.decode("utf-8").splitlines() == before.decode("utf-8").splitlines()
    assert after == before


def test_texts_that_begin_like_a_formula_survive_export_and_import_byte_for_byte(
    client, vocabulary
):
    topic = factories.topic(slug="-minus-first")
    for n, text in enumerate(FORMULA_LIKE, start=1):
        rec = factories.recommendation(reference=f"CAB-2020-{n:03d}", text=text)
        rec.topics.add(topic)
    before = exported(client)
    assert "'=HYPERLINK(" in before.decode()  # neutralised in the file

    result = import_recommendations(file=io.BytesIO(before))  # over the same records
    assert (result.problems, result.updated) == ([], 0)
    Recommendation.topics.through.objects.all().delete()
    Recommendation.objects.all().delete()
    result = import_recommendations(file=io.BytesIO(before))  # into an emptied database

    assert (result.problems, result.created) == ([], len(FORMULA_LIKE))
    assert sorted(Recommendation.objects.values_list("text_en", flat=True)) == sorted(FORMULA_LIKE)
    assert set(
        Topic.objects.filter(recommendations__isnull=False).values_list("slug", flat=True)
    ) == {"-minus-first"}
    assert exported(client) == before


def test_a_file_from_before_the_language_column_keeps_a_leading_quote(vocabulary):
    # Such files were written before cells were neutralised: a quote there is the text's own.
    columns = [c for c in COLUMNS if c != "language"]
    result = run_import(csv_bytes([csv_row(text="'Quoted' text.")], columns=columns))
    assert (result.problems, result.created) == ([], 1)
    assert Recommendation.objects.get().text_en == "'Quoted' text."


# The command -----------------------------------------------------------------------------


def test_the_command_lists_every_problem_and_exits_non_zero_on_a_bad_file(vocabulary, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes([csv_row(year="2012"), csv_row(reference="X", status="done")]))
    errors = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_recommendations", str(path), stderr=errors, stdout=io.StringIO())
    assert failure.value.returncode != 0
    assert "2 problems found" in str(failure.value)
    assert "nothing was imported" in str(failure.value)
    lines = errors.getvalue().splitlines()
    assert lines[0].startswith("Row 2, column year: 2012 is before 2013")
    assert lines[1].startswith("Row 3, column status: Unknown status “done”")
    assert not Recommendation.objects.exists()


def test_the_command_imports_a_clean_file_and_prints_the_counts(vocabulary, tmp_path):
    path = tmp_path / "recommendations.csv"
    path.write_bytes(csv_bytes([csv_row(status="implemented", last_assessment_date="2020-01-01")]))
    out = io.StringIO()
    call_command("import_recommendations", str(path), stdout=out)
    assert "1 created, 0 updated, 0 unchanged, 1 assessments added." in out.getvalue()
    assert Recommendation.objects.get().status == "implemented"


def test_the_command_reports_a_file_it_cannot_read(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_recommendations", str(tmp_path / "missing.csv"))


# The admin upload page --------------------------------------------------------------------


def upload(client, data: bytes, name: str = "recommendations.csv"):
    file = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(reverse(IMPORT_URL), {"file": file}, follow=True)


def test_a_secretariat_user_imports_a_file_from_the_admin_upload_page(
    secretariat_client, vocabulary
):
    page = secretariat_client.get(reverse(IMPORT_URL))
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.content.decode()

    data = csv_bytes([csv_row(), csv_row(reference="CAB-2017-002", status="implemented")])
    response = upload(secretariat_client, data)

    assert response.redirect_chain == [
        (reverse("admin:recommendations_recommendation_changelist"), 302)
    ]
    assert "Import done: 2 created, 0 updated, 0 unchanged, 1 assessments added." in (
        response.content.decode()
    )
    assert set(Recommendation.objects.values_list("reference", flat=True)) == {
        "CAB-2017-001",
        "CAB-2017-002",
    }


def test_the_admin_upload_page_lists_the_problems_of_a_bad_file_and_writes_nothing(
    secretariat_client, vocabulary
):
    data = csv_bytes([csv_row(topics="no-such-topic"), csv_row(reference="CAB-2017-002", year="x")])
    response = upload(secretariat_client, data)
    assert response.status_code == 200
    assert response.redirect_chain == []
    assert [(p.row, p.column) for p in response.context["problems"]] == [
        (2, "topics"),
        (3, "year"),
    ]
    html = response.content.decode()
    assert "2 problems found; nothing was imported." in html
    assert "<td>2</td><td>topics</td><td>Unknown topic slug: no-such-topic.</td>" in html
    assert not Recommendation.objects.exists()


def test_the_admin_upload_page_explains_a_file_that_is_not_utf8(secretariat_client, vocabulary):
    data = csv_bytes([csv_row(text="Обеспечить доступ")], bom=False).decode().encode("cp1251")
    response = upload(secretariat_client, data)
    assert response.status_code == 200
    assert "The file is not UTF-8 text." in response.content.decode()
    assert not Recommendation.objects.exists()


def test_the_admin_upload_page_rejects_an_empty_upload_without_an_error_page(
    secretariat_client, db
):
    response = upload(secretariat_client, b"")
    assert response.status_code == 200
    assert "The submitted file is empty." in response.content.decode()


def test_staff_without_add_and_change_permission_cannot_import(client, db):
    client.force_login(factories.user(is_staff=True))
    assert client.get(reverse(IMPORT_URL)).status_code == 403


def test_the_recommendations_changelist_links_to_the_import_page(secretariat_client, db):
    html = secretariat_client.get(
        reverse("admin:recommendations_recommendation_changelist")
    ).content.decode()
    assert f'href="{reverse(IMPORT_URL)}"' in html
    assert "Import CSV" in html


# Hostile input -----------------------------------------------------------------------------


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.lists(
        st.lists(st.text(max_size=12), min_size=len(COLUMNS), max_size=len(COLUMNS)), max_size=4
    ),
    noise=st.binary(max_size=40),
)
def test_no_file_makes_the_import_fail_with_an_exception(vocabulary, body, noise):
    data = csv_bytes([dict(zip(COLUMNS, values, strict=True)) for values in body]) + noise
    result = run_import(data)
    rows = [values for values in body if any(value.strip() for value in values)]
    # Either the file is refused with reasons, or every (non-blank) row was applied.
    assert result.problems or result.created + result.updated + result.unchanged == len(rows)


def test_an_import_is_kept_in_the_audit_history_with_who_and_from_which_file(
    secretariat_client, vocabulary
):
    upload(secretariat_client, csv_bytes([csv_row(status="implemented")]))
    rec = Recommendation.objects.get(reference="CAB-2017-001")
    created = rec.history.get()
    assert (created.history_type, created.status) == ("+", "implemented")
    assert str(created.history_user_id) == secretariat_client.session["_auth_user_id"]
    assert created.history_change_reason == "Imported from recommendations.csv"
    assert [a.history_type for a in Assessment.history.filter(recommendation_id=rec.pk)] == ["+"]

    changed = csv_bytes([csv_row(text="A corrected text.", status="implemented")])
    run_import(changed)
    latest = rec.history.latest()
    assert (latest.history_type, latest.text) == ("~", "A corrected text.")
    assert latest.history_user is None  # the command line has no user
    assert rec.history.count() == 2


SOMEONE_ELSE = "Added by someone else meanwhile."


@pytest.fixture
def interleaving_writer(db):
    """Someone else adds assessments while the import writes its own: a trigger inserts one,
    for the same recommendation, right after each assessment the import inserts. Their ids
    fall among and after the import's, inside its transaction, as another session's do on
    PostgreSQL (where reading the largest id before and after cannot tell them apart)."""
    table = connection.ops.quote_name(Assessment._meta.db_table)
    insert = (
        f"INSERT INTO {table} (created, updated, date, status, origin, is_illustrative, "
        f"summary, summary_en, recommendation_id) VALUES (NEW.created, NEW.updated, NEW.date, "
        f"NEW.status, NEW.origin, NEW.is_illustrative, '{SOMEONE_ELSE}', '{SOMEONE_ELSE}', "
        f"NEW.recommendation_id)"
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION interleave() RETURNS trigger AS $$ BEGIN "
                f"IF NEW.summary <> '{SOMEONE_ELSE}' THEN {insert}; END IF; RETURN NULL; "
                "END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER interleave AFTER INSERT ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION interleave()"
            )
        else:
            cursor.execute(
                f"CREATE TRIGGER interleave AFTER INSERT ON {table} "
                f"WHEN NEW.summary <> '{SOMEONE_ELSE}' BEGIN {insert}; END"
            )
    # Created inside the test's transaction, which is rolled back, trigger and all.


def test_the_history_says_imported_of_exactly_the_records_the_import_wrote(
    vocabulary, interleaving_writer
):
    run_import(csv_bytes([csv_row(reference="CAB-2017-000")]))
    assessed = {"status": "implemented", "last_assessment_date": "2020-01-01"}
    # CAB-2017-000 exists: it gets an assessment, and no new version of its own.
    rows = [csv_row(reference=f"CAB-2017-{n:03d}", **assessed) for n in range(4)]
    result = run_import(csv_bytes(rows))
    assert result.problems == []
    assert (result.created, result.unchanged, result.assessments_added) == (3, 1, 4)

    imported = Assessment.objects.filter(summary=IMPORTED_SUMMARY)
    someone_elses = Assessment.objects.filter(summary=SOMEONE_ELSE)
    assert someone_elses.count() == imported.count() == 4
    reason = "Imported from the file"
    versions = Assessment.history.filter(history_change_reason=reason).values_list("id", flat=True)
    assert sorted(versions) == sorted(imported.values_list("pk", flat=True))
    assert not Assessment.history.filter(id__in=someone_elses.values("pk")).exists()
    assert Recommendation.history.filter(history_change_reason=reason).count() == 4


def test_the_admin_upload_page_explains_problems_in_the_readers_language(
    secretariat_client, vocabulary
):
    data = csv_bytes([csv_row(topics="no-such-topic"), csv_row(reference="CAB-2017-002", year="x")])
    file = SimpleUploadedFile("recommendations.csv", data, content_type="text/csv")
    page = secretariat_client.post(
        "/ru/admin/recommendations/recommendation/import/", {"file": file}
    )
    html = page.content.decode()
    assert "Неизвестный идентификатор темы: no-such-topic." in html
    assert "«x» — не год." in html
    assert Recommendation.objects.count() == 0

    file = SimpleUploadedFile(
        "recommendations.csv", csv_bytes([csv_row()]), content_type="text/csv"
    )
    done = secretariat_client.post(
        "/kk/admin/recommendations/recommendation/import/", {"file": file}, follow=True
    )
    assert "жасалғаны: 1, өзгертілгені: 0, өзгеріссіз: 0" in done.content.decode()


def test_a_demo_reference_imports_as_an_illustrative_record_and_others_as_real(vocabulary):
    """The export marks illustrative rows by their DEMO- reference; importing one makes an
    illustrative record again, marked on the site and removed by remove_demo."""
    result = run_import(csv_bytes([csv_row(reference="DEMO-2017-001"), csv_row()]))
    assert not result.problems and result.created == 2
    flags = dict(Recommendation.objects.values_list("reference", "is_illustrative"))
    assert flags == {"DEMO-2017-001": True, "CAB-2017-001": False}
