"""The recommendations list: filters narrow, facet counts tell the truth, bad input is harmless."""

import re
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db.models import Q
from django.urls import reverse

from recommendations.models import Recommendation

from . import factories

pytestmark = pytest.mark.django_db

URL = reverse("recommendations:list")


def result_count(client, params) -> int:
    """The count the page states ("N recommendations"), whether rendered or cached."""
    response = client.get(URL + "?" + urlencode(params, doseq=True))
    assert response.status_code == 200
    heading = re.search(r'class="results__count">(\d+) recommendation', response.content.decode())
    return int(heading.group(1))


def facets(client, params) -> dict:
    cache.clear()  # a rendered page, for its context
    response = client.get(URL + "?" + urlencode(params, doseq=True))
    return response.context["facets"]


def shown_references(client, params) -> list[str]:
    html = client.get(URL + "?" + urlencode(params, doseq=True)).content.decode()
    return re.findall(r'class="record__ref" href="[^"]*">([^<]+)</a>', html)


@pytest.fixture
def many(record):
    """`record`, and 46 more published recommendations across years, statuses, topics and
    bodies: two pages of results and more."""
    statuses = ["implemented", "in_progress", "not_started", "partially_implemented"]
    for n in range(46):
        rec = factories.recommendation(
            reference=f"GEN-{2013 + n % 10}-{n:03d}", year=2013 + n % 10, status=statuses[n % 4]
        )
        rec.topics.add(record.torture if n % 3 else record.children)
        rec.responsible_bodies.add(record.ministry if n % 2 else record.court)
        if n % 5 == 0:
            rec.affected_groups.add(record.women)
    return record


def test_each_filter_narrows_to_matching_recommendations(client, record):
    def shown(params) -> set[str]:
        return set(shown_references(client, params))

    assert shown({}) == {"CAB-2022-001", "CAB-2019-001", "CAB-2017-001", "CAB-2023-002"}
    assert shown({"topic": "torture-prevention"}) == {"CAB-2022-001", "CAB-2019-001"}
    assert shown({"status": ["implemented", "in_progress"]}) == {"CAB-2022-001", "CAB-2019-001"}
    assert shown({"year_from": 2017, "year_to": 2019}) == {"CAB-2019-001", "CAB-2017-001"}
    assert shown({"body": "supreme-court", "group": "women-girls"}) == {"CAB-2019-001"}
    assert shown({"meeting": record.meeting.slug}) == {"CAB-2022-001"}
    assert shown({"q": "juvenile"}) == {"CAB-2019-001"}


def test_repeated_values_match_any_of_them_without_duplicates(client, record):
    assert shown_references(client, {"topic": ["children", "torture-prevention"]}) == [
        "CAB-2022-001",
        "CAB-2019-001",
        "CAB-2017-001",
    ]
    assert result_count(client, {"topic": ["children", "torture-prevention"]}) == 3


COMBINATIONS = [
    {},
    {"topic": "torture-prevention"},
    {"status": "implemented", "year_from": "2016"},
    {"topic": ["children", "prison-reform"], "body": "ministry-of-internal-affairs"},
    {"group": "women-girls", "status": ["in_progress", "partially_implemented"]},
    {"year_from": "2014", "year_to": "2018", "q": "courts"},
]


@pytest.mark.parametrize("params", COMBINATIONS)
def test_each_facet_count_is_the_number_of_results_choosing_it_gives(client, many, params):
    """Disjunctive facets: a value's count keeps every other filter and replaces its own
    facet's choice with that value alone."""
    shown = facets(client, params)
    assert any(shown.values())
    for name in ("topic", "group", "body", "status"):
        for value in shown[name]:
            assert result_count(client, {**params, name: value.value}) == value.count, (name, value)
    for value in shown["year"]:
        narrowed = {**params, "year_from": value.value, "year_to": value.value}
        assert result_count(client, narrowed) == value.count


