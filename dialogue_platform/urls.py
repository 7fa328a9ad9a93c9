"""Root URLs; the public URL map is part of the specification (DESIGN.md)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import include, path
from django.views import defaults
from django.views.generic import RedirectView

from core.http_caching import public_response
from meetings import urls as meeting_urls
from meetings.urls import document_patterns
from plans import urls as plan_urls
from plans.urls import upr_patterns
from recommendations import urls as recommendation_urls

from .site import views
from .site.sitemaps import SITEMAPS, sitemap_index

topic_patterns = (
    [
        path("", views.topic_list, name="list"),
        path("<slug:slug>/", views.topic_detail, name="detail"),
    ],
    "topics",
)
organisation_patterns = (
    [
        path("", views.organisation_list, name="list"),
        path("<slug:slug>/", views.organisation_detail, name="detail"),
    ],
    "organisations",
)

# The meetings app's URLs, and its page of one meeting, which the site layer serves with
# the recommendations adopted at it (last: its pattern takes any slug).
meeting_patterns = (
    [*meeting_urls.urlpatterns, path("<slug:slug>/", views.meeting_detail, name="detail")],
    "meetings",
)

# The recommendations app's URLs, and its page of one recommendation, which the site layer
# serves with what the plans app links to it (last: its pattern takes any reference).
recommendation_patterns = (
    [
        *recommendation_urls.urlpatterns,
        path("<str:reference>/", views.recommendation_detail, name="detail"),
    ],
    "recommendations",
)

# The plans app's URLs, and its page of one activity, which the site layer serves with what
# the reporting app says of its history (last: its pattern takes any number).
plan_patterns = (
    [
        *plan_urls.urlpatterns,
        path("<slug:slug>/<str:number>/", views.activity_detail, name="activity"),
    ],
    "plans",
)

# A published report's document, where its body made it public.
report_patterns = (
    [path("<int:pk>/document", views.report_document, name="document")],
    "reports",
)

# Machine endpoints: one address, whatever the language.
urlpatterns = [
    path("sitemap.xml", public_response(sitemap_index), name="sitemap"),
    path(
        "sitemap-<section>.xml",
        public_response(sitemaps.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("api/", include("api.urls")),
]


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The 404 page; under /api/, JSON, as API clients read every answer."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


handler404 = page_not_found

# Pages: English unprefixed, so existing English URLs keep working; /ru/… and /kk/….
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("meetings/", include(meeting_patterns)),
    path("recommendations/", include(recommendation_patterns)),
    path("documents/", include(document_patterns)),
    path("topics/", include(topic_patterns)),
    path("organisations/", include(organisation_patterns)),
    path("plans/", include(plan_patterns)),
    path("reports/", include(report_patterns)),
    path("upr/", include(upr_patterns)),
    path("workspace/", include("dialogue_platform.workspace.urls")),
    # The admin's sign-in page links to this name, when it exists: the workspace's reset.
    path(
        "admin/password_reset/",
        RedirectView.as_view(pattern_name="workspace:password_reset"),
        name="admin_password_reset",
    ),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
