"""Public pages of recommendations: the faceted list and one recommendation's record."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core.caching import cached_page
from core.pagination import valid_query
from core.site_url import absolute_url
from meetings.models import Document

from . import exports
from .filters import RecommendationFilter
from .models import Assessment, Recommendation
from .selectors import RecommendationResults


@cached_page(query=(RecommendationFilter, "page"))
def recommendation_list(request: HttpRequest) -> HttpResponse:
    results = RecommendationResults(request.GET, request=request)
    filterset = results.filterset
    page = results.page(request)
    query = valid_query(request, filterset.form, page)
    context = {
        "filter": filterset,
        "page": page,
        "facets": results.facets,
        "query": query,
        "chips": results.chips(query),
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
        "sort": results.sort,
        "title": _("Recommendations"),
    }
    return render(request, "recommendations/recommendation_list.html", context)


def recommendation_context(reference: str) -> dict:
    """One published recommendation and what its page shows. The page itself is served by
    the site layer (dialogue_platform/site/views.py), which adds what apps above this one
    link to it."""
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


EXPORT_FORMATS = {
    "csv": (exports.csv_lines, "text/csv; charset=utf-8"),
    "json": (exports.json_chunks, "application/json"),
}


def recommendation_export(request: HttpRequest, format: str) -> StreamingHttpResponse:
    """The current filter's whole result (not one page), streamed row by row."""
    serialise, content_type = EXPORT_FORMATS[format]
    records = exports.rows(
        RecommendationResults(request.GET, request=request).export_ids, absolute_url
    )
    return StreamingHttpResponse(
        serialise(records),
        content_type=content_type,
        headers={"Content-Disposition": f'attachment; filename="recommendations.{format}"'},
    )
