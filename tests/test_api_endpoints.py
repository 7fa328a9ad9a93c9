"""The read-only API under /api/v1/: what each endpoint gives, only published records, and a
400 naming each bad parameter."""

import pytest

from .factories import DRAFT

pytestmark = pytest.mark.django_db

SITE = "http://testserver-site.example"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def get(client, url: str, status: int = 200, **headers) -> dict:
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


def english(text: str) -> dict:
    return {"text": text, "language": "en", "fallback": False}


def test_meetings_list_newest_first_with_their_topics(client, record):
    page = get(client, "/api/v1/meetings/")
    assert page["count"] == 2
    assert [m["slug"] for m in page["results"]] == [record.meeting.slug, record.older_meeting.slug]
    first = page["results"][0]
    assert first["url"] == f"{SITE}/meetings/{record.meeting.slug}/"
    assert first["title"] == english(record.meeting.title)
    assert first["date"] == "2022-06-15"
    assert (first["format"], first["kind"]) == ("online", "extraordinary")
    assert first["topics"] == ["children", "torture-prevention"]


def test_a_meeting_with_its_agenda_participants_documents_and_recommendations(client, record):
    meeting = get(client, f"/api/v1/meetings/{record.meeting.slug}/")
    assert [(i["order"], i["title"]["text"], i["topics"]) for i in meeting["agenda_items"]] == [
        (1, record.item.title, ["torture-prevention"]),
        (2, record.second_item.title, ["children"]),
    ]
    participants = {(p["role"], p["organisation"]) for p in meeting["participants"]}
    assert participants == {
        ("chair", None),
        ("member", "ministry-of-internal-affairs"),
        ("speaker", "kbhr"),
        ("observer", "osce"),
    }
    chair = next(p for p in meeting["participants"] if p["role"] == "chair")
    assert chair["person"]["name"] == english("Aliya Bekova")
    documents = {d["title"]["text"]: d for d in meeting["documents"]}
    assert set(documents) == {record.report.title, record.evaluation.title}
    assert documents[record.report.title]["authors"] == ["kbhr"]
    assert meeting["recommendations"] == [record.adopted.reference]


def test_documents_list_and_one_document(client, record):
    page = get(client, "/api/v1/documents/")
    titles = {d["title"]["text"] for d in page["results"]}
    assert titles == {
        record.report.title,
        record.evaluation.title,
        record.paper_of_draft_meeting.title,
    }
    document = get(client, f"/api/v1/documents/{record.report.pk}/")
    assert document["url"] == f"{SITE}/documents/{record.report.pk}/"
    assert document["meeting"] == record.meeting.slug
    assert document["kind"] == record.report.kind


def test_recommendations_list_newest_first_with_facets(client, record):
    page = get(client, "/api/v1/recommendations/")
    assert [r["reference"] for r in page["results"]] == [
        r.reference for r in record.published_recommendations
    ]
    adopted = page["results"][1]
    assert adopted["url"] == f"{SITE}/recommendations/{record.adopted.reference}/"
    assert adopted["meeting"] == record.meeting.slug
    assert adopted["agenda_item"]["order"] == 1
    assert adopted["topics"] == ["torture-prevention"]
    assert adopted["responsible_bodies"] == ["ministry-of-internal-affairs"]
    assert adopted["proposed_by"] == ["kbhr"]
    assert adopted["status"] == "implemented"
    topics = {f["value"]: f["count"] for f in page["facets"]["topic"]}
    assert topics == {"torture-prevention": 2, "children": 2, "prison-reform": 1}


def test_a_recommendation_with_its_history_newest_first(client, record):
    found = get(client, f"/api/v1/recommendations/{record.adopted.reference}/")
    assert [(h["date"], h["status"], h["assessed_by"]) for h in found["history"]] == [
        ("2023-03-01", "implemented", "kbhr"),
        ("2022-09-01", "in_progress", "ministry-of-internal-affairs"),
    ]
    assert found["history"][0]["source"] == record.evaluation.pk


