"""An Atom feed of the newest recommendations matching the list's filters, so a ministry
can follow, say, new recommendations on torture prevention addressed to it."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import NamedTuple

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from core.pagination import valid_query
from core.site_url import SiteFeed, with_query

from .filters import RecommendationFilter
from .models import Assessment, AssessmentBase, Recommendation, account_and_evaluation
from .selectors import RecommendationResults

FEED_LENGTH = 50


def history_prefetch(model: type[AssessmentBase]) -> Prefetch:
    """A record's history with who speaks in it, as `timeline` (newest first)."""
    return Prefetch("assessments", model.objects.select_related("assessed_by"), to_attr="timeline")


def history_text(history: Sequence[AssessmentBase]) -> str:
    """A feed entry's lines on the history: the current status and who set it, then the
    latest independent evaluation beside it (a reader of the feed sees both, as the page
    shows them)."""
    account, evaluation = account_and_evaluation(history)
    lines = [
        message
        % {
            "status": entry.get_status_display(),
            "origin": entry.origin_label(),
            "date": date_format(entry.date),
        }
        for message, entry in [
            (_("Current status: %(status)s (%(origin)s, %(date)s)"), account),
            (_("Latest independent evaluation: %(status)s (%(origin)s, %(date)s)"), evaluation),
        ]
        if entry
    ]
    return "\n".join(lines)


class FilteredRecommendations(NamedTuple):
    """One request's filters, and its query without the values they rejected."""

    results: RecommendationResults
    query: QueryDict

    @property
    def filterset(self) -> RecommendationFilter:
        return self.results.filterset


class RecommendationFeed(SiteFeed):
    feed_type = Atom1Feed

    # The URLconf holds one feed object for every request, so what a request asked for is
    # returned here, and Django hands it to each method, never kept on the object.
    def get_object(self, request: HttpRequest) -> FilteredRecommendations:
        results = RecommendationResults(request.GET, request=request)
        return FilteredRecommendations(results, valid_query(request, results.filterset.form))

    def title(self, filtered: FilteredRecommendations) -> str:
        title = _("Dialogue Platform on the Human Dimension: recommendations")
        return f"{title} ({_('filtered')})" if filtered.filterset.active() else title

    def link(self, filtered: FilteredRecommendations) -> str:
        return with_query(reverse("recommendations:list"), filtered.query.urlencode())

    def feed_url(self, filtered: FilteredRecommendations) -> str:
        return with_query(reverse("recommendations:feed"), filtered.query.urlencode())

    def subtitle(self) -> str:
        return _("The newest recommendations matching these filters.")

    def items(self, filtered: FilteredRecommendations) -> QuerySet:
        # Newest recorded first, whatever sort the list was viewing.
        return filtered.results.newly_recorded(FEED_LENGTH).prefetch_related(
            history_prefetch(Assessment)
        )

    def item_title(self, recommendation: Recommendation) -> str:
        return f"{recommendation.reference} ({recommendation.get_status_display()})"

    def item_description(self, recommendation: Recommendation) -> str:
        # Atom sends the summary as HTML: staff type plain text, so it is escaped (with
        # their line breaks kept) and a reader shows any markup in it as typed.
        text = "\n\n".join(
            filter(None, [recommendation.text, history_text(recommendation.timeline)])
        )
        return linebreaks(text, autoescape=True)

    def item_pubdate(self, recommendation: Recommendation) -> datetime.datetime:
        return recommendation.created

    def item_updateddate(self, recommendation: Recommendation) -> datetime.datetime:
        # RFC 4287 requires <updated> on every entry; Django writes it only when given.
        return recommendation.updated
