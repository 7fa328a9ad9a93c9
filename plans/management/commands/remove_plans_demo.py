from django.core.management.base import BaseCommand

from plans.demo_removal import remove_plans_demo


class Command(BaseCommand):
    help = (
        "Delete the plans app's illustrative records (activities, their histories, UPR "
        "recommendations, links, sections); part of remove_demo, which runs it first."
    )

    def handle(self, *args, **options) -> None:
        removed = remove_plans_demo()
        summary = ", ".join(f"{count} {label.split('.')[1]}" for label, count in removed.items())
        self.stdout.write(f"Plans demo data removed: {summary}.")
