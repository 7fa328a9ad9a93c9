"""/api/v1/: one router for every app's endpoints, the OpenAPI schema and its docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from dialogue_platform.core.http_caching import public_response

from . import meetings, recommendations
from .docs import docs_view

app_name = "api"

router = SimpleRouter()
router.register("meetings", meetings.MeetingViewSet, basename="meeting")
router.register("documents", meetings.DocumentViewSet, basename="document")
router.register("topics", meetings.TopicViewSet, basename="topic")
router.register("organisations", meetings.OrganisationViewSet, basename="organisation")
router.register("recommendations", recommendations.RecommendationViewSet, basename="recommendation")
router.register("affected-groups", recommendations.AffectedGroupViewSet, basename="affected-group")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("v1/schema/", public_response(SpectacularAPIView.as_view()), name="schema"),
    path("v1/docs/", docs_view, name="docs"),
]
