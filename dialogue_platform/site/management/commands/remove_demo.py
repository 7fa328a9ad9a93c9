from django.core.management.base import BaseCommand, CommandError
from django.db.models import ProtectedError

from dialogue_platform.site import demo


class Command(BaseCommand):
    help = (
        "Delete every illustrative record (meetings, agenda items, documents, "
        "recommendations, assessments, and the plans app's activities, UPR recommendations "
        "and links) in one transaction; real records and the vocabularies stay."
    )

    def handle(self, *args, **options) -> None:
        try:
            removed = demo.remove()
        except ProtectedError as error:
            blocking = sorted({str(obj) for obj in error.protected_objects})[:5]
            raise CommandError(
                "Nothing was removed: real records refer to illustrative ones "
                f"({'; '.join(blocking)}). Detach them first."
            ) from error
        summary = ", ".join(f"{count} {label.split('.')[1]}" for label, count in removed.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data removed: {summary}."))
