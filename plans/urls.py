from django.urls import path

from dialogue_platform.core.http_caching import public_response

from . import clock, views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("<slug:slug>/", views.plan_detail, name="detail"),
    # Before an activity's address, which would otherwise take "report" for a number.
    path("<slug:slug>/report/", views.plan_report, name="report"),
    path(
        "<slug:slug>/report.csv",
        public_response(views.plan_report_csv, vary=clock.day_key),
        name="report_csv",
    ),
    path("<slug:slug>/<str:number>/", views.activity_detail, name="activity"),
]

# /upr/: the outside (UN) recommendations, a namespace of their own.
upr_patterns = (
    [
        path("", views.outside_list, name="list"),
        path("<str:key>/", views.outside_detail, name="detail"),
    ],
    "upr",
)
