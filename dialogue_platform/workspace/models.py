"""What the workspace keeps of its own: the reminders already sent, so that each person
gets one digest a week however often the command runs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderKind(models.TextChoices):
    DUE = "due", _("What is due and overdue")
    REVIEW_QUEUE = "review_queue", _("Reports waiting for review")


class ReminderSent(models.Model):
    """One weekly digest sent to one person (management command send_reminders)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="reminders_sent",
    )
    kind = models.CharField(verbose_name=_("kind"), max_length=20, choices=ReminderKind.choices)
    # The Monday of the week the digest covers: one per person, kind and week.
    week = models.DateField(verbose_name=_("week"))
    sent_at = models.DateTimeField(verbose_name=_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-week", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "week"], name="workspace_reminder_once_a_week"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_kind_display()} ({self.week:%d.%m.%Y})"
