"""/api/v1/: one router for every app's endpoints, the OpenAPI schema and its docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from core.http_caching import public_response

from . import links, meetings, plans, recommendations
from .docs import docs_view

app_name = "api"

router = SimpleRouter()
router.register("meetings", meetings.MeetingViewSet, basename="meeting")
router.register("documents", meetings.DocumentViewSet, basename="document")
router.register("topics", meetings.TopicViewSet, basename="topic")
router.register("organisations", meetings.OrganisationViewSet, basename="organisation")
router.register("recommendations", recommendations.RecommendationViewSet, basename="recommendation")
router.register("affected-groups", recommendations.AffectedGroupViewSet, basename="affected-group")
router.register("plans", plans.PlanViewSet, basename="plan")
# A plan's activities under its address, each by its number, as on the site.
router.register(
    r"plans/(?P<plan_slug>[-a-zA-Z0-9_]+)/activities",
    plans.PlanActivityViewSet,
    basename="plan-activity",
)
router.register(
    "un-recommendations", plans.OutsideRecommendationViewSet, basename="un-recommendation"
)
router.register("links", links.LinkViewSet, basename="link")
router.register("sdg-goals", plans.SdgGoalViewSet, basename="sdg-goal")

urlpatterns = [
    path("v1/", include(router.urls)),
    # Every plan's activities: a list only (an activity's address is its plan's).
    path(
        "v1/activities/",
        plans.AllActivitiesViewSet.as_view({"get": "list"}),
        name="activity-list",
    ),
    path("v1/schema/", public_response(SpectacularAPIView.as_view()), name="schema"),
    path("v1/docs/", docs_view, name="docs"),
]
