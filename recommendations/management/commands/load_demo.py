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
        count = Recommendation.objects.demonstration().count()
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready: {meeting}; {count} illustrative recommendations.")
        )
