"""The read-only API under /api/v1/: what each endpoint gives, only published records, and a
400 naming each bad parameter."""

import datetime

import pytest

from plans.models import ActivityBody, BodyRole

from . import factories
from .factories import DRAFT, Record
from .test_visibility import add_plans

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


@pytest.fixture
def plans(record) -> Record:
    """The record with the plans records of the visibility table (add_plans): a published
    plan with one activity, a draft plan, UN recommendations and links through drafts."""
    add_plans(record)
    record.activity.due_date = datetime.date(2020, 12, 31)
    record.activity.deadline = "By the end of 2020"
    record.activity.save()
    record.activity.record_assessment(
        date=datetime.date(2021, 3, 1), status="in_progress", assessed_by=record.ministry
    )
    ActivityBody.objects.create(
        activity=record.activity, organisation=record.ngo, role=BodyRole.CO_IMPLEMENTING,
        as_agreed=True,
    )  # fmt: skip
    record.activity.affected_groups.add(record.detainees)
    record.outside.sdg_targets.add(factories.sdg_target())
    record.outside.affected_groups.add(record.detainees)
    return record


def test_plans_with_their_sections_and_progress(client, plans):
    page = get(client, "/api/v1/plans/")
    assert [p["slug"] for p in page["results"]] == ["priority-measures"]
    plan = get(client, "/api/v1/plans/priority-measures/")
    assert plan == page["results"][0]
    assert plan["url"] == f"{SITE}/plans/priority-measures/"
    assert plan["title"] == english("Plan of priority measures")
    assert plan["progress"] == {"activities": 1, "implemented": 0, "overdue": 1}
    assert plan["sections"] == [
        {"number": "I", "title": english("Places of detention"), "activities": 1,
         "implemented": 0}
    ]  # fmt: skip
    assert plan["follows"] is None


def test_a_plan_that_follows_a_draft_names_none(client, plans):
    plans.plan.follows = plans.draft_plan
    plans.plan.save()
    assert get(client, "/api/v1/plans/priority-measures/")["follows"] is None


def test_activities_of_a_plan_and_across_plans_with_facets(client, plans):
    page = get(client, "/api/v1/plans/priority-measures/activities/")
    assert page["count"] == 1
    activity = page["results"][0]
    assert activity["url"] == f"{SITE}/plans/priority-measures/1/"
    assert (activity["plan"], activity["number"]) == ("priority-measures", "1")
    assert activity["section"] == {"number": "I", "title": english("Places of detention")}
    assert activity["lead_bodies"] == [
        {"organisation": "ministry-of-internal-affairs", "as_agreed": False}
    ]
    assert activity["co_implementing_bodies"] == [{"organisation": "kbhr", "as_agreed": True}]
    assert activity["topics"] == ["prison-reform"]
    assert activity["affected_groups"] == ["persons-deprived-of-liberty"]
    assert activity["deadline"] == english("By the end of 2020")
    assert (activity["due_date"], activity["status"], activity["overdue"]) == (
        "2020-12-31", "in_progress", True,
    )  # fmt: skip
    counts = {
        name: {v["value"]: v["count"] for v in values} for name, values in page["facets"].items()
    }
    assert counts == {
        "section": {"I": 1},
        "body": {"ministry-of-internal-affairs": 1, "kbhr": 1},
        "status": {"in_progress": 1},
        "overdue": {"yes": 1},
    }
    across = get(client, "/api/v1/activities/?overdue=yes")
    assert [a["url"] for a in across["results"]] == [activity["url"]]
    assert set(across["facets"]) == {"body", "status", "overdue"}
    assert set(get(client, "/api/v1/activities/?section=I", status=400)) == {"section"}
    assert get(client, "/api/v1/plans/priority-measures/activities/?overdue=no")["count"] == 0


def test_an_activity_with_its_history(client, plans):
    found = get(client, "/api/v1/plans/priority-measures/activities/1/")
    assert found["url"] == f"{SITE}/plans/priority-measures/1/"
    assert [(h["date"], h["status"], h["assessed_by"]) for h in found["history"]] == [
        ("2021-03-01", "in_progress", "ministry-of-internal-affairs")
    ]


def test_un_recommendations_by_their_address_as_on_the_site(client, plans):
    page = get(client, "/api/v1/un-recommendations/")
    assert {r["paragraph"] for r in page["results"]} == {"139.1", "139.2"}
    found = get(client, "/api/v1/un-recommendations/A-HRC-41-10-139.1/")
    assert found["url"] == f"{SITE}/upr/A-HRC-41-10-139.1/"
    assert found["slug"] == "A-HRC-41-10-139.1"
    assert (found["mechanism"], found["cycle"], found["document_symbol"], found["response"]) == (
        "upr", "3", "A/HRC/41/10", "supported",
    )  # fmt: skip
    assert found["recommending_state"] == english("Norway")
    assert found["text"] == english("Ratify the optional protocol")
    assert found["topics"] == ["prison-reform"]
    assert found["affected_groups"] == ["persons-deprived-of-liberty"]
    assert found["sdg_targets"] == ["16.3"]
    assert found["linked"] is True
    assert get(client, f"/api/v1/un-recommendations/{plans.outside.pk}/")["slug"] == found["slug"]
    linked = {f["value"]: f["count"] for f in page["facets"]["linked"]}
    assert linked == {"yes": 1, "no": 1}  # a link through a draft answers nothing


