"""The recommendations list: filters narrow, facet counts tell the truth, bad input is harmless."""

import re
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db.models import Q
from django.urls import reverse

from meetings.models import Topic
from recommendations.models import Recommendation

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


def test_each_filter_narrows_to_matching_recommendations(client, demo):
    published = Recommendation.objects.published()
    assert result_count(client, {}) == published.count()
    assert result_count(client, {"topic": "torture-prevention"}) == (
        published.filter(topics__slug="torture-prevention").count()
    )
    assert result_count(client, {"status": ["implemented", "in_progress"]}) == (
        published.filter(status__in=["implemented", "in_progress"]).count()
    )
    assert result_count(client, {"year_from": 2015, "year_to": 2016}) == (
        published.filter(year__in=[2015, 2016]).count()
    )
    assert result_count(client, {"body": "ministry-of-justice", "group": "children"}) == (
        published.filter(
            responsible_bodies__slug="ministry-of-justice", affected_groups__slug="children"
        )
        .distinct()
        .count()
    )
    assert result_count(client, {"meeting": demo.slug}) == published.filter(meeting=demo).count()
    assert result_count(client, {"q": "Criminal Procedure Code"}) == (
        published.filter(text__icontains="criminal procedure code").count()
    )


def test_repeated_values_match_any_of_them_without_duplicates(client, demo):
    either = Recommendation.objects.published().filter(
        topics__slug__in=["children", "torture-prevention"]
    )
    assert result_count(client, {"topic": ["children", "torture-prevention"]}) == (
        either.distinct().count()
    )


COMBINATIONS = [
    {},
    {"topic": "torture-prevention"},
    {"status": "implemented", "year_from": "2016"},
    {"topic": ["children", "human-trafficking"], "body": "ministry-of-internal-affairs"},
    {"group": "women-girls", "status": ["in_progress", "partially_implemented"]},
    {"year_from": "2014", "year_to": "2018", "q": "law"},
]


@pytest.mark.parametrize("params", COMBINATIONS)
def test_each_facet_count_is_the_number_of_results_choosing_it_gives(client, demo, params):
    """Disjunctive facets: a value's count keeps every other filter and replaces its own
    facet's choice with that value alone."""
    shown = facets(client, params)
    for name in ("topic", "group", "body", "status"):
        for value in shown[name]:
            assert result_count(client, {**params, name: value.value}) == value.count, (name, value)
    for value in shown["year"]:
        narrowed = {**params, "year_from": value.value, "year_to": value.value}
        assert result_count(client, narrowed) == value.count


def test_facets_leave_out_unpublished_recommendations(client, demo):
    Recommendation.objects.filter(topics__slug="children").update(is_published=False)
    shown = facets(client, {})
    assert "children" not in {v.value for v in shown["topic"]}


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
def test_a_bad_filter_value_is_ignored_and_pointed_out(client, demo, params, message):
    response = client.get(URL + "?" + urlencode(params, doseq=True))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == Recommendation.objects.published().count()
    html = response.content.decode()
    assert "were not understood and have been ignored" in html
    assert f"<strong>{message}</strong>" in html
    assert "x" * 300 not in html  # a long value is not echoed back whole


@pytest.mark.parametrize("page", ["abc", "²", "-1", "1.5", ""])
def test_a_malformed_page_number_shows_the_first_page(client, demo, page):
    response = client.get(URL, {"page": page})
    assert response.status_code == 200
    assert response.context["page"].number == 1


def test_a_page_past_the_last_is_not_found(client, demo):
    assert client.get(URL + "?page=999999").status_code == 404


def test_pagination_keeps_the_filters(client, demo):
    html = client.get(URL + "?status=implemented&status=in_progress").content.decode()
    next_link = re.search(r'rel="next" href="([^"]+)"', html).group(1)
    assert "status=implemented" in next_link and "status=in_progress" in next_link
    assert "page=2" in next_link


def test_active_filters_can_each_be_removed_with_one_click(client, demo):
    response = client.get(URL + "?topic=children&topic=torture-prevention&status=implemented")
    chips = {chip["label"]: chip["url"] for chip in response.context["chips"]}
    assert set(chips) == {
        "Rights of the child; juvenile justice",
        "Prohibition of torture and ill-treatment; conditions of detention",
        "Implemented",
    }
    without_children = chips["Rights of the child; juvenile justice"]
    assert "topic=children" not in without_children
    assert (
        "topic=torture-prevention" in without_children and "status=implemented" in without_children
    )


def test_sorting(client, demo):
    oldest = client.get(URL + "?sort=oldest").context["page"].object_list[0]
    newest = client.get(URL + "?sort=newest").context["page"].object_list[0]
    by_reference = client.get(URL + "?sort=reference").context["page"].object_list[0]
    years = Recommendation.objects.published().values_list("year", flat=True)
    assert oldest.year == min(years) and newest.year == max(years) and min(years) < max(years)
    assert by_reference.reference == Recommendation.objects.order_by("reference").first().reference


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


def shown_references(client, params) -> list[str]:
    html = client.get(URL + "?" + urlencode(params, doseq=True)).content.decode()
    return re.findall(r'class="record__ref" href="[^"]*">([^<]+)</a>', html)


@pytest.mark.parametrize("sort", ORDERS)
@pytest.mark.parametrize(("params", "condition"), FILTERS)
def test_every_page_lists_the_results_in_the_chosen_order(client, demo, sort, params, condition):
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


def test_a_new_topic_link_shows_at_once_in_the_counts(client, demo):
    params = {"topic": "torture-prevention"}
    before = result_count(client, params)
    rec = Recommendation.objects.published().exclude(topics__slug="torture-prevention").first()
    rec.topics.add(Topic.objects.get(slug="torture-prevention"))
    assert result_count(client, params) == before + 1
    assert rec.reference in shown_references(client, {**params, "q": rec.reference})
