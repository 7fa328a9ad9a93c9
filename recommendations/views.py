"""Public pages of recommendations: the faceted list and one recommendation's record."""

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from dialogue_platform.core.caching import cached, cached_page
from dialogue_platform.core.pagination import paginate, valid_query
from dialogue_platform.core.site_url import absolute_url
from meetings.models import Document

from . import exports, facet_index
from .facet_index import IndexedResults
from .filters import RecommendationFilter, facet_counts
from .models import Assessment, Recommendation

PER_PAGE = 25
# The sorts the facet index can page through itself (its own order, either way round).
INDEX_ORDERS = ("newest", "oldest")


def active_filter_chips(query: QueryDict, filterset: RecommendationFilter, facets) -> list[dict]:
    """One removable chip per active filter value: its label and the URL without it."""
    labels = {name: {v.value: v.label for v in values} for name, values in facets.items()}
    chips = []
    for name, values in filterset.active().items():
        for value in values:
            without = query.copy()
            without.setlist(name, [v for v in query.getlist(name) if v != value])
            label = labels.get(name, {}).get(value, value)
            if name == "q":
                label = f"“{value}”"
            elif name == "meeting":
                label = str(filterset.form.cleaned_data["meeting"].title)
            chips.append(
                {
                    "field": filterset.form.fields[name].label,
                    "label": label,
                    "url": f"?{without.urlencode()}",
                }
            )
    return chips


def listed(recommendations: QuerySet) -> QuerySet:
    """With the topics and bodies each item of the list shows, as plain lists (to_attr):
    no queryset per row for the prefetch and the template to build."""
    return recommendations.prefetch_related(
        Prefetch("topics", to_attr="topic_list"),
        Prefetch("responsible_bodies", to_attr="body_list"),
    )


@cached_page(query=(RecommendationFilter, "page"))
def recommendation_list(request: HttpRequest) -> HttpResponse:
    filterset = RecommendationFilter(request.GET, queryset=Recommendation.objects.published())
    index = facet_index.current(request)
    matches = filterset.matches(index)
    results = index.results(matches)
    if filterset.chosen_sort in INDEX_ORDERS:
        oldest_first = filterset.chosen_sort == "oldest"
        ordered = IndexedResults(index, results, listed(Recommendation.objects), oldest_first)
        page = paginate(request, ordered, PER_PAGE)
    else:  # by reference, or by relevance to the words
        ordered = listed(filterset.qs)
        page = paginate(request, ordered, PER_PAGE, count=len(results))
    query = valid_query(request, filterset.form, page)
    # Sorting and paging do not change the counts: one entry serves them all.
    facet_key = sorted((k, v) for k, v in query.lists() if k not in ("sort", "page"))
    facets = cached(
        request, "facets", (facet_key,), lambda: facet_counts(filterset, index, matches)
    )
    context = {
        "filter": filterset,
        "page": page,
        "facets": facets,
        "query": query,
        "chips": active_filter_chips(query, filterset, facets),
        "invalid": [
            (filterset.form.fields[name].label, errors)
            for name, errors in filterset.form.errors.items()
        ],
        # "Best match" only means something when there are words to match.
        "sort_choices": [
            (value, label)
            for value, label in filterset.form.fields["sort"].choices
            if value != "relevance" or filterset.form.cleaned_data.get("q")
        ],
        "sort": filterset.chosen_sort,
        "title": _("Recommendations"),
    }
    return render(request, "recommendations/recommendation_list.html", context)


def recommendation_context(reference: str) -> dict:
    """One published recommendation and what its page shows (the site layer adds what
    apps above this one link to it)."""
    recommendation = get_object_or_404(
        Recommendation.objects.published()
        .select_related("meeting", "agenda_item")
        .prefetch_related(
            "topics",
            "affected_groups",
            "responsible_bodies",
            "proposed_by",
            Prefetch(
                "assessments",
                queryset=Assessment.objects.select_related(
                    "assessed_by", "source"
                ).prefetch_related("source__authors"),
                to_attr="timeline",
            ),
            Prefetch(
                "agenda_item__documents",
                queryset=Document.objects.published().prefetch_related("authors"),
                to_attr="public_documents",
            ),
        ),
        reference=reference,
    )
    # Papers of the agenda item it came from, and those its assessments cite.
    documents = {a.source for a in recommendation.timeline if a.source and a.source.is_published}
    if recommendation.public_agenda_item:
        documents.update(recommendation.agenda_item.public_documents)
    return {
        "recommendation": recommendation,
        "history": recommendation.timeline,
        "documents": sorted(documents, key=lambda d: d.title),
    }


@cached_page
def recommendation_detail(request: HttpRequest, reference: str) -> HttpResponse:
    return render(
        request, "recommendations/recommendation_detail.html", recommendation_context(reference)
    )


EXPORT_FORMATS = {
    "csv": (exports.csv_lines, "text/csv; charset=utf-8"),
    "json": (exports.json_chunks, "application/json"),
}


def recommendation_export(request: HttpRequest, format: str) -> StreamingHttpResponse:
    """The current filter's whole result (not one page), streamed row by row."""
    filterset = RecommendationFilter(request.GET, queryset=Recommendation.objects.published())
    serialise, content_type = EXPORT_FORMATS[format]
    index = facet_index.current(request)
    results = index.results(filterset.matches(index))
    if filterset.chosen_sort in INDEX_ORDERS:
        ids = index.ordered_ids(results, oldest_first=filterset.chosen_sort == "oldest")
    else:
        ids = list(filterset.qs.values_list("pk", flat=True))
    records = exports.rows(ids, absolute_url)
    return StreamingHttpResponse(
        serialise(records),
        content_type=content_type,
        headers={"Content-Disposition": f'attachment; filename="recommendations.{format}"'},
    )
