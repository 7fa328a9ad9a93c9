from django.apps import AppConfig


class DialoguePlatformConfig(AppConfig):
    """Site-wide parts: the user model, the secretariat group, home, search and health."""

    name = "dialogue_platform"
    verbose_name = "Accounts"
