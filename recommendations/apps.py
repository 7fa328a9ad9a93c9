from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecommendationsConfig(AppConfig):
    """Recommendations and their implementation history; depends on meetings."""

    name = "recommendations"
    verbose_name = _("Recommendations")
