"""One search over the record: phrases, exclusions, OR, Cyrillic, ranking; both backends."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from meetings.models import Meeting
from recommendations.models import Recommendation

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def texts(db):
    return {
        "code": factories.recommendation(
            reference="CAB-2019-001",
            text="Amend the Criminal Procedure Code so that a lawyer is present from detention.",
        ),
        "video": factories.recommendation(
            reference="CAB-2019-002", text="Record every interview on video to prevent torture."
        ),
        "torture": factories.recommendation(
            reference="CAB-2019-003", text="Investigate every allegation of torture promptly."
        ),
        "shelters": factories.recommendation(
            reference="CAB-2019-004", text="Fund shelters for victims in every region."
        ),
        "russian": factories.recommendation(
            reference="CAB-2019-005",
            text_en="",
            text_ru="Обеспечить расследование каждого заявления о Пытках в местах лишения свободы.",
        ),
        "draft": factories.recommendation(
            reference="CAB-2019-006", text="Draft text about torture.", is_published=False
        ),
    }


def found(query: str) -> set[str]:
    return set(Recommendation.objects.published().search(query).values_list("reference", flat=True))


def test_all_words_must_match(texts):
    assert found("torture investigate") == {"CAB-2019-003"}


def test_a_quoted_phrase_matches_only_that_phrase(texts):
    assert found('"criminal procedure code"') == {"CAB-2019-001"}
    assert found('"procedure criminal"') == set()


def test_a_minus_word_excludes(texts):
    assert found("torture -video") == {"CAB-2019-003"}


def test_or_between_alternatives(texts):
    assert found("shelters OR lawyer") == {"CAB-2019-001", "CAB-2019-004"}


def test_cyrillic_matches_whatever_the_case(texts):
    assert "CAB-2019-005" in found("пытках")
    assert "CAB-2019-005" in found("ПЫТКАХ")
    assert "CAB-2019-005" in found("Лишения Свободы")


def test_a_reference_finds_its_recommendation(texts):
    assert found("CAB-2019-004") == {"CAB-2019-004"}


def test_unpublished_records_are_not_found(texts):
    assert "CAB-2019-006" not in found("torture")


def test_a_title_match_ranks_above_a_passing_mention(db):
    mention = factories.meeting(
        title="Regular meeting",
        summary="Long discussion of budgets, schools and, briefly, torture.",
        date=datetime.date(2024, 1, 1),
    )
    titled = factories.meeting(title="Torture prevention review", date=datetime.date(2020, 1, 1))
    assert list(Meeting.objects.published().search("torture")) == [titled, mention]


def test_search_page_groups_results_by_kind_with_counts_and_highlights(client, record):
    response = client.get(reverse("search"), {"q": "detention"})
    assert response.status_code == 200
    counts = {g["kind"].slug: g["count"] for g in response.context["groups"]}
    # The record's meeting, its first agenda item, two documents and two recommendations;
    # no plan, activity or UN recommendation of the record mentions detention.
    assert counts == {"recommendations": 2, "meetings": 1, "agenda-items": 1, "documents": 2,
                      "plans": 0, "activities": 0, "un-recommendations": 0}  # fmt: skip
    assert "<mark>detention</mark>" in response.content.decode()


def test_search_page_escapes_what_it_highlights(client, db):
    factories.meeting(title="Hostile", summary="<script>alert(1)</script> torture")
    html = client.get(reverse("search"), {"q": "torture"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>torture</mark>" in html


def test_search_page_lists_one_kind_in_full(client, record):
    response = client.get(reverse("search"), {"q": "meeting", "kind": "meetings"})
    assert [g["kind"].slug for g in response.context["groups"]] == ["meetings"]
    assert response.context["page"].number == 1
    assert set(response.context["page"].object_list) == {record.meeting, record.older_meeting}


def test_search_page_survives_bad_input(client, db):
    for params in ({"q": "x" * 10_000}, {"q": '"'}, {"q": "-"}, {"q": "OR"}, {"q": "a", "kind": "nope"},
                   {"q": "a", "page": "abc"}, {"q": "\\'; DROP TABLE x; --"}):  # fmt: skip
        assert client.get(reverse("search"), params).status_code == 200, params


def test_the_recommendation_list_uses_the_same_search(client, texts):
    response = client.get(reverse("recommendations:list"), {"q": "torture -video"})
    assert [r.reference for r in response.context["page"].object_list] == ["CAB-2019-003"]
    response = client.get(reverse("recommendations:list"), {"q": "пытках"})
    assert [r.reference for r in response.context["page"].object_list] == ["CAB-2019-005"]


def query_plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table would be scanned
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(map(str, cursor.fetchall()))


def test_a_search_is_answered_from_the_full_text_index(record):
    """PostgreSQL: the GIN index of the stored tsvector; SQLite: the FTS5 table."""
    found = Recommendation.objects.search("detention")
    used = {"postgresql": "recommendation_search_idx", "sqlite": "VIRTUAL TABLE INDEX"}
    assert found.exists()
    assert used[connection.vendor] in query_plan(found)
