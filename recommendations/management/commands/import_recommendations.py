from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from recommendations.importer import import_recommendations

T = TypeVar("T")
# Below this many rows the import is over before a progress bar would tell anything.
PROGRESS_MIN_ROWS = 1000


class Command(BaseCommand):
    help = (
        "Import recommendations from a CSV file in the columns of /recommendations/export.csv. "
        "The whole file is checked first: if any row has a problem, every problem is listed "
        "and nothing is written. Existing references are updated, new ones created."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the CSV file (UTF-8)")
        parser.add_argument("--no-progress", action="store_true", help="do not show a progress bar")

    def handle(self, *args, file: Path, no_progress: bool, verbosity: int, **options) -> None:
        quiet = no_progress or verbosity == 0

        def progress(iterable: Iterable[T], *, desc: str, total: int) -> Iterable[T]:
            # disable=None: tqdm also stays silent when standard error is not a terminal.
            hidden = True if quiet or total < PROGRESS_MIN_ROWS else None
            return tqdm(iterable, desc=desc, total=total, unit=" rows", disable=hidden)

        try:
            with file.open("rb") as data:
                result = import_recommendations(file=data, progress=progress)
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
