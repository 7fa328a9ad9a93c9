"""`manage.py generate_sample`: the synthetic data set the benchmark measures against."""

from argparse import ArgumentParser

from django.core.management.base import BaseCommand, CommandError

from recommendations.sample import DEFAULT_SEED, SampleRefused, clear_sample, generate_sample


class Command(BaseCommand):
    help = (
        "Bulk-insert a synthetic data set for measuring performance: published meetings and "
        "recommendations with SAMPLE- references. Refuses a database that holds any other "
        "recommendations (real or demonstration ones)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--recommendations", type=int, default=100_000)
        parser.add_argument("--meetings", type=int, default=400)
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help="the same seed gives the same data"
        )
        parser.add_argument(
            "--clear", action="store_true", help="delete an earlier sample data set first"
        )
        parser.add_argument(
            "--clear-only", action="store_true", help="delete the sample data set and stop"
        )

    def handle(self, *args, **options) -> None:
        if options["clear_only"]:
            deleted = clear_sample()
            self.stdout.write(f"Deleted {deleted} sample recommendations and their meetings.")
            return
        if options["recommendations"] < 1 or options["meetings"] < 1:
            raise CommandError("--recommendations and --meetings must be at least 1.")
        try:
            report = generate_sample(
                recommendations=options["recommendations"],
                meetings=options["meetings"],
                seed=options["seed"],
                clear=options["clear"],
            )
        except SampleRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        timings = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in report.timings.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Sample data set ready: {report.meetings} meetings, {report.agenda_items} "
                f"agenda items, {report.documents} documents, {report.recommendations} "
                f"recommendations, {report.assessments} assessments ({timings})."
            )
        )
