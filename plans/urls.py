from django.urls import path

from core.http_caching import public_response

from . import clock, feeds, views

# Overdue flags depend on the day: so do the ETags of what shows them.
day_export = public_response(vary=clock.day_key)

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("<slug:slug>/", views.plan_detail, name="detail"),
    # Before an activity's address, which would otherwise take "report" for a number.
    path("<slug:slug>/report/", views.plan_report, name="report"),
    path(
        "<slug:slug>/report.csv",
        day_export(views.plan_report_csv),
        name="report_csv",
    ),
    path("<slug:slug>/feed/", feeds.ActivityFeed(), name="feed"),
    path(
        "<slug:slug>/export.csv",
        day_export(views.plan_export),
        {"format": "csv"},
        name="export_csv",
    ),
    path(
        "<slug:slug>/export.json",
        day_export(views.plan_export),
        {"format": "json"},
        name="export_json",
    ),
    # "<slug:slug>/<str:number>/" (name "activity"), an activity's page, is served by the
    # site layer, which adds what the reporting app says of its history
    # (dialogue_platform/urls.py puts it last: its pattern takes any number).
]

# /upr/: the outside (UN) recommendations, a namespace of their own.
upr_patterns = (
    [
        path("", views.outside_list, name="list"),
        path("feed/", feeds.OutsideRecommendationFeed(), name="feed"),
        path(
            "export.csv",
            public_response(views.outside_export),
            {"format": "csv"},
            name="export_csv",
        ),
        path(
            "export.json",
            public_response(views.outside_export),
            {"format": "json"},
            name="export_json",
        ),
        path("<str:key>/", views.outside_detail, name="detail"),
    ],
    "upr",
)
