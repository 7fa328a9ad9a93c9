from django.core.management import call_command
from django.core.management.base import BaseCommand

from recommendations.demo import load_demo
from recommendations.models import Recommendation


class Command(BaseCommand):
    help = (
        "Load the vocabularies, the organisations, the real meetings public sources document "
        "(docs/sources.md) and illustrative recommendations. Running it again changes nothing."
    )

    def handle(self, *args, **options) -> None:
        meeting = load_demo()
        # The plans app sits above this one (it links to these recommendations), so its
        # loader is called by its command's name rather than imported.
        call_command("load_plans_demo", stdout=self.stdout)
        count = Recommendation.objects.demonstration().count()
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready: {meeting}; {count} illustrative recommendations.")
        )
