"""Root URLs; the public URL map is part of the specification (DESIGN.md)."""

from django.contrib import admin
from django.urls import include, path

from meetings.urls import document_patterns

from . import views

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

urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/", include("meetings.urls")),
    path("recommendations/", include("recommendations.urls")),
    path("documents/", include(document_patterns)),
    path("topics/", include(topic_patterns)),
    path("organisations/", include(organisation_patterns)),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