def test_a_treaty_bodys_recommendation_has_no_response(client, plans):
    factories.outside_recommendation(
        mechanism="treaty_body", body="Committee against Torture", response="",
        document_symbol="CAT/C/KAZ/CO/4", paragraph="12",
    )  # fmt: skip
    found = get(client, "/api/v1/un-recommendations/CAT-C-KAZ-CO-4-12/")
    assert found["response"] is None
    assert found["body"] == english("Committee against Torture")


def test_links_with_both_ends_public(client, plans):
    links = get(client, "/api/v1/links/")["results"]
    ends = {
        (link["recommendation"] or {}).get("reference", "")
        + (link["activity"] or {}).get("url", "")
        + (link["outside_recommendation"] or {}).get("slug", "")
        for link in links
    }
    assert ends == {
        f"{SITE}/plans/priority-measures/1/A-HRC-41-10-139.1",
        f"{plans.adopted.reference}{SITE}/plans/priority-measures/1/",
    }
    first = get(client, f"/api/v1/links/{links[0]['id']}/")
    assert first == links[0]
    assert first["kind"] == "related"


def ends(links: list[dict]) -> set[str]:
    """Each link as its two public ends, for comparing."""
    return {
        " ".join(
            end.get("reference") or end.get("slug") or f"{end['plan']}/{end['number']}"
            for end in (link["recommendation"], link["activity"], link["outside_recommendation"])
            if end
        )
        for link in links
    }


def test_links_touching_one_record_or_of_one_kind(client, plans):
    adopted, activity, outside = plans.adopted.reference, "priority-measures/1", "A-HRC-41-10-139.1"

    def linked(query: str) -> set[str]:
        return ends(get(client, f"/api/v1/links/?{query}")["results"])

    assert linked("plan=priority-measures") == {f"{activity} {outside}", f"{adopted} {activity}"}
    assert linked(f"recommendation={adopted}") == {f"{adopted} {activity}"}
    assert linked(f"un_recommendation={outside}") == {f"{activity} {outside}"}
    assert linked(f"un_recommendation={plans.outside.pk}") == {f"{activity} {outside}"}
    assert linked("kind=related&plan=priority-measures") == linked("plan=priority-measures")
    assert linked("kind=implements") == set()


def test_a_link_filter_naming_a_draft_or_nothing_is_a_400(client, plans):
    problems = get(
        client,
        f"/api/v1/links/?plan=draft-plan&recommendation={plans.draft_recommendation.reference}"
        "&un_recommendation=A-HRC-41-10-139.99&kind=cousin",
        status=400,
    )
    assert set(problems) == {"plan", "recommendation", "un_recommendation", "kind"}
    for query in ("plan=nope", "recommendation=NOPE-1", "un_recommendation=nope", "link=1"):
        assert list(get(client, f"/api/v1/links/?{query}", status=400)) == [query.split("=")[0]]


def test_each_record_embeds_its_public_links_as_links_gives_them(client, plans):
    all_links = {link["id"]: link for link in get(client, "/api/v1/links/")["results"]}
    details = {
        "activity": "/api/v1/plans/priority-measures/activities/1/",
        "recommendation": f"/api/v1/recommendations/{plans.adopted.reference}/",
        "UN recommendation": "/api/v1/un-recommendations/A-HRC-41-10-139.1/",
    }
    expected = {  # through a draft plan or a draft UN recommendation: none
        "activity": {"priority-measures/1 A-HRC-41-10-139.1",
                     f"{plans.adopted.reference} priority-measures/1"},
        "recommendation": {f"{plans.adopted.reference} priority-measures/1"},
        "UN recommendation": {"priority-measures/1 A-HRC-41-10-139.1"},
    }  # fmt: skip
    for name, url in details.items():
        links = get(client, url)["links"]
        assert ends(links) == expected[name], name
        assert all(all_links[link["id"]] == link for link in links), name
    assert "links" not in get(client, "/api/v1/un-recommendations/")["results"][0]


def test_plans_records_that_are_not_public_are_a_404(client, plans):
    for url in ("/api/v1/plans/draft-plan/", "/api/v1/plans/draft-plan/activities/",
                "/api/v1/plans/draft-plan/activities/1/", "/api/v1/plans/nope/activities/",
                "/api/v1/plans/priority-measures/activities/99/",
                "/api/v1/un-recommendations/A-HRC-41-10-139.99/",
                f"/api/v1/un-recommendations/{plans.draft_outside.pk}/",
                "/api/v1/un-recommendations/nope/", "/api/v1/links/999999/"):  # fmt: skip
        assert "detail" in get(client, url, status=404), url


def test_sdg_goals_with_their_targets(client, plans):
    goals = get(client, "/api/v1/sdg-goals/")["results"]
    assert [g["number"] for g in goals] == [16]
    goal = get(client, "/api/v1/sdg-goals/16/")
    assert goal == goals[0]
    assert goal["url"] == f"{SITE}/upr/?sdg=16"
    assert goal["name"] == english("Peace, justice and strong institutions")
    assert goal["targets"] == [{"number": "16.3", "text": english("Promote the rule of law")}]
    get(client, "/api/v1/sdg-goals/17/", status=404)
