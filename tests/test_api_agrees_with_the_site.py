"""The API's lists (recommendations, a plan's activities, UN recommendations), the HTML
lists and the CSV exports return the same records for the same filters, and the API's facet
counts are the page's: one FilterSet behind all."""

import csv
import datetime
import io
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.site_url import absolute_url
from plans.models import ActionPlan, ActivityBody, BodyRole, Link, SdgGoal, SdgTarget

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


SECTIONS = ["I", "II", "III"]
OVERDUE = ["yes", "no"]

activity_filters = st.fixed_dictionaries(
    {},
    optional={
        "section": st.lists(st.sampled_from(SECTIONS), min_size=1, max_size=2, unique=True),
        "body": st.lists(st.sampled_from(BODIES), min_size=1, max_size=2, unique=True),
        "status": st.lists(st.sampled_from(STATUSES), min_size=1, max_size=2, unique=True),
        "overdue": st.sampled_from(OVERDUE),
        # The activities' numbers and titles ("Activity 7"): a word of every one, numbers
        # (as prefixes: "1" finds 10 to 14), either, and all but some.
        "q": st.sampled_from(["activity", "3", "7 OR 12", "-1"]),
    },
)


@pytest.fixture
def plan(record) -> ActionPlan:
    """A plan of fourteen activities over three sections (and none), led and co-implemented
    by the record's bodies, some assessed, due from 2020 to 2027 (some overdue today)."""
    plan = factories.action_plan(slug="the-plan")
    sections = [factories.section(plan=plan, number=n, order=i) for i, n in enumerate(SECTIONS)]
    # Sections in another order than they were made: the plan's order is theirs.
    sections[0].order = 5
    sections[0].save()
    bodies = [record.ministry, record.court, record.ngo]
    for n in range(14):
        activity = factories.activity(
            plan=plan,
            section=sections[n % 3] if n % 4 else None,
            number=str(n + 1),
            due_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=200 * n),
        )
        ActivityBody.objects.create(activity=activity, organisation=bodies[n % 3])
        if n % 2:
            ActivityBody.objects.create(
                activity=activity, organisation=bodies[(n + 1) % 3], role=BodyRole.CO_IMPLEMENTING
            )
        if n % 3:
            activity.record_assessment(date=rec_date(n), status=STATUSES[n % 4])
    return plan


def facet_table(facets: dict) -> dict:
    """Facets from the API (dicts) or a page (FacetValue): value -> (count, selected)."""
    return {
        name: {
            (v["value"] if isinstance(v, dict) else v.value): (
                (v["count"], v["selected"]) if isinstance(v, dict) else (v.count, v.selected)
            )
            for v in values
        }
        for name, values in facets.items()
    }


def api_urls(client, url: str) -> tuple[list[str], dict]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["count"] == len(body["results"])
    return [r["url"] for r in body["results"]], facet_table(body["facets"])


def export_urls(client, url: str) -> list[str]:
    response = client.get(url)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [row["url"] for row in csv.DictReader(io.StringIO(text))]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chosen=activity_filters)
def test_a_plans_activities_agree_in_the_api_the_page_and_the_export(client, plan, chosen):
    query = urlencode(chosen, doseq=True)
    api, api_facets = api_urls(client, f"/api/v1/plans/the-plan/activities/?page_size=100&{query}")
    cache.clear()
    response = client.get(f"/plans/the-plan/?{query}")
    assert not response.context["invalid"], response.context["invalid"]
    shown = [a for _, activities in response.context["sections"] for a in activities]
    assert api == [absolute_url(a.get_absolute_url()) for a in shown], query
    assert api == export_urls(client, f"/plans/the-plan/export.csv?{query}"), query
    assert api_facets == facet_table(response.context["facets"]), query
    # Across plans, the same activities (the only plan's) for the same filters but the section.
    if "section" not in chosen:
        assert api_urls(client, f"/api/v1/activities/?page_size=100&{query}")[0] == api, query


MECHANISMS = ["upr", "treaty_body", "special_procedure"]
RESPONSES = ["supported", "supported_in_part", "noted", ""]
STATES = ["Norway", "Canada", "Japan"]
CYCLES = ["2", "3", "4"]

outside_filters = st.fixed_dictionaries(
    {},
    optional={
        "mechanism": st.lists(st.sampled_from(MECHANISMS), min_size=1, max_size=2, unique=True),
        "cycle": st.lists(st.sampled_from(CYCLES), min_size=1, max_size=2, unique=True),
        "response": st.lists(st.sampled_from(RESPONSES[:3]), min_size=1, max_size=2, unique=True),
        "state": st.lists(st.sampled_from(STATES), min_size=1, max_size=2, unique=True),
        "topic": st.lists(st.sampled_from(TOPICS), min_size=1, max_size=2, unique=True),
        "group": st.lists(st.sampled_from(GROUPS), min_size=1, max_size=2, unique=True),
        "sdg": st.lists(st.sampled_from(["5", "16"]), min_size=1, max_size=2, unique=True),
        "linked": st.sampled_from(["yes", "no"]),
        # The recommending states and the texts' words and numbers.
        "q": st.sampled_from(["Norway", "Canada OR Japan", "recommendation", "-Norway"]),
    },
)


@pytest.fixture
def outside(record) -> None:
    """Fifteen UN recommendations over the mechanisms, cycles, responses, states, topics,
    groups and two SDG goals; every third answered by a recommendation."""
    topics = [record.torture, record.children, record.prisons]
    groups = [record.detainees, record.women]
    five = SdgTarget.objects.create(
        goal=SdgGoal.objects.create(number=5, name="Gender equality"), number="5.1", text="End"
    )
    targets = [five, factories.sdg_target()]
    for n in range(15):
        mechanism = MECHANISMS[n % 3]
        found = factories.outside_recommendation(
            mechanism=mechanism,
            body="" if mechanism == "upr" else "Committee against Torture",
            cycle=CYCLES[n % 3 - 1],
            year=2015 + n % 5,
            paragraph=f"140.{n}",
            recommending_state=STATES[n % 3 - 2] if n % 5 else "",
            response=RESPONSES[n % 4],
        )
        found.topics.add(topics[n % 3])
        found.affected_groups.add(groups[n % 2])
        found.sdg_targets.add(targets[n % 2])
        if n % 3 == 0:
            Link.objects.create(recommendation=record.adopted, outside_recommendation=found)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chosen=outside_filters)
def test_un_recommendations_agree_in_the_api_the_page_and_the_export(client, outside, chosen):
    query = urlencode(chosen, doseq=True)
    api, api_facets = api_urls(client, f"/api/v1/un-recommendations/?page_size=100&{query}")
    cache.clear()
    response = client.get(f"/upr/?{query}")
    assert not response.context["invalid"], response.context["invalid"]
    shown = response.context["page"].object_list
    assert api == [absolute_url(r.get_absolute_url()) for r in shown], query
    assert api == export_urls(client, f"/upr/export.csv?{query}"), query
    assert api_facets == facet_table(response.context["facets"]), query
