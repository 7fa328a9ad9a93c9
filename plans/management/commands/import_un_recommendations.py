from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from plans.importer import import_outside_recommendations


class Command(BaseCommand):
    help = (
        "Import UN recommendations (UPR, treaty bodies, special procedures) from a CSV file in "
        "the columns of /upr/export.csv. The whole file is checked first: if any row has a "
        "problem, every problem is listed and nothing is written. An existing document symbol "
        "and paragraph are updated, new ones created."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the CSV file (UTF-8)")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="the language of the file's texts: that of the page it was exported from",
        )

    def handle(self, *args, file: Path, language: str, **options) -> None:
        try:
            with file.open("rb") as data:
                result = import_outside_recommendations(file=data, language=language)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None

        if result.problems:
            for problem in result.problems:
                self.stderr.write(str(problem))
            count = len(result.problems)
            raise CommandError(
                f"{count} problem{'s' if count != 1 else ''} found in {file}; nothing was imported."
            )
        self.stdout.write(self.style.SUCCESS(f"Imported {file}: {result.summary}"))
