from django.core.management import call_command
from django.core.management.base import BaseCommand

from meetings.models import Meeting
from recommendations.demo import load_demo
from recommendations.models import Recommendation


class Command(BaseCommand):
    help = (
        "Load the vocabularies, the organisations, the real meetings public sources document "
        "(docs/sources.md), among them that of 22 October 2021, and the illustrative record "
        "(meetings 2013-2025, their documents, recommendations and assessments), and the plans "
        "app's (action plans, UPR cycles, SDGs, illustrative activities and links). Running it "
        "again changes nothing; remove_demo takes the illustrative record away."
    )

    def handle(self, *args, **options) -> None:
        meeting = load_demo()
        # The plans app sits above this one (it links to these recommendations), so its
        # loader is called by its command's name rather than imported.
        call_command("load_plans_demo", stdout=self.stdout)
        meetings = Meeting.objects.filter(is_illustrative=True).count()
        count = Recommendation.objects.demonstration().count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {meeting}; {meetings} illustrative meetings and {count} "
                "illustrative recommendations."
            )
        )
