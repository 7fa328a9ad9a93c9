from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    """Action plans, their activities, outside (UN) recommendations, SDG targets and the
    links between them; depends on meetings and recommendations."""

    name = "plans"
    verbose_name = _("Action plans")
