"""Atom feeds of a plan's filtered activities (latest changed first: a new assessment
changes an activity) and of the filtered UN recommendations (newest recorded first)."""

from __future__ import annotations

import datetime
from typing import NamedTuple

from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from core.http_caching import public_response
from core.languages import translated
from core.pagination import valid_query
from core.site_url import SiteFeed, with_query
from recommendations.feeds import history_prefetch, history_text

from . import clock
from .filters import ActivityFilter, OutsideRecommendationFilter, with_linked
from .models import ActionPlan, Activity, ActivityAssessment, OutsideRecommendation

FEED_LENGTH = 50


class Filtered(NamedTuple):
    """One request's filters, its query without rejected values, and the plan if any."""

    filterset: object
    query: QueryDict
    plan: ActionPlan | None = None


class ActivityFeed(SiteFeed):
    feed_type = Atom1Feed

    def __call__(self, request: HttpRequest, *args, **kwargs):
        # Overdue flags in the entries depend on the day, so the ETag does too.
        return public_response(super(SiteFeed, self).__call__, vary=clock.day_key)(
            request, *args, **kwargs
        )

    def get_object(self, request: HttpRequest, slug: str) -> Filtered:
        today = clock.today()
        plan = get_object_or_404(ActionPlan.objects.published(), slug=slug)
        activities = Activity.objects.filter(plan=plan).with_overdue(today)
        filterset = ActivityFilter(request.GET, queryset=activities, plan=plan, today=today)
        return Filtered(filterset, valid_query(request, filterset.form), plan)

    def title(self, filtered: Filtered) -> str:
        title = translated(filtered.plan, "title").text
        return f"{title} ({_('filtered')})" if filtered.query else title

    def link(self, filtered: Filtered) -> str:
        return with_query(filtered.plan.get_absolute_url(), filtered.query.urlencode())

    def feed_url(self, filtered: Filtered) -> str:
        path = reverse("plans:feed", args=[filtered.plan.slug])
        return with_query(path, filtered.query.urlencode())

    def subtitle(self) -> str:
        return _("The plan's activities matching these filters, latest changed first.")

    def items(self, filtered: Filtered) -> QuerySet:
        activities = filtered.filterset.qs.select_related("plan").order_by("-updated", "-pk")
        return activities.prefetch_related(history_prefetch(ActivityAssessment))[:FEED_LENGTH]

    def item_title(self, activity: Activity) -> str:
        title = _("Activity %(number)s (%(status)s)") % {
            "number": activity.number,
            "status": activity.get_status_display(),
        }
        return f"{title}, {_('overdue')}" if activity.is_overdue else title

    def item_description(self, activity: Activity) -> str:
        deadline = translated(activity, "deadline").text
        text = translated(activity, "title").text
        if deadline:
            text += "\n\n" + _("Deadline: %(deadline)s") % {"deadline": deadline}
        if history := history_text(activity.timeline):
            text += "\n\n" + history
        return linebreaks(text, autoescape=True)

    def item_pubdate(self, activity: Activity) -> datetime.datetime:
        return activity.created

    def item_updateddate(self, activity: Activity) -> datetime.datetime:
        return activity.updated


class OutsideRecommendationFeed(SiteFeed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest) -> Filtered:
        queryset = with_linked(OutsideRecommendation.objects.published())
        filterset = OutsideRecommendationFilter(request.GET, queryset=queryset)
        return Filtered(filterset, valid_query(request, filterset.form))

    def title(self, filtered: Filtered) -> str:
        title = _("UN recommendations to Kazakhstan")
        return f"{title} ({_('filtered')})" if filtered.query else title

    def link(self, filtered: Filtered) -> str:
        return with_query(reverse("upr:list"), filtered.query.urlencode())

    def feed_url(self, filtered: Filtered) -> str:
        return with_query(reverse("upr:feed"), filtered.query.urlencode())

    def subtitle(self) -> str:
        return _("The newest UN recommendations matching these filters.")

    def items(self, filtered: Filtered) -> QuerySet:
        return filtered.filterset.qs.order_by("-created", "-pk")[:FEED_LENGTH]

    def item_title(self, recommendation: OutsideRecommendation) -> str:
        return f"{recommendation.document_symbol}, {recommendation.paragraph}"

    def item_description(self, recommendation: OutsideRecommendation) -> str:
        return linebreaks(translated(recommendation, "text").text, autoescape=True)

    def item_pubdate(self, recommendation: OutsideRecommendation) -> datetime.datetime:
        return recommendation.created

    def item_updateddate(self, recommendation: OutsideRecommendation) -> datetime.datetime:
        return recommendation.updated
