"""An Atom feed of the newest recommendations matching the list's filters, so a ministry
can follow, say, new recommendations on torture prevention addressed to it."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from dialogue_platform.pagination import valid_query
from dialogue_platform.site_url import SiteFeed, absolute_url

from .filters import RecommendationFilter
from .models import Recommendation

FEED_LENGTH = 50


class RecommendationFeed(SiteFeed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest) -> RecommendationFilter:
        filterset = RecommendationFilter(request.GET, queryset=Recommendation.objects.published())
        self.query = valid_query(request, filterset.form)
        return filterset

    def title(self, filterset: RecommendationFilter) -> str:
        title = _("Dialogue Platform on the Human Dimension: recommendations")
        return f"{title} ({_('filtered')})" if filterset.active() else title

    def link(self, filterset: RecommendationFilter) -> str:
        query = self.query.urlencode()
        return absolute_url(reverse("recommendations:list") + (f"?{query}" if query else ""))

    def feed_url(self) -> str:
        return absolute_url(reverse("recommendations:feed"))

    def subtitle(self) -> str:
        return _("The newest recommendations matching these filters.")

    def items(self, filterset: RecommendationFilter) -> QuerySet:
        # Newest recorded first, whatever sort the list was viewing.
        return filterset.qs.order_by("-created", "-pk")[:FEED_LENGTH]

    def item_title(self, recommendation: Recommendation) -> str:
        return f"{recommendation.reference} ({recommendation.get_status_display()})"

    def item_description(self, recommendation: Recommendation) -> str:
        return recommendation.text

    def item_pubdate(self, recommendation: Recommendation) -> datetime.datetime:
        return recommendation.created

    def item_updateddate(self, recommendation: Recommendation) -> datetime.datetime:
        # RFC 4287 requires <updated> on every entry; Django writes it only when given.
        return recommendation.updated
