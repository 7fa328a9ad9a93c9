"""Replace everything in the database with a file written by `backup`; from a `.tar`
archive, put its uploaded files back in the storage first."""

import shutil
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.management.color import no_style
from django.core.management.sql import sql_flush
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from core.stored_files import (
    RECORDS_MEMBER,
    UnusableArchive,
    archive_contents,
    put_back,
)

from .backup import ARCHIVE_NAME, BACKUP_NAME


def load_records(file: Path, database: str) -> None:
    """Replace every record with those in a JSON backup, in one transaction: a file that
    fails to load leaves the database as it was."""
    connection = connections[database]
    with transaction.atomic(using=database):
        if connection.vendor == "postgresql":
            # Settle the deferred foreign-key checks of an enclosing transaction (a
            # test's): PostgreSQL refuses to TRUNCATE a table with checks pending.
            connection.check_constraints()
        # Empty every table first, content types and permissions included, so the rows
        # come back with the primary keys they had, whatever the migrations created here.
        connection.ops.execute_sql_flush(sql_flush(no_style(), connection, reset_sequences=True))
        call_command("loaddata", str(file), database=database, verbosity=0)
    # Content types are cached by primary key, and the keys have just been replaced.
    ContentType.objects.clear_cache()


class Command(BaseCommand):
    help = (
        "Replace every record in the database with those in a file written by `backup`; "
        "from a .tar archive, first put its uploaded files back in the storage. The "
        "database must be migrated to the same release that wrote the file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="a file written by `manage.py backup`")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *, path: str, interactive: bool, database: str, **options: Any) -> None:
        file = Path(path).resolve()
        with_files = bool(ARCHIVE_NAME.search(file.name))
        if not file.is_file() or not (with_files or BACKUP_NAME.search(file.name)):
            raise CommandError(
                f"{path} is not a backup file (.json, .json.gz, .json.bz2, .json.xz, .tar)."
            )
        if not with_files:
            if self.confirmed(interactive, database, file.name):
                load_records(file, database)
                self.stdout.write(self.style.SUCCESS(f"Restored every record from {file.name}."))
            return
        try:
            with tarfile.open(file) as archive:
                records, files = archive_contents(archive)
                if not self.confirmed(
                    interactive, database, file.name, f" and puts back its {len(files)} files"
                ):
                    return
                # The files first: no restored record ever refers to a file not yet back.
                # Should the records then fail to load, the database is as it was, beside
                # files it may not use.
                put_back(archive, files)
                # loaddata reads a file, recognising the format by its name; the folder
                # is its owner's alone, as the records hold password hashes.
                with tempfile.TemporaryDirectory() as folder:
                    copy = Path(folder) / RECORDS_MEMBER
                    with archive.extractfile(records) as source, copy.open("xb") as target:
                        shutil.copyfileobj(source, target)
                    load_records(copy, database)
        except (tarfile.TarError, UnusableArchive) as unusable:
            raise CommandError(f"{path} is not a usable backup archive: {unusable}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored every record and {len(files)} uploaded files from {file.name}."
            )
        )

    def confirmed(self, interactive: bool, database: str, name: str, files: str = "") -> bool:
        if not interactive:
            return True
        answer = input(
            f"This replaces EVERY record in the database "
            f"{connections[database].settings_dict['NAME']!r} with those in {name}{files}. "
            "Type 'yes' to continue: "
        )
        if answer != "yes":
            self.stdout.write("Restore cancelled; nothing changed.")
        return answer == "yes"
