from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    """Meetings, their agendas, participants and documents, and the shared vocabularies."""

    name = "meetings"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from .search import register_casefold

        connection_created.connect(register_casefold, dispatch_uid="meetings.casefold")
