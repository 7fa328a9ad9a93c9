from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    """Meetings, their agendas, participants and documents, and the shared vocabularies."""

    name = "meetings"
