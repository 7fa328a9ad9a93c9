from django.core.management.base import BaseCommand

from plans.demo import load_plans_demo
from plans.models import Activity, OutsideRecommendation


class Command(BaseCommand):
    help = (
        "Load the SDG vocabulary, the real action plans and UPR cycles, and illustrative plan "
        "activities, UPR recommendations and links (part of load_demo). Running it again "
        "changes nothing."
    )

    def handle(self, *args, **options) -> None:
        plan = load_plans_demo()
        activities = Activity.objects.filter(plan=plan).count()
        outside = OutsideRecommendation.objects.filter(is_illustrative=True).count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Plans ready: {plan} with {activities} activities; "
                f"{outside} illustrative UPR recommendations."
            )
        )
