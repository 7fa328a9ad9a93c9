"""Every API endpoint runs a pinned number of queries, however many rows it shows (5 or
50, on one page)."""

import pytest

from plans.models import Link

from . import factories
from .test_query_counts import base
from .test_query_counts import grow as grow_rows

pytestmark = pytest.mark.django_db

ALL = "?page_size=100"
# Each endpoint's count on a cold cache, with the queries named. Each starts with the data
# version (the ETag, read once per request).
ENDPOINTS = {
    # count, page, agenda items, their topics
    "meetings": (lambda d: f"/api/v1/meetings/{ALL}", 5),
    # + the years to choose from
    "meetings by year": (lambda d: "/api/v1/meetings/?year=2024", 6),
    # meeting, agenda items, their topics, participants (with organisation and person),
    # documents, their authors, their topics, recommendations
    "meeting": (lambda d: f"/api/v1/meetings/{d['meeting'].slug}/", 9),
    # count, page (with meeting), authors, topics
    "documents": (lambda d: f"/api/v1/documents/{ALL}", 5),
    # + the topic chosen
    "documents filtered": (lambda d: f"/api/v1/documents/{ALL}&topic=torture-prevention", 6),
    # document (with meeting), authors, topics
    "document": (lambda d: f"/api/v1/documents/{d['doc'].pk}/", 4),
    # the facet index (4, once per data version); the 3 facet vocabularies; the page (with
    # meeting and agenda item), topics, groups, bodies, proposers
    "recommendations": (lambda d: f"/api/v1/recommendations/{ALL}", 13),
    # + the topic and body slugs known (validation)
    "recommendations filtered": (
        lambda d: (
            f"/api/v1/recommendations/{ALL}&topic=torture-prevention&status=implemented"
            "&body=ministry"
        ),
        15,
    ),
    # sorted by reference: the same, the page read in SQL
    "recommendations by reference": (lambda d: f"/api/v1/recommendations/{ALL}&sort=reference", 13),
    # recommendation (with meeting and agenda item), topics, groups, bodies, proposers,
    # assessments (with assessor and source), links (with their ends)
    "recommendation": (lambda d: f"/api/v1/recommendations/{d['rec'].reference}/", 8),
    # count, page; a vocabulary record alone
    "topics": (lambda d: f"/api/v1/topics/{ALL}", 3),
    "topic": (lambda d: "/api/v1/topics/torture-prevention/", 2),
    "organisations": (lambda d: f"/api/v1/organisations/{ALL}", 3),
    "organisation": (lambda d: "/api/v1/organisations/ministry/", 2),
    "affected groups": (lambda d: f"/api/v1/affected-groups/{ALL}", 3),
    "affected group": (lambda d: "/api/v1/affected-groups/children/", 2),
    # count, page (with progress and the plan followed), sections with their progress
    "plans": (lambda d: f"/api/v1/plans/{ALL}", 4),
    "plan": (lambda d: "/api/v1/plans/the-plan/", 3),
    # the plan; the facet counts, one GROUP BY each (section, body, status, overdue), and
    # the labels of sections and bodies; count, page (with plan and section), bodies (with
    # organisation), topics, groups
    "plan activities": (lambda d: f"/api/v1/plans/the-plan/activities/{ALL}", 13),
    # + the body slugs known (validation)
    "plan activities filtered": (
        lambda d: (
            f"/api/v1/plans/the-plan/activities/{ALL}&overdue=yes&status=in_progress&body=ministry"
        ),
        14,
    ),
    # words: none added
    "plan activities searched": (
        lambda d: f"/api/v1/plans/the-plan/activities/{ALL}&q=activity",
        13,
    ),
    # across plans: no plan, no section facet
    "activities": (lambda d: f"/api/v1/activities/{ALL}", 10),
    # activity (with plan and section), bodies, topics, groups, assessments (with assessor
    # and source), links (with their ends)
    "activity": (
        lambda d: f"/api/v1/plans/the-plan/activities/{d['activity'].number}/",
        7,
    ),
    # the facet counts (8, one GROUP BY each) and the labels of states, topics, groups and
    # SDG goals; count, page, topics, groups, SDG targets
    "un recommendations": (lambda d: f"/api/v1/un-recommendations/{ALL}", 18),
    # + the topics and states known (validation)
    "un recommendations filtered": (
        lambda d: (
            f"/api/v1/un-recommendations/{ALL}&topic=torture-prevention&linked=yes&state=Norway"
        ),
        20,
    ),
    # words: part of the count's, the page's and the facets' queries, none added
    "un recommendations searched": (
        lambda d: f"/api/v1/un-recommendations/{ALL}&q=outside+recommendation",
        18,
    ),
    # the UN recommendation, topics, groups, SDG targets, links (with their ends)
    "un recommendation": (lambda d: f"/api/v1/un-recommendations/{d['outside'].slug}/", 6),
    # count, page (with both ends)
    "links": (lambda d: f"/api/v1/links/{ALL}", 3),
    # + the plan named (validation)
    "links of a plan": (lambda d: f"/api/v1/links/{ALL}&plan=the-plan", 4),
    "link": (lambda d: f"/api/v1/links/{d['link'].pk}/", 2),
    # count, page, targets
    "sdg goals": (lambda d: f"/api/v1/sdg-goals/{ALL}", 4),
    # goal, targets
    "sdg goal": (lambda d: "/api/v1/sdg-goals/16/", 3),
}
LISTS = ("meetings", "documents", "plans", "recommendations", "recommendations by reference", "plan activities",
         "activities", "un recommendations", "links", "links of a plan", "plan activities searched",
         "un recommendations searched")  # fmt: skip


def grow(d: dict, rows: int) -> dict:
    """The rows of the pages' test (test_query_counts.grow), a link to find, and a plan a
    row, with a section, following the first."""
    grow_rows(d, rows)
    for _ in range(rows):
        factories.section(plan=factories.action_plan(follows=d["plan"]))
    d.setdefault("link", Link.objects.first())
    return d


@pytest.mark.parametrize("name", ENDPOINTS)
def test_query_count_is_pinned_and_does_not_grow_with_rows(client, django_assert_num_queries, name):
    url_for, pinned = ENDPOINTS[name]
    data = grow(base(), 5)
    with django_assert_num_queries(pinned):
        assert client.get(url_for(data)).status_code == 200
    grow(data, 45)
    with django_assert_num_queries(pinned):
        response = client.get(url_for(data))
    assert response.status_code == 200
    if name in LISTS:
        assert len(response.json()["results"]) >= 50  # every row on the one page


@pytest.mark.parametrize("name", ENDPOINTS)
def test_a_repeated_request_is_answered_from_the_cache_with_one_query(
    client, django_assert_num_queries, name
):
    url_for, _ = ENDPOINTS[name]
    url = url_for(grow(base(), 5))
    first = client.get(url)
    with django_assert_num_queries(1):  # the data version
        again = client.get(url)
    assert again.status_code == 200
    assert again.json() == first.json()
    assert again["Content-Type"] == "application/json"
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize("name", ENDPOINTS)
def test_a_conditional_request_is_answered_304_with_one_query(
    client, django_assert_num_queries, name
):
    url_for, _ = ENDPOINTS[name]
    url = url_for(grow(base(), 5))
    tag = client.get(url)["ETag"]
    with django_assert_num_queries(1):  # the data version
        assert client.get(url, HTTP_IF_NONE_MATCH=tag).status_code == 304
