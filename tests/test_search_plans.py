"""Search finds published action plans, their activities and UN (outside) recommendations,
on SQLite and on PostgreSQL alike (the suite runs on both), with the other forms of a word
in Russian and Kazakh as the recommendations' search finds them; drafts never. The /upr/
list and a plan's page take the same words (`q`), and so do their facets, exports, feeds
and the API's lists."""

import csv
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from core.site_url import absolute_url
from plans.models import ActionPlan, Activity, OutsideRecommendation

from . import factories
from .test_api_agrees_with_the_site import facet_table
from .test_search import query_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(db):
    plan = factories.action_plan(
        title_en="Plan of priority measures in the field of human rights",
        title_ru="План первоочередных мер в области прав человека",
        title_kk="Адам құқықтары саласындағы бірінші кезектегі шаралар жоспары",
        description_en="Measures against torture in places of detention.",
        slug="priority-measures",
    )
    draft = factories.action_plan(
        title_en="Draft plan on prisons", slug="draft-plan", is_published=False
    )
    return {
        "plan": plan,
        "draft": draft,
        "activity": factories.activity(
            plan=plan,
            number="17",
            title_en="Criminalise torture in the Criminal Code",
            title_ru="Криминализировать пытки в Уголовном кодексе",
            title_kk="Азаптауды Қылмыстық кодексте қылмыс деп тану",
            expected_outcome_en="Amendments to the Code adopted",
            expected_outcome_ru="Приняты поправки в Кодекс",
            expected_outcome_kk="Кодекске түзетулер қабылданды",
        ),
        "draft_activity": factories.activity(
            plan=draft, number="1", title_en="Inspect prisons and detention wards"
        ),
        "outside": factories.outside_recommendation(
            document_symbol="A/HRC/41/10",
            paragraph="139.24",
            recommending_state_en="Norway",
            recommending_state_ru="Норвегия",
            text_en="Establish an independent mechanism to investigate complaints of torture.",
            text_ru="Создать независимый механизм для расследования жалоб на пытки.",
            text_kk="Азаптау туралы шағымдарды тергеу үшін тәуелсіз тетік құру.",
        ),
        "draft_outside": factories.outside_recommendation(
            paragraph="139.99",
            recommending_state_en="Atlantis",
            text_en="Close the prisons of detention.",
            is_published=False,
        ),
    }


def plans_found(query: str) -> set[str]:
    return set(ActionPlan.objects.published().search(query).values_list("slug", flat=True))


def activities_found(query: str) -> set[str]:
    return set(Activity.objects.published().search(query).values_list("number", flat=True))


def outside_found(query: str) -> set[str]:
    found = OutsideRecommendation.objects.published().search(query)
    return set(found.values_list("paragraph", flat=True))


def test_a_plan_is_found_by_its_title_and_description_in_each_language(records):
    assert plans_found("priority measures") == {"priority-measures"}
    assert plans_found("detention") == {"priority-measures"}
    assert plans_found("первоочередных") == {"priority-measures"}
    assert plans_found("шаралар") == {"priority-measures"}


def test_an_activity_is_found_by_its_number_title_and_expected_outcome(records):
    assert activities_found("17") == {"17"}
    assert activities_found("criminalise") == {"17"}
    assert activities_found("amendments adopted") == {"17"}


def test_an_outside_recommendation_is_found_by_symbol_paragraph_text_and_state(records):
    assert outside_found('"A/HRC/41/10"') == {"139.24"}
    assert outside_found("139.24") == {"139.24"}
    assert outside_found("independent mechanism") == {"139.24"}
    assert outside_found("Norway") == {"139.24"}
    assert outside_found("Норвегия") == {"139.24"}


@pytest.mark.parametrize(
    ("query", "finds"),
    [
        # Russian: another case of the same word (the text has «пытки»).
        ("пыткам", {"activities": {"17"}, "outside": {"139.24"}}),
        ("пытках", {"activities": {"17"}, "outside": {"139.24"}}),
        ("поправкам", {"activities": {"17"}, "outside": set()}),
        ("независимого механизма", {"activities": set(), "outside": {"139.24"}}),
        # Kazakh: the word with other case endings («азаптау», «шағымдарды»).
        ("азаптаудың", {"activities": {"17"}, "outside": {"139.24"}}),
        ("шағымдар", {"activities": set(), "outside": {"139.24"}}),
        ("түзетулердің", {"activities": {"17"}, "outside": set()}),
        # English: the forms Snowball joins.
        ("tortured", {"activities": {"17"}, "outside": {"139.24"}}),
        ("investigations", {"activities": set(), "outside": {"139.24"}}),
    ],
)
def test_a_word_finds_its_other_forms_in_russian_and_kazakh(records, query, finds):
    assert activities_found(query) == finds["activities"]
    assert outside_found(query) == finds["outside"]