def test_the_list_filters_as_the_page_does(client, record):
    page = get(client, "/api/v1/recommendations/?topic=children&status=in_progress")
    assert [r["reference"] for r in page["results"]] == [record.in_progress.reference]
    page = get(client, "/api/v1/meetings/?topic=children&year=2019")
    assert [m["slug"] for m in page["results"]] == [record.older_meeting.slug]
    page = get(client, "/api/v1/documents/?topic=torture-prevention")
    assert [d["id"] for d in page["results"]] == [record.report.pk]


def test_vocabularies(client, record):
    topics = get(client, "/api/v1/topics/")["results"]
    assert {t["slug"] for t in topics} == {"torture-prevention", "children", "prison-reform"}
    topic = get(client, "/api/v1/topics/children/")
    assert topic["url"] == f"{SITE}/topics/children/"
    organisation = get(client, "/api/v1/organisations/kbhr/")
    assert (organisation["short_name"]["text"], organisation["kind"]) == ("KBHR", "ngo")
    groups = get(client, "/api/v1/affected-groups/")["results"]
    assert {g["slug"] for g in groups} == {"persons-deprived-of-liberty", "women-girls"}
    assert get(client, "/api/v1/affected-groups/women-girls/")["url"] == (
        f"{SITE}/recommendations/?group=women-girls"
    )


def test_pages_are_bounded_and_linked_on_the_site_url(client, record):
    page = get(client, "/api/v1/recommendations/?page_size=2")
    assert len(page["results"]) == 2
    assert page["next"] == f"{SITE}/api/v1/recommendations/?page=2&page_size=2"
    second = get(client, page["next"].removeprefix(SITE))
    assert second["previous"] == f"{SITE}/api/v1/recommendations/?page_size=2"
    assert second["next"] is None
    get(client, "/api/v1/recommendations/?page=3&page_size=2", status=404)


def test_bad_parameters_are_a_400_naming_each(client, record):
    problems = get(
        client,
        "/api/v1/recommendations/?topic=no-such-topic&year_from=abc&status=lost&lang=de"
        "&page=0&page_size=1000&colour=blue",
        status=400,
    )
    assert set(problems) == {"topic", "year_from", "status", "lang", "page", "page_size", "colour"}
    assert all(isinstance(m, str) and m for found in problems.values() for m in found)
    assert set(get(client, "/api/v1/meetings/?year=1999&format=x", status=400)) == {
        "year",
        "format",
    }
    assert set(get(client, "/api/v1/documents/?kind=x&language=x", status=400)) == {
        "kind",
        "language",
    }
    assert set(get(client, "/api/v1/topics/children/?page=2", status=400)) == {"page"}


def test_unknown_records_are_a_404(client, record):
    for url in ("/api/v1/meetings/nope/", "/api/v1/documents/999999/", "/api/v1/topics/nope/",
                "/api/v1/recommendations/NOPE-1/", "/api/v1/organisations/nope/",
                "/api/v1/affected-groups/nope/"):  # fmt: skip
        assert "detail" in get(client, url, status=404)


def test_a_record_of_a_draft_meeting_names_no_meeting(client, record):
    found = get(client, f"/api/v1/recommendations/{record.adopted_at_draft_meeting.reference}/")
    assert (found["meeting"], found["agenda_item"]) == (None, None)
    document = get(client, f"/api/v1/documents/{record.paper_of_draft_meeting.pk}/")
    assert document["meeting"] is None
    assert DRAFT not in str(found) + str(document)


def test_an_address_under_the_api_that_matches_nothing_is_a_json_404(client, record):
    for url in ("/api/v1/documents/not-a-number/", "/api/v1/nothing/", "/api/"):
        assert get(client, url, status=404) == {"detail": "Not found."}
    assert client.get("/no-such-page/")["Content-Type"].startswith("text/html")
