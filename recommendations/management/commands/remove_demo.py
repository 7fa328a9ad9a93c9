from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import ProtectedError

from recommendations.demo_removal import remove_demo


class Command(BaseCommand):
    help = (
        "Delete every illustrative record (meetings, agenda items, documents, "
        "recommendations, assessments, and the plans app's activities, UPR recommendations "
        "and links) in one transaction; real records and the vocabularies stay."
    )

    def handle(self, *args, **options) -> None:
        try:
            with transaction.atomic():
                # The plans app sits above this one and points at its records, so its part
                # goes first, called by name (as load_demo calls its loader).
                call_command("remove_plans_demo", stdout=self.stdout)
                removed = remove_demo()
        except ProtectedError as error:
            blocking = sorted({str(obj) for obj in error.protected_objects})[:5]
            raise CommandError(
                "Nothing was removed: real records refer to illustrative ones "
                f"({'; '.join(blocking)}). Detach them first."
            ) from error
        summary = ", ".join(f"{count} {label.split('.')[1]}" for label, count in removed.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data removed: {summary}."))
