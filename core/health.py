"""What the health endpoints ask of the services an app server depends on.

`/healthz` asks the database alone: no page can be served without it, while a cache that is
down only slows pages (settings.py, IGNORE_EXCEPTIONS), so a load balancer should not take
every server out of rotation for it. `/readyz` asks all three, for a deploy to tell whether a
new server is configured to reach everything before it is put behind the balancer."""

from __future__ import annotations

import logging
import os
import uuid
from pathlib import Path

from django.core.cache import cache
from django.core.files.storage import storages
from django.db import DatabaseError, connection

logger = logging.getLogger(__name__)


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def cache_answers() -> bool:
    """A value written can be read back. (A Redis that is down does not raise here, being
    ignored like everywhere else; it reads back nothing.)"""
    probe = f"readyz:{uuid.uuid4().hex}"
    cache.set(probe, "ok", 10)
    answered = cache.get(probe) == "ok"
    cache.delete(probe)
    return answered


def storage_answers() -> bool:
    """The bucket exists and these credentials may use it; or the local folder is writable
    (or not made yet, which the first upload does)."""
    storage = storages["default"]
    bucket = getattr(storage, "bucket_name", None)
    try:
        if bucket:
            storage.connection.meta.client.head_bucket(Bucket=bucket)
            return True
        folder = Path(storage.location)
        while not folder.exists():
            folder = folder.parent
        return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)
    except Exception:
        # Whatever the storage raises (no such bucket, refused credentials, no answer),
        # this server cannot keep or serve documents: not ready, and the log says why.
        logger.warning("The file storage does not answer.", exc_info=True)
        return False
