from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    """Recommendations and their implementation history; depends on meetings."""

    name = "recommendations"