def test_drafts_and_their_activities_are_never_found(records):
    assert plans_found("prisons") == set()
    assert activities_found("inspect prisons") == set()
    assert outside_found("Atlantis") == set()
    assert outside_found("139.99") == set()


def test_the_search_page_groups_plans_activities_and_un_recommendations(client, records):
    response = client.get(reverse("search"), {"q": "torture"})
    assert response.status_code == 200
    groups = {g["kind"].slug: g for g in response.context["groups"]}
    assert groups["plans"]["count"] == 1
    assert groups["activities"]["count"] == 1
    assert groups["un-recommendations"]["count"] == 1
    html = response.content.decode()
    for record in (records["plan"], records["activity"], records["outside"]):
        assert f'href="{record.get_absolute_url()}"' in html
    assert "<mark>torture</mark>" in html


def test_the_search_page_shows_no_draft(client, records):
    for query in ("prisons", "Atlantis", "139.99", "draft"):
        response = client.get(reverse("search"), {"q": query})
        counts = {g["kind"].slug: g["count"] for g in response.context["groups"]}
        assert counts["plans"] == counts["activities"] == counts["un-recommendations"] == 0
        html = response.content.decode()
        assert records["draft_outside"].text not in html and "Draft plan on" not in html
        assert records["draft_activity"].title not in html


def test_the_search_page_lists_one_new_kind_in_full(client, records):
    response = client.get(reverse("search"), {"q": "torture", "kind": "activities"})
    assert [g["kind"].slug for g in response.context["groups"]] == ["activities"]
    assert list(response.context["page"].object_list) == [records["activity"]]


def test_an_illustrative_activity_is_marked_in_the_results(client, records):
    Activity.objects.filter(pk=records["activity"].pk).update(is_illustrative=True)
    response = client.get(reverse("search"), {"q": "criminalise"})
    group = next(g for g in response.context["groups"] if g["kind"].slug == "activities")
    assert [hit.is_illustrative for hit in group["hits"]] == [True]


def test_a_search_is_answered_from_the_full_text_index(records):
    """PostgreSQL: the GIN index of each stored tsvector; SQLite: each FTS5 table."""
    used = {"postgresql": "{}_search_idx", "sqlite": "VIRTUAL TABLE INDEX"}
    for model in (ActionPlan, Activity, OutsideRecommendation):
        found = model.objects.search("torture")
        assert found.exists()
        index = used[connection.vendor].format(model._meta.model_name)
        assert index in query_plan(found), model


@pytest.fixture
def lists(records):
    """The records, and a UN recommendation and an activity of the plan on other matters."""
    records["other_outside"] = factories.outside_recommendation(
        paragraph="139.25",
        recommending_state_en="Canada",
        text_en="Ratify the Optional Protocol on the rights of the child.",
        text_ru="Ратифицировать Факультативный протокол о правах ребёнка.",
    )
    records["other_activity"] = factories.activity(
        plan=records["plan"],
        number="18",
        title_en="Train judges in juvenile justice",
        title_ru="Обучить судей ювенальной юстиции",
    )
    return records


