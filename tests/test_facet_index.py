"""The facet index only counts, and counts exactly what SQL counts: with FACET_INDEX on or
off, every list page, its order, its counts, its facets and its export are the same, for
any filters and sort, and after any writes, which the index follows without rebuilding."""

import csv
import io
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.models import Organisation, Topic
from recommendations import facet_index
from recommendations.filters import RecommendationFilter
from recommendations.models import AffectedGroup, Assessment, Recommendation, Status
from recommendations.selectors import RecommendationResults

from . import factories

pytestmark = pytest.mark.django_db

LIST = reverse("recommendations:list")
EXPORT = reverse("recommendations:export_csv")
SORTS = ["newest", "oldest", "reference", "relevance", ""]
WORDS = ["detention", "children", "CAB", "reform", "family"]
YEARS = st.integers(2013, 2025)


def shown(client, settings, params: dict, *, index: bool) -> tuple:
    """What a visitor sees of the list and the export, with the index on or off (from a
    cold cache, so nothing computed one way is served the other)."""
    settings.FACET_INDEX = index
    cache.clear()
    query = urlencode(params, doseq=True)
    response = client.get(f"{LIST}?{query}")
    if response.status_code != 200:
        return (response.status_code,)
    page = response.context["page"]
    export = client.get(f"{EXPORT}?{query}")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    return (
        [rec.reference for rec in page.object_list],
        page.number,
        page.paginator.count,
        response.context["facets"],
        response.context["chips"],
        rows,
    )


def some(values: list) -> st.SearchStrategy:
    return st.lists(st.sampled_from(values), max_size=3, unique=True)


@st.composite
def list_queries(draw) -> dict:
    slugs = {
        "topic": [*Topic.objects.values_list("slug", flat=True), "no-such-topic"],
        "group": list(AffectedGroup.objects.values_list("slug", flat=True)),
        "body": list(Organisation.objects.values_list("slug", flat=True)),
    }
    params = {name: draw(some(values)) for name, values in slugs.items() if values}
    params["status"] = draw(some(Status.values))
    if draw(st.booleans()):
        params["year_from"] = draw(YEARS)
    if draw(st.booleans()):
        params["year_to"] = draw(YEARS)
    if draw(st.integers(0, 3)) == 0:
        params["q"] = draw(st.sampled_from(WORDS))
    if draw(st.integers(0, 4)) == 0:
        params["meeting"] = draw(
            st.sampled_from(["2022-06-15-extraordinary", "2019-05-01-regular"])
        )
    params["sort"] = draw(st.sampled_from(SORTS))
    params["page"] = draw(st.sampled_from([1, 1, 2]))
    return {name: value for name, value in params.items() if value not in ([], "")}


def write(draw) -> None:
    """One random write of those an editor or an import makes."""
    recommendations = list(Recommendation.objects.all())
    rec = draw(st.sampled_from(recommendations)) if recommendations else None
    kind = draw(
        st.sampled_from(["status", "year", "link", "unlink", "publish", "delete", "new"])
        if rec
        else st.just("new")
    )
    if kind == "status":
        Recommendation.objects.filter(pk=rec.pk).update(status=draw(st.sampled_from(Status.values)))
    elif kind == "year":
        Recommendation.objects.filter(pk=rec.pk).update(year=draw(YEARS))
    elif kind in ("link", "unlink"):
        field = draw(st.sampled_from(["topics", "affected_groups", "responsible_bodies"]))
        model = Recommendation._meta.get_field(field).related_model
        value = draw(st.sampled_from(list(model.objects.all())))
        getattr(getattr(rec, field), "add" if kind == "link" else "remove")(value)
    elif kind == "publish":
        Recommendation.objects.filter(pk=rec.pk).update(is_published=not rec.is_published)
    elif kind == "delete":
        Assessment.objects.filter(recommendation=rec).delete()
        rec.delete()
    else:
        new = factories.recommendation(
            year=draw(YEARS),
            status=draw(st.sampled_from(Status.values)),
            is_published=draw(st.booleans()),
            text=f"New recommendation on {draw(st.sampled_from(WORDS))}",
        )
        new.topics.add(draw(st.sampled_from(list(Topic.objects.all()))))


