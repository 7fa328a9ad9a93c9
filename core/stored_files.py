"""The uploaded files a backup carries: those the records refer to, read from and written
back to whichever storage holds them (the local disk or an S3-compatible bucket).

A backup archive (`manage.py backup NAME.tar`) is a plain tar file holding the records
(`records.json.gz`, exactly what `backup NAME.json.gz` writes) and, under `files/`, every
stored file any record refers to, the audit history's included, by its stored name.
"""

from __future__ import annotations

import tarfile
import time
from collections.abc import Iterator
from pathlib import PurePosixPath

from django.apps import apps
from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import models
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_model_for_model

RECORDS_MEMBER = "records.json.gz"
FILES_PREFIX = "files/"


class UnusableArchive(Exception):
    """The archive holds something `restore` would not write: refused before anything is."""


def file_columns() -> Iterator[tuple[type[models.Model], str]]:
    """Every model and column holding stored file names: each file field, and its copy in
    the model's audit history (a text column there, so that the History page's restore of
    a past version finds the file that version had)."""
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.FileField):
                continue
            if field.storage is not default_storage:
                # put_back() writes every file to the default storage.
                raise NotImplementedError(
                    f"{model.__name__}.{field.name} keeps its files outside the default "
                    "storage, which backups do not cover."
                )
            yield model, field.attname
            if history := history_model(model):
                yield history, field.attname


def history_model(model: type[models.Model]) -> type[models.Model] | None:
    try:
        return get_history_model_for_model(model)
    except NotHistoricalModelError:
        return None


def referenced_names(database: str) -> list[str]:
    """The stored name of every file the records refer to. Read inside the backup's
    snapshot, so the list matches the records written."""
    names: set[str] = set()
    for model, column in file_columns():
        names.update(
            model._base_manager.using(database)
            .exclude(**{column: ""})
            .values_list(column, flat=True)
        )
    return sorted(names)


def add_stored_files(archive: tarfile.TarFile, names: list[str]) -> list[str]:
    """Copy each stored file into the archive under files/; returns the names that are
    missing from the storage (and so from the backup)."""
    missing = []
    for name in names:
        if not default_storage.exists(name):
            missing.append(name)
            continue
        info = tarfile.TarInfo(FILES_PREFIX + name)
        info.size = default_storage.size(name)
        info.mtime = int(time.time())
        info.mode = 0o600
        with default_storage.open(name, "rb") as stored:
            archive.addfile(info, stored)
    return missing


def stored_file_name(member: tarfile.TarInfo) -> str:
    """The storage name an archive member is restored to, if it is a plain file under files/
    with a relative name that stays there."""
    path = PurePosixPath(member.name)
    if not member.isfile() or path.is_absolute() or ".." in path.parts:
        raise UnusableArchive(f"{member.name!r} is not a file this backup could hold.")
    return member.name.removeprefix(FILES_PREFIX)


def archive_contents(archive: tarfile.TarFile) -> tuple[tarfile.TarInfo, list[tarfile.TarInfo]]:
    """The records member and the file members of a backup archive; anything else in it,
    or a file name that would leave the storage's root, refuses the whole archive."""
    records = [m for m in archive.getmembers() if m.name == RECORDS_MEMBER]
    files = [m for m in archive.getmembers() if m.name.startswith(FILES_PREFIX)]
    others = [m.name for m in archive.getmembers() if m not in records and m not in files]
    if len(records) != 1 or not records[0].isfile():
        raise UnusableArchive(f"The archive must hold one {RECORDS_MEMBER}.")
    if others:
        raise UnusableArchive(f"The archive holds what no backup writes: {', '.join(others)}.")
    for member in files:
        stored_file_name(member)
    return records[0], files


def put_back(archive: tarfile.TarFile, files: list[tarfile.TarInfo]) -> None:
    """Write each file to the storage under its own name, replacing a file already there,
    so that the records find it where they say it is."""
    storage: Storage = default_storage
    for member in files:
        name = stored_file_name(member)
        content = archive.extractfile(member)
        assert content is not None  # a regular file, checked above
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, File(content, name=name))
        if saved != name:  # a storage that renamed it: the records would not find it
            raise UnusableArchive(f"The storage kept {name!r} as {saved!r}.")