def listed_paragraphs(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    assert not response.context["invalid"], response.context["invalid"]
    return [r.paragraph for r in response.context["page"].object_list]


def listed_numbers(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    assert not response.context["invalid"], response.context["invalid"]
    return [a.number for _, activities in response.context["sections"] for a in activities]


@pytest.mark.parametrize(
    ("url", "found"),
    [
        ("/upr/?q=torture", ["139.24"]),
        ("/upr/?q=Canada", ["139.25"]),
        ("/upr/?q=protocol", ["139.25"]),
        ("/ru/upr/?q=пыткам", ["139.24"]),  # the text has «пытки»
        ("/ru/upr/?q=протоколу", ["139.25"]),
        ("/upr/?q=prisons", []),  # only the draft's words
        ("/upr/?q=mechanism+OR+child", ["139.24", "139.25"]),
    ],
)
def test_the_un_recommendations_list_finds_records_by_their_words(client, lists, url, found):
    assert sorted(listed_paragraphs(client, url)) == found


@pytest.mark.parametrize(
    ("url", "found"),
    [
        ("/plans/priority-measures/?q=criminalise", ["17"]),
        ("/plans/priority-measures/?q=amendments", ["17"]),  # its expected outcome
        ("/plans/priority-measures/?q=judges", ["18"]),
        ("/ru/plans/priority-measures/?q=поправкам", ["17"]),  # «поправки»
        ("/ru/plans/priority-measures/?q=судьям", ["18"]),  # «судей»
        ("/plans/priority-measures/?q=prisons", []),  # only the draft plan's words
    ],
)
def test_a_plans_page_finds_its_activities_by_their_words(client, lists, url, found):
    assert listed_numbers(client, url) == found


def test_the_words_are_in_the_search_box_and_a_removable_chip(client, lists):
    for url in (
        "/upr/?q=torture&mechanism=upr",
        "/plans/priority-measures/?q=torture&status=not_assessed",
    ):
        response = client.get(url)
        html = response.content.decode()
        assert '<label for="id_q">Words</label>' in html
        assert 'name="q" id="id_q" maxlength="200" value="torture"' in html
        chip = next(c for c in response.context["chips"] if c["field"] == "Words")
        assert chip["label"] == "torture" and "q=" not in chip["url"]


def csv_urls(client, url: str) -> list[str]:
    response = client.get(url)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [row["url"] for row in csv.DictReader(io.StringIO(text))]


def api_list(client, url: str) -> tuple[list[str], dict]:
    body = client.get(url).json()
    return [r["url"] for r in body["results"]], facet_table(body["facets"])


@pytest.mark.parametrize("q", ["torture", "пыткам", "child OR Norway", "-torture"])
def test_the_words_narrow_the_api_the_exports_the_feed_and_every_facet_alike(client, lists, q):
    cache.clear()
    page = client.get("/upr/", {"q": q})
    shown = [absolute_url(r.get_absolute_url()) for r in page.context["page"].object_list]
    assert shown
    api, facets = api_list(client, f"/api/v1/un-recommendations/?q={q}")
    assert api == shown
    assert facets == facet_table(page.context["facets"])
    # The facets count only what the words find: no value of the others' is offered.
    assert sum(count for count, _ in facets["state"].values()) == len(shown)
    assert csv_urls(client, f"/upr/export.csv?q={q}") == shown
    feed = client.get("/upr/feed/", {"q": q}).content.decode()
    assert {r.get_absolute_url() for r in page.context["page"].object_list} == {
        url
        for url in (r.get_absolute_url() for r in OutsideRecommendation.objects.all())
        if url in feed
    }


@pytest.mark.parametrize("q", ["criminalise", "поправкам", "judges OR torture", "-judges"])
def test_a_plans_activities_are_narrowed_by_words_alike_everywhere(client, lists, q):
    cache.clear()
    page = client.get("/plans/priority-measures/", {"q": q})
    shown = [
        absolute_url(a.get_absolute_url()) for _, acts in page.context["sections"] for a in acts
    ]
    assert shown
    api, facets = api_list(client, f"/api/v1/plans/priority-measures/activities/?q={q}")
    assert api == shown
    assert facets == facet_table(page.context["facets"])
    assert sum(count for count, _ in facets["status"].values()) == len(shown)
    assert api_list(client, f"/api/v1/activities/?q={q}")[0] == shown  # no other plan is public
    assert csv_urls(client, f"/plans/priority-measures/export.csv?q={q}") == shown
    feed = client.get("/plans/priority-measures/feed/", {"q": q}).content.decode()
    assert {
        url for url in (a.get_absolute_url() for a in Activity.objects.all()) if url in feed
    } == {a.get_absolute_url() for _, acts in page.context["sections"] for a in acts}


def test_a_drafts_words_find_nothing_in_the_lists_or_the_api(client, lists):
    assert listed_paragraphs(client, "/upr/?q=Atlantis") == []
    for url in ("/api/v1/un-recommendations/?q=Atlantis", "/api/v1/activities/?q=inspect"):
        assert client.get(url).json()["count"] == 0


def test_all_the_un_recommendations_a_search_finds_are_listed_on_upr(client, lists):
    for n in range(5):
        factories.outside_recommendation(text_en=f"Prevent torture, measure {n}.")
    html = client.get(reverse("search"), {"q": "torture"}).content.decode()
    assert 'href="/upr/?q=torture"' in html
    assert len(listed_paragraphs(client, "/upr/?q=torture")) == 6
