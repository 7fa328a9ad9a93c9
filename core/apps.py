from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared foundations. Its label stays "dialogue_platform", the name its tables,
    migrations and AUTH_USER_MODEL have always had."""

    name = "core"
    label = "dialogue_platform"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.core.checks import Tags, register
        from django.db.backends.signals import connection_created

        from .checks import data_version_triggers
        from .search import register_casefold

        connection_created.connect(register_casefold, dispatch_uid="core.casefold")
        register(data_version_triggers, Tags.database)
