"""Search finds published action plans, their activities and UN (outside) recommendations,
on SQLite and on PostgreSQL alike (the suite runs on both), with the other forms of a word
in Russian and Kazakh as the recommendations' search finds them; drafts never."""

import pytest
from django.db import connection
from django.urls import reverse

from plans.models import ActionPlan, Activity, OutsideRecommendation

from . import factories
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