@pytest.fixture
def builds(monkeypatch) -> list:
    """Each whole-table build of the facet index in this test."""
    built = []
    build = facet_index.FacetIndex.build.__func__

    def counted(cls):
        built.append(1)
        return build(cls)

    monkeypatch.setattr(facet_index.FacetIndex, "build", classmethod(counted))
    return built


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_list_and_export_are_the_same_with_the_index_on_and_off(
    client, record, settings, builds, data
):
    # Each example starts from `record` (its writes rolled back) in a fresh worker.
    with transaction.atomic():
        facet_index._latest = None
        params = data.draw(list_queries(), label="query")
        assert shown(client, settings, params, index=True) == shown(
            client, settings, params, index=False
        ), params
        built = len(builds)
        for _ in range(data.draw(st.integers(1, 4), label="writes")):
            write(data.draw)
        params = data.draw(list_queries(), label="query after the writes")
        assert shown(client, settings, params, index=True) == shown(
            client, settings, params, index=False
        ), params
        # The index followed the writes without a whole-table build.
        assert len(builds) == built
        transaction.set_rollback(True)


def test_the_site_pages_count_the_same_with_the_index_on_and_off(client, record, settings):
    pages = [
        reverse("home"),
        reverse("topics:list"),
        reverse("topics:detail", args=[record.torture.slug]),
        reverse("organisations:list"),
        reverse("organisations:detail", args=[record.ministry.slug]),
    ]
    record.in_progress.topics.remove(record.torture)
    Recommendation.objects.filter(pk=record.not_assessed.pk).update(status="implemented")
    for url in pages:
        seen = []
        for index in (True, False):
            settings.FACET_INDEX = index
            cache.clear()
            seen.append(client.get(url).content)
        assert seen[0] == seen[1], url


def test_an_edit_shows_in_the_counts_without_a_whole_table_build(client, record, builds):
    url = f"{LIST}?status=implemented"
    assert client.get(url).context["page"].paginator.count == 1  # `adopted`
    Recommendation.objects.filter(pk=record.not_assessed.pk).update(status="implemented")
    assert client.get(url).context["page"].paginator.count == 2
    Recommendation.objects.filter(pk=record.adopted.pk).update(is_published=False)
    assert client.get(url).context["page"].paginator.count == 1
    assert len(builds) == 1


def test_a_worker_whose_log_was_emptied_rebuilds(client, record, builds):
    url = f"{LIST}?status=implemented"
    assert client.get(url).context["page"].paginator.count == 1
    # As a restore does: the log emptied with the records, then records written again.
    facet_index.RecommendationChange.objects.all().delete()
    Recommendation.objects.filter(pk=record.not_assessed.pk).update(status="implemented")
    assert client.get(url).context["page"].paginator.count == 2
    assert len(builds) == 2


def test_paging_through_words_runs_the_search_once_a_page(
    client, record, django_assert_num_queries
):
    words = f"{LIST}?q=juvenile"
    client.get(words)
    # Another sort: the data version, the notice, the page (the one search), its topics and
    # bodies; the count and the facets are those of the first.
    with django_assert_num_queries(5) as captured:
        client.get(f"{words}&sort=reference")
    # The word as searched: its stem (core/search/stemming.py).
    searches = [q for q in captured.captured_queries if "juvenil" in q["sql"]]
    assert len(searches) == 1


def test_a_filterset_built_elsewhere_gives_the_same_results(rf, record):
    request = rf.get(f"{LIST}?status=implemented&status=in_progress")
    built = RecommendationFilter(request.GET, queryset=Recommendation.objects.published())
    given = RecommendationResults(None, request=request, filterset=built)
    own = RecommendationResults(request.GET, request=request)
    assert given.count == own.count == 2
    assert given.export_ids == own.export_ids == [record.adopted.pk, record.in_progress.pk]
