from django.urls import path

from . import feeds, views

app_name = "recommendations"
urlpatterns = [
    path("", views.recommendation_list, name="list"),
    path("feed/", feeds.RecommendationFeed(), name="feed"),
    path("export.csv", views.recommendation_export, {"format": "csv"}, name="export_csv"),
    path("export.json", views.recommendation_export, {"format": "json"}, name="export_json"),
    path("<str:reference>/", views.recommendation_detail, name="detail"),
]
