from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguePlatformConfig(AppConfig):
    """Site-wide parts: the user model, the secretariat group, home, search and health."""

    name = "dialogue_platform"
    verbose_name = _("Accounts")
