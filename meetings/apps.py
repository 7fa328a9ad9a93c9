from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Meetings, their agendas, participants and documents, and the shared vocabularies."""

    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from .search import register_casefold

        connection_created.connect(register_casefold, dispatch_uid="meetings.casefold")
