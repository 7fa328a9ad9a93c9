"""Replace everything in the database with a file written by `backup`."""

from pathlib import Path
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.management.color import no_style
from django.core.management.sql import sql_flush
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from .backup import BACKUP_NAME


class Command(BaseCommand):
    help = (
        "Replace every record in the database with those in a file written by `backup`. "
        "The database must be migrated to the same release that wrote the file."
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
        if not file.is_file() or not BACKUP_NAME.search(file.name):
            raise CommandError(
                f"{path} is not a backup file (.json, .json.gz, .json.bz2, .json.xz)."
            )
        connection = connections[database]
        if interactive:
            answer = input(
                f"This replaces EVERY record in the database {connection.settings_dict['NAME']!r} "
                f"with those in {file.name}. Type 'yes' to continue: "
            )
            if answer != "yes":
                self.stdout.write("Restore cancelled; nothing changed.")
                return
        # One transaction: a file that fails to load leaves the database as it was.
        with transaction.atomic(using=database):
            if connection.vendor == "postgresql":
                # Settle the deferred foreign-key checks of an enclosing transaction (a
                # test's): PostgreSQL refuses to TRUNCATE a table with checks pending.
                connection.check_constraints()
            # Empty every table first, content types and permissions included, so the rows
            # come back with the primary keys they had, whatever the migrations created here.
            connection.ops.execute_sql_flush(
                sql_flush(no_style(), connection, reset_sequences=True)
            )
            call_command("loaddata", str(file), database=database, verbosity=0)
        # Content types are cached by primary key, and the keys have just been replaced.
        ContentType.objects.clear_cache()
        self.stdout.write(self.style.SUCCESS(f"Restored every record from {file.name}."))