def test_facets_leave_out_unpublished_recommendations(client, record):
    assert "children" in {v.value for v in facets(client, {})["topic"]}
    Recommendation.objects.filter(topics__slug="children").update(is_published=False)
    assert "children" not in {v.value for v in facets(client, {})["topic"]}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"topic": "no-such-topic"}, "Topic"),
        ({"year_from": "abc"}, "From year"),
        ({"year_to": "2012"}, "To year"),
        ({"status": "done"}, "Status"),
        ({"group": "x" * 10_000}, "Affected group"),
        ({"q": "x" * 10_000}, "Words"),
        ({"meeting": "no-such-meeting"}, "Meeting"),
        ({"sort": "sideways"}, "Sort"),
        ({"body": [f"ministry-{n}" for n in range(60)]}, "Responsible body"),
    ],
)
def test_a_bad_filter_value_is_ignored_and_pointed_out(client, record, params, message):
    response = client.get(URL + "?" + urlencode(params, doseq=True))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 4  # all the published ones
    html = response.content.decode()
    assert "were not understood and have been ignored" in html
    assert f"<strong>{message}</strong>" in html
    assert "x" * 300 not in html  # a long value is not echoed back whole


@pytest.mark.parametrize("page", ["abc", "²", "-1", "1.5", ""])
def test_a_malformed_page_number_shows_the_first_page(client, many, page):
    response = client.get(URL, {"page": page})
    assert response.status_code == 200
    assert response.context["page"].number == 1


def test_a_page_past_the_last_is_not_found(client, many):
    assert client.get(URL + "?page=2").status_code == 200
    assert client.get(URL + "?page=3").status_code == 404  # 50 results: two pages
    assert client.get(URL + "?page=999999").status_code == 404


def test_pagination_keeps_the_filters(client, many):
    html = client.get(URL + "?status=implemented&status=in_progress").content.decode()
    next_link = re.search(r'rel="next" href="([^"]+)"', html).group(1)
    assert "status=implemented" in next_link and "status=in_progress" in next_link
    assert "page=2" in next_link


def test_active_filters_can_each_be_removed_with_one_click(client, record):
    response = client.get(URL + "?topic=children&topic=torture-prevention&status=implemented")
    chips = {chip["label"]: chip["url"] for chip in response.context["chips"]}
    assert set(chips) == {"Rights of the child", "Prevention of torture", "Implemented"}
    without_children = chips["Rights of the child"]
    assert "topic=children" not in without_children
    assert (
        "topic=torture-prevention" in without_children and "status=implemented" in without_children
    )


def test_sorting(client, record):
    assert shown_references(client, {"sort": "oldest"})[0] == "CAB-2017-001"
    assert shown_references(client, {"sort": "newest"})[0] == "CAB-2023-002"
    assert shown_references(client, {"sort": "reference"}) == [
        "CAB-2017-001",
        "CAB-2019-001",
        "CAB-2022-001",
        "CAB-2023-002",
    ]


ORDERS = {
    "newest": ("-year", "-reference"),
    "oldest": ("year", "reference"),
    "reference": ("reference",),
}
FILTERS = [
    ({}, Q()),
    ({"topic": "torture-prevention"}, Q(topics__slug="torture-prevention")),
    (
        {"status": ["implemented", "in_progress"], "year_from": "2015"},
        Q(status__in=["implemented", "in_progress"], year__gte=2015),
    ),
]


@pytest.mark.parametrize("sort", ORDERS)
@pytest.mark.parametrize(("params", "condition"), FILTERS)
def test_every_page_lists_the_results_in_the_chosen_order(client, many, sort, params, condition):
    expected = list(
        Recommendation.objects.published()
        .filter(condition)
        .order_by(*ORDERS[sort])
        .values_list("reference", flat=True)
    )
    pages = range(1, (len(expected) + 24) // 25 + 1)
    shown = [
        ref for n in pages for ref in shown_references(client, {**params, "sort": sort, "page": n})
    ]
    assert expected and shown == expected


def test_a_new_topic_link_shows_at_once_in_the_counts(client, record):
    params = {"topic": "torture-prevention"}
    assert result_count(client, params) == 2
    record.not_assessed.topics.add(record.torture)
    assert result_count(client, params) == 3
    assert record.not_assessed.reference in shown_references(client, params)
