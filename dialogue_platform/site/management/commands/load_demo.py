from django.core.management.base import BaseCommand

from dialogue_platform.site import demo
from meetings.models import Meeting
from plans.models import Activity
from recommendations.models import Recommendation


class Command(BaseCommand):
    help = (
        "Load the vocabularies, the organisations, the real meetings public sources document "
        "(docs/sources.md), among them that of 22 October 2021, the illustrative record "
        "(meetings 2013-2025, their documents, recommendations and assessments), and the plans "
        "app's (action plans, UPR cycles, SDGs, illustrative activities and links). Running it "
        "again changes nothing; remove_demo takes the illustrative record away."
    )

    def handle(self, *args, **options) -> None:
        meeting = demo.load()
        meetings = Meeting.objects.filter(is_illustrative=True).count()
        count = Recommendation.objects.demonstration().count()
        activities = Activity.objects.filter(is_illustrative=True).count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {meeting}; {meetings} illustrative meetings, {count} "
                f"illustrative recommendations and {activities} illustrative plan activities."
            )
        )
