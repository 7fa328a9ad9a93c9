"""Send this week's reminder e-mails (README, "Reminders"): run it daily or weekly from
cron; each person gets at most one digest of each kind a week."""

from django.core.management.base import BaseCommand

from dialogue_platform.workspace.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail each current focal point a digest of what their bodies owe that is due or "
        "overdue, and the secretariat a digest of the reports waiting for review; at most "
        "once a week each."
    )

    def handle(self, *args, **options) -> None:
        sent = send_reminders()
        self.stdout.write(
            f"Sent {sent.focal_points} digest(s) to focal points and "
            f"{sent.secretariat} to the secretariat."
        )
