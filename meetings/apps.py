from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Meetings, their agendas, participants and documents, and the shared vocabularies."""

    name = "meetings"
    verbose_name = _("Meetings")
