"""Uploaded documents: only PDF, DOCX, ODT and XLSX, checked by extension and by content,
within a size limit, stored under unguessable names."""

from __future__ import annotations

import os
import struct
import uuid
import zipfile
import zlib
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

# An office file is a zip archive, and a few hundred kilobytes of one can inflate to
# gigabytes, so its structure is checked against these bounds before anything is inflated.
# Real documents stay far inside them: a few dozen parts (hundreds with many images), XML
# compressed about 10:1, images hardly at all.
MAX_PARTS = 1_000
# zipfile reads the whole listing (central directory) and makes an object of about 600
# bytes for each entry in it, whatever count the archive states: 256 KB lists at most
# about 5,700 entries (3 MB) before the part count is checked again.
MAX_LISTING_BYTES = 256 * 1024
MAX_RATIO = 100  # inflated to compressed size; Apache POI refuses the same by default
RATIO_GRACE_BYTES = 1024 * 1024  # small parts (repetitive XML) may compress better
MAX_INFLATED_BYTES = 512 * 1024 * 1024  # all parts together
IDENTIFY_BYTES = 256  # the most ever inflated to identify a file (ODT's media type)

# The end records of a zip archive, which say how long its listing is.
END = struct.Struct("<4s4H2LH")  # signature, disks, part counts, listing size and offset, comment
END64_LOCATOR = struct.Struct("<4sLQL")  # signature, disk, where the zip64 record is, disks
END64 = struct.Struct("<4sQ2H2L4Q")  # signature, size, versions, disks, part counts, listing


class UnsafeArchive(Exception):
    """Opening this archive could exhaust memory or disk, in our check or a reader's program."""


def document_upload_to(instance: object, filename: str) -> str:
    """documents/<year>/<random>.<ext>: the name reveals nothing and cannot be guessed."""
    from django.utils import timezone

    return f"documents/{timezone.now():%Y}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


def _listing_size(file: File) -> tuple[int, int]:
    """The number of parts and the bytes of the listing that zipfile would read, found as
    zipfile finds them (the end record, then a zip64 record before it) from the last 64 KB."""
    file.seek(0, os.SEEK_END)
    size = file.tell()
    start = max(size - END.size - (1 << 16), 0)  # a comment may follow the end record
    file.seek(start)
    tail = file.read()
    at = len(tail) - END.size
    if not (at >= 0 and tail[at : at + 4] == b"PK\x05\x06" and tail.endswith(b"\0\0")):
        at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < END.size:
        raise zipfile.BadZipFile("no end of central directory record")
    *_, parts, listing, _offset, _comment = END.unpack_from(tail, at)
    end64_at = start + at - END64_LOCATOR.size - END64.size
    if end64_at >= 0:
        file.seek(end64_at)
        records = file.read(END64.size + END64_LOCATOR.size)
        if records[END64.size : END64.size + 4] == b"PK\x06\x07" and records[:4] == b"PK\x06\x06":
            *_, parts, listing, _offset = END64.unpack_from(records)
    return parts, listing


def _check_part_sizes(parts: list[zipfile.ZipInfo]) -> None:
    """Refuse parts that would inflate too far, or whose stated size is a lie. Deflating
    adds at most an eighth to incompressible data (fixed codes: 9 bits a byte; stored
    blocks: 5 bytes in 64 KB), so a part whose compressed stream is longer than that holds
    more than it states, for whichever program inflates the stream rather than trusting
    the size."""
    if len(parts) > MAX_PARTS:  # as listed, should the end record have said otherwise
        raise UnsafeArchive
    for part in parts:
        stated, compressed = part.file_size, part.compress_size
        if compressed > stated + stated // 8 + 1024:
            raise UnsafeArchive
        if stated > RATIO_GRACE_BYTES and stated > MAX_RATIO * compressed:
            raise UnsafeArchive
    if sum(part.file_size for part in parts) > MAX_INFLATED_BYTES:
        raise UnsafeArchive


def _office_file_looks_like(file: File, extension: str) -> bool:
    parts, listing = _listing_size(file)
    if parts > MAX_PARTS or listing > MAX_LISTING_BYTES:
        raise UnsafeArchive
    with zipfile.ZipFile(file) as archive:
        members = archive.infolist()
        _check_part_sizes(members)
        names = {member.filename for member in members}
        # Office formats use plain deflate or none, and no zip encryption (theirs is
        # another container); anything else is not a document we can check.
        if any(
            member.flag_bits & 0x1
            or member.compress_type not in {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
            for member in members
        ):
            return False
        if ZIP_MEMBERS[extension] not in names:
            return False
        if extension == ".odt":
            with archive.open("mimetype") as mimetype:
                return mimetype.read(IDENTIFY_BYTES).strip() == CONTENT_TYPES[".odt"].encode()
        return True


def _looks_like(file: File, extension: str) -> bool:
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if extension == ".pdf":
        return head.startswith(b"%PDF-")
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        return _office_file_looks_like(file, extension)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zlib.error):
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
    try:
        looks_right = _looks_like(file, extension)
    except UnsafeArchive:
        raise ValidationError(
            _(
                "This %(type)s file is refused: its compressed parts are too many, too large, "
                "or not the size they state. Save it again from the program that made it."
            ),
            code="unsafe_archive",
            params={"type": extension[1:].upper()},
        ) from None
    if not looks_right:
        raise ValidationError(
            _("This file is not a valid %(type)s document (its content does not match its name)."),
            code="content",
            params={"type": extension[1:].upper()},
        )


def content_type(name: str) -> str:
    return CONTENT_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")
