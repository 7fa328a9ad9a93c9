"""The API's recommendations list, the HTML list and the CSV export return the same records
for the same filters, and the API's facet counts are the page's: one FilterSet behind all."""

import csv
import datetime
import io
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import factories

pytestmark = pytest.mark.django_db

TOPICS = ["torture-prevention", "children", "prison-reform"]
GROUPS = ["persons-deprived-of-liberty", "women-girls"]
BODIES = ["ministry-of-internal-affairs", "supreme-court", "kbhr"]
STATUSES = ["not_assessed", "in_progress", "implemented", "not_started"]
YEARS = [str(y) for y in range(2016, 2025)]

filters = st.fixed_dictionaries(
    {},
    optional={
        "topic": st.lists(st.sampled_from(TOPICS), min_size=1, max_size=2, unique=True),
        "group": st.lists(st.sampled_from(GROUPS), min_size=1, max_size=2, unique=True),
        "body": st.lists(st.sampled_from(BODIES), min_size=1, max_size=2, unique=True),
        "status": st.lists(st.sampled_from(STATUSES), min_size=1, max_size=2, unique=True),
        "year_from": st.sampled_from(YEARS),
        "year_to": st.sampled_from(YEARS),
        "q": st.sampled_from(["monitoring", "text", "Recommendation", "detention OR care"]),
        "sort": st.sampled_from(["newest", "oldest", "reference", "relevance"]),
    },
)


@pytest.fixture
def many(record) -> factories.Record:
    """The record, and a dozen more recommendations spread over its vocabularies."""
    topics = [record.torture, record.children, record.prisons]
    groups = [record.detainees, record.women]
    bodies = [record.ministry, record.court, record.ngo]
    for n in range(12):
        rec = factories.recommendation(reference=f"CAB-2018-{n:03d}", year=2016 + n % 8)
        rec.topics.add(topics[n % 3])
        rec.affected_groups.add(groups[n % 2])
        rec.responsible_bodies.add(bodies[n % 3], bodies[(n + 1) % 3])
        if n % 3:
            rec.record_assessment(date=rec_date(n), status=STATUSES[n % 4])
    return record


def rec_date(n: int) -> datetime.date:
    return datetime.date(2020, 1, 1) + datetime.timedelta(days=n)


def api_results(client, query: str) -> tuple[list[str], dict]:
    response = client.get(f"/api/v1/recommendations/?page_size=100&{query}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["count"] == len(body["results"])
    counts = {
        name: {v["value"]: (v["count"], v["selected"]) for v in values}
        for name, values in body["facets"].items()
    }
    return [r["reference"] for r in body["results"]], counts


def page_results(client, query: str) -> tuple[list[str], dict]:
    response = client.get(f"/recommendations/?{query}")
    assert response.status_code == 200
    assert not response.context["invalid"], response.context["invalid"]
    counts = {
        name: {v.value: (v.count, v.selected) for v in values}
        for name, values in response.context["facets"].items()
    }
    return [r.reference for r in response.context["page"].object_list], counts


def export_results(client, query: str) -> list[str]:
    response = client.get(f"/recommendations/export.csv?{query}")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [row["reference"] for row in csv.DictReader(io.StringIO(text))]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chosen=filters)
def test_the_api_the_page_and_the_export_agree(client, many, chosen):
    query = urlencode(chosen, doseq=True)
    api, api_facets = api_results(client, query)
    cache.clear()  # the page computes its counts afresh, not from the API's cache entry
    page, page_facets = page_results(client, query)
    assert api == page, query
    assert api == export_results(client, query), query
    assert api_facets == page_facets, query


def test_the_facets_are_disjunctive(client, many):
    _, facets = api_results(client, "topic=children")
    everything, alone = api_results(client, "")
    assert len(everything) == 16
    # A facet's own choice does not narrow its counts; it narrows every other facet's.
    assert {k: c for k, (c, _) in facets["topic"].items()} == {
        k: c for k, (c, _) in alone["topic"].items()
    }
    assert facets["topic"]["children"] == (alone["topic"]["children"][0], True)
    assert sum(c for c, _ in facets["status"].values()) == alone["topic"]["children"][0]
