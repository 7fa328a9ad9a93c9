from django.urls import path

from core.http_caching import public_response

from . import feeds, views

export = public_response(views.recommendation_export)

app_name = "recommendations"
urlpatterns = [
    path("", views.recommendation_list, name="list"),
    path("feed/", feeds.RecommendationFeed(), name="feed"),
    path("export.csv", export, {"format": "csv"}, name="export_csv"),
    path("export.json", export, {"format": "json"}, name="export_json"),
    # "detail", one recommendation's page, is added by dialogue_platform/urls.py: the site
    # layer serves it, with what the plans app links to it.
]
