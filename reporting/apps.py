from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """The state bodies' reports and NGOs' evaluations, reporting rounds, memberships and
    the secretariat's review; depends on meetings, recommendations and plans."""

    name = "reporting"
    verbose_name = _("Reporting")

    def ready(self) -> None:
        from . import rules  # noqa: F401  (registers the object-level permissions)
