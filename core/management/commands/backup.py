"""Write every record to one portable JSON file that `restore` reads back; or, to a `.tar`
archive, the records and every uploaded file they refer to, from either storage.

The native tools (pg_dump, SQLite's .backup) remain the everyday backup; this dump moves
the data between backends (SQLite to PostgreSQL) and is readable without either.
"""

import bz2
import datetime
import gzip
import io
import lzma
import os
import re
import tarfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, BinaryIO

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model

from core import data_version
from core.stored_files import RECORDS_MEMBER, add_stored_files, referenced_names

# loaddata, which `restore` uses, recognises the format and compression by these suffixes.
BACKUP_NAME = re.compile(r"\.json(\.(gz|bz2|xz|lzma))?$")
# The records and the uploaded files together (core/stored_files.py).
ARCHIVE_NAME = re.compile(r"\.tar$")
COMPRESSORS: dict[str, Callable[..., IO[str]]] = {
    ".gz": gzip.open,
    ".bz2": bz2.open,
    ".xz": lzma.open,
    ".lzma": lzma.open,
}


def private_file(path: Path) -> BinaryIO:
    """A new file that only its owner can read, from the moment it exists: a backup holds
    password hashes and session keys. The mode is given to open(2) itself, which a umask
    can only narrow; a chmod afterwards would leave it readable while it is written.
    Exclusive creation never writes through a file or link already there."""
    return open(path, "xb", opener=lambda name, flags: os.open(name, flags, 0o600))


def text_stream(raw: BinaryIO, suffix: str) -> IO[str]:
    """UTF-8 text written into `raw`, compressed as the file name's suffix says."""
    if suffix == ".json":
        return io.TextIOWrapper(raw, encoding="utf-8")
    return COMPRESSORS[suffix](raw, "wt", encoding="utf-8")


class PreciseJSONEncoder(DjangoJSONEncoder):
    """Django's encoder (and so dumpdata) cuts times to milliseconds for JavaScript's
    sake; a backup keeps every microsecond, which loaddata reads back as it is."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


@contextmanager
def one_snapshot(connection: BaseDatabaseWrapper) -> Iterator[None]:
    """Read every table as of the same moment, while the site keeps taking writes."""
    if connection.in_atomic_block:  # already inside a transaction: already one snapshot
        yield
    elif connection.vendor == "postgresql":
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    elif connection.vendor == "sqlite":
        # Django's atomic() would BEGIN IMMEDIATE (settings.py) and hold the write lock for
        # the whole dump; a deferred read transaction sees one WAL snapshot and blocks nobody.
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")
    else:
        yield


class Serializer(JSONSerializer):
    """dumpdata's JSON, with many-to-many links written as rows of their own tables.

    Inside their records, as dumpdata writes them, the links come back with new keys in
    a new order; as rows, every table comes back exactly as it was."""

    def handle_m2m_field(self, obj: Model, field: Any) -> None:
        pass


def every_record(database: str) -> Iterator[Model]:
    """Every row of every concrete model, link tables included, hidden by a default
    manager or not, in key order; not the change logs, which triggers write as records are
    written (restoring writes its own) and which only bring caches forward."""
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not router.allow_migrate_model(database, model):
            continue
        if model._meta.db_table.endswith(data_version.CHANGE_LOG_SUFFIX):
            continue
        yield from model._base_manager.using(database).order_by(model._meta.pk.name).iterator()


def write_records(database: str, path: Path) -> None:
    """Every record to a new private file, compressed as its name says (call it inside
    one_snapshot())."""
    with private_file(path) as raw, text_stream(raw, path.suffix) as stream:
        Serializer().serialize(every_record(database), stream=stream, cls=PreciseJSONEncoder)


class Command(BaseCommand):
    help = (
        "Write every record in the database (content, accounts, history, login attempts) "
        "to a JSON file for `restore`; a name ending in .json.gz, .json.bz2 or .json.xz "
        "is compressed. A name ending in .tar writes an archive of the records and every "
        "uploaded file they refer to, from the local disk or the bucket."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path", help="file to write, e.g. backup-2025-01-31.json.gz or backup-2025-01-31.tar"
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *, path: str, database: str, **options: Any) -> None:
        with_files = bool(ARCHIVE_NAME.search(path))
        if not (with_files or BACKUP_NAME.search(path)):
            raise CommandError(
                "The file name must end in .json, .json.gz, .json.bz2 or .json.xz (the "
                "records), or .tar (the records and the uploaded files)."
            )
        target = Path(path)
        # Written beside the target and renamed only when complete, so a failed run never
        # leaves a truncated file that looks like a backup.
        partial = target.with_name(f".incomplete-{os.getpid()}-{target.name}")
        records = target.with_name(f".incomplete-{os.getpid()}-{RECORDS_MEMBER}")
        connection = connections[database]
        connection.ensure_connection()
        for leftover in (partial, records):
            leftover.unlink(missing_ok=True)  # left by a run that was killed
        try:
            if not with_files:
                with one_snapshot(connection):
                    write_records(database, partial)
                partial.replace(target)
                self.stdout.write(self.style.SUCCESS(f"Wrote every record to {path}."))
                return
            with one_snapshot(connection):
                write_records(database, records)
                names = referenced_names(database)
            # The files after the snapshot, outside its transaction: a stored file is never
            # changed under its name, so it is the one the records refer to.
            with private_file(partial) as raw, tarfile.open(fileobj=raw, mode="w") as archive:
                archive.add(records, arcname=RECORDS_MEMBER)
                missing = add_stored_files(archive, names)
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
            records.unlink(missing_ok=True)
        for name in missing:
            self.stderr.write(f"Missing from the storage, so not in the backup: {name}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote every record and {len(names) - len(missing)} uploaded files to {path}."
            )
        )
