import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Local development only: create an 'admin' superuser if none exists, printing its password once."

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("create_local_admin runs only with DEBUG=1 (local mode).")
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator account already exists; no new one created.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                "Created the local administrator for /admin/: "
                f"username 'admin', password '{password}' (shown only this once). "
                "Staff set up two-factor at their first sign-in: keep an authenticator "
                "app at hand."
            )
        )
