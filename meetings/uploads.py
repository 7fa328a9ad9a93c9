"""Uploaded documents: only PDF, DOCX, ODT and XLSX, checked by extension and by content,
within a size limit, stored under unguessable names."""

from __future__ import annotations

import uuid
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext_lazy as _

CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# The part each office format must contain (they are all zip archives).
ZIP_MEMBERS = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml", ".odt": "content.xml"}


def document_upload_to(instance: object, filename: str) -> str:
    """documents/<year>/<random>.<ext>: the name reveals nothing and cannot be guessed."""
    from django.utils import timezone

    return f"documents/{timezone.now():%Y}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


def _looks_like(file: File, extension: str) -> bool:
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if extension == ".pdf":
        return head.startswith(b"%PDF-")
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if ZIP_MEMBERS[extension] not in names:
                return False
            if extension == ".odt":
                return archive.read("mimetype").strip() == CONTENT_TYPES[".odt"].encode()
            return True
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    finally:
        file.seek(0)


def validate_document_file(file: File) -> None:
    """Refuse anything but a real PDF, DOCX, ODT or XLSX within the size limit."""
    limit_mb = settings.DOCUMENT_MAX_UPLOAD_MB
    if file.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            _("The file is %(size).1f MB; documents may be at most %(limit)s MB."),
            code="too_large",
            params={"size": file.size / 1024 / 1024, "limit": limit_mb},
        )
    extension = Path(file.name).suffix.lower()
    if extension not in CONTENT_TYPES:
        raise ValidationError(
            _("Only PDF, DOCX, ODT and XLSX files can be uploaded."), code="extension"
        )
    if not _looks_like(file, extension):
        raise ValidationError(
            _("This file is not a valid %(type)s document (its content does not match its name)."),
            code="content",
            params={"type": extension[1:].upper()},
        )


def content_type(name: str) -> str:
    return CONTENT_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")
