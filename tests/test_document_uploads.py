"""Uploads: only real PDF, DOCX, ODT and XLSX files, within the limit, unguessable names,
downloaded as attachments, and never from an unpublished document."""

import io
import random
import struct
import tracemalloc
import zipfile
import zlib
from dataclasses import dataclass, replace

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import Document
from meetings.uploads import validate_document_file

from . import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def office(member: str, mimetype: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if mimetype:
            archive.writestr("mimetype", mimetype)
        archive.writestr(member, "<xml/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", PDF),
        ("report.docx", office("word/document.xml")),
        ("table.xlsx", office("xl/workbook.xml")),
        ("report.odt", office("content.xml", b"application/vnd.oasis.opendocument.text")),
    ],
)
def test_the_four_formats_are_accepted(name, content):
    validate_document_file(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.exe", b"MZ\x90\x00", "Only PDF, DOCX, ODT and XLSX"),
        ("page.html", b"<html>", "Only PDF, DOCX, ODT and XLSX"),
        ("fake.pdf", b"<script>alert(1)</script>", "not a valid PDF"),
        ("fake.docx", PDF, "not a valid DOCX"),
        ("zip.xlsx", office("something.txt"), "not a valid XLSX"),
    ],
)
def test_other_files_are_refused_with_a_clear_message(name, content, message):
    with pytest.raises(ValidationError, match=message):
        validate_document_file(SimpleUploadedFile(name, content))


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.DOCUMENT_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError, match="at most 1 MB"):
        validate_document_file(big)


def test_stored_names_are_unguessable():
    document = factories.document(file=SimpleUploadedFile("Secret plan.pdf", PDF))
    stored = document.file.name
    assert "Secret" not in stored and stored.endswith(".pdf")
    assert len(stored.rsplit("/", 1)[-1]) >= 32 + len(".pdf")


@pytest.mark.parametrize("storage", ["local disk", "bucket"])
def test_a_published_document_downloads_as_an_attachment_with_its_type(client, request, storage):
    if storage == "bucket":
        request.getfixturevalue("bucket")  # uploads go to a bucket on the S3 server
    document = factories.document(title="Shadow report 2021", file=SimpleUploadedFile("x.pdf", PDF))
    response = client.get(reverse("documents:download", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="shadow-report-2021.pdf"'
    assert b"".join(response.streaming_content) == PDF


def test_an_unpublished_documents_file_cannot_be_downloaded(client):
    document = factories.document(is_published=False, file=SimpleUploadedFile("x.pdf", PDF))
    assert client.get(reverse("documents:download", args=[document.pk])).status_code == 404


def test_uploaded_files_are_not_served_from_a_public_media_url(client):
    document = factories.document(file=SimpleUploadedFile("x.pdf", PDF))
    assert client.get("/media/" + document.file.name).status_code == 404


def test_the_admin_refuses_a_disguised_upload_and_saves_nothing(secretariat_client):
    data = {
        "title_en": "Disguised",
        "kind": "analytical_report",
        "language": "en",
        "file": SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf"),
    }
    response = secretariat_client.post(reverse("admin:meetings_document_add"), data)
    assert response.status_code == 200
    assert "not a valid PDF" in response.content.decode()
    assert not Document.objects.exists()


# Decompression bombs: an office file is a zip archive, and a few hundred kilobytes of it
# can inflate to gigabytes. Checking one must read a bounded amount whatever it states.

INFLATED = 300 * 1024 * 1024
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
BOMB_MESSAGE = "its compressed parts are too many, too large, or not the size they state"
# The check used to grow the worker by about 600 MB on such a file.
MEMORY_BOUND = 1024 * 1024


@dataclass(frozen=True)
class Part:
    """A member of a hand-written zip archive, which may state any size it likes."""

    name: str
    data: bytes  # as stored in the archive
    size: int  # the inflated size the archive states
    crc: int
    method: int = zipfile.ZIP_DEFLATED


def stored(name: str, content: bytes) -> Part:
    return Part(name, content, len(content), zlib.crc32(content), zipfile.ZIP_STORED)


def hand_written_zip(*parts: Part) -> bytes:
    local, directory = io.BytesIO(), io.BytesIO()
    for part in parts:
        offset = local.tell()
        name = part.name.encode()
        # version, flags, method, time, date (1980-01-01), crc, sizes, name and extra lengths
        fields = (20, 0, part.method, 0, 0x21, part.crc, len(part.data), part.size, len(name), 0)
        local.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields) + name + part.data)
        # ... then comment length, disk, attributes, and where the local header is
        directory.write(
            struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, offset) + name
        )
    listing = directory.getvalue()
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(listing), local.tell(), 0
    )
    return local.getvalue() + listing + end


@pytest.fixture(scope="module")
def mimetype_then_300_mb() -> Part:
    """The ODT media type followed by 300 MB of zeros, deflated to about 300 KB."""
    megabyte = bytes(1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    # After a full flush the compressor starts afresh, so one flushed megabyte of zeros
    # repeated is a valid stream, and building it takes no time.
    head = compressor.compress(ODT_MIMETYPE) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(megabyte) + compressor.flush(zlib.Z_FULL_FLUSH)
    data = head + block * 300 + compressor.flush()
    crc = zlib.crc32(ODT_MIMETYPE)
    for _ in range(300):
        crc = zlib.crc32(megabyte, crc)
    assert len(data) < 400 * 1024
    return Part("mimetype", data, len(ODT_MIMETYPE) + INFLATED, crc)


def validate_measuring_memory(name: str, content: bytes) -> tuple[Exception | None, int]:
    """Validate an upload; return what it raised and the most memory it held at once."""
    upload = SimpleUploadedFile(name, content)
    tracemalloc.start()
    try:
        validate_document_file(upload)
    except ValidationError as error:
        raised = error
    else:
        raised = None
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return raised, peak


def test_an_odt_whose_mimetype_inflates_to_300_mb_is_refused_without_inflating_it(
    mimetype_then_300_mb,
):
    odt = hand_written_zip(mimetype_then_300_mb, stored("content.xml", b"<xml/>"))

    error, peak = validate_measuring_memory("report.odt", odt)

    assert peak < MEMORY_BOUND
    assert BOMB_MESSAGE in str(error)


def test_a_docx_whose_document_inflates_to_300_mb_is_refused(mimetype_then_300_mb):
    document = replace(mimetype_then_300_mb, name="word/document.xml")
    docx = hand_written_zip(stored("[Content_Types].xml", b"<Types/>"), document)

    error, peak = validate_measuring_memory("report.docx", docx)

    assert BOMB_MESSAGE in str(error)
    assert peak < MEMORY_BOUND


def test_a_part_that_states_a_small_size_but_inflates_to_300_mb_is_refused(mimetype_then_300_mb):
    # Its stated size and checksum are those of the media type alone, so a reader that
    # trusts them sees a valid ODT; one that inflates the whole stream gets 300 MB.
    lying = replace(mimetype_then_300_mb, size=len(ODT_MIMETYPE), crc=zlib.crc32(ODT_MIMETYPE))
    odt = hand_written_zip(lying, stored("content.xml", b"<xml/>"))

    error, peak = validate_measuring_memory("report.odt", odt)

    assert BOMB_MESSAGE in str(error)
    assert peak < MEMORY_BOUND


def test_an_archive_of_20_000_parts_is_refused_before_its_listing_is_read():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<xml/>")
        for n in range(20_000):
            archive.writestr(f"xl/media/image{n}.png", b"")

    error, peak = validate_measuring_memory("table.xlsx", buffer.getvalue())

    assert BOMB_MESSAGE in str(error)
    assert peak < MEMORY_BOUND


VOCABULARY = ["the", "right", "to", "a", "fair", "trial", "torture", "freedom", "of", "assembly"]


def words(count: int, seed: int) -> str:
    """Text about as compressible as a real document's: random numbered words."""
    rng = random.Random(seed)
    return " ".join(f"{rng.choice(VOCABULARY)}{rng.randrange(1000)}" for _ in range(count))


def deflated_zip(members: dict[str, bytes], mimetype: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype:  # ODF puts its media type first, uncompressed
            archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        for member, content in members.items():
            archive.writestr(member, content)
    return buffer.getvalue()


def real_sized_docx() -> bytes:
    return deflated_zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": f"<w:body>{words(400_000, seed=1)}</w:body>".encode(),
            "word/media/image1.jpeg": random.Random(2).randbytes(2 * 1024 * 1024),
        }
    )


def real_sized_xlsx() -> bytes:
    rows = (f'<row r="{n}"><c><v>{n * 7919 % 100_003}</v></c></row>' for n in range(100_000))
    return deflated_zip(
        {"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": "".join(rows).encode()}
    )


def real_sized_odt() -> bytes:
    text = f"<office:text>{words(400_000, seed=3)}</office:text>"
    return deflated_zip({"content.xml": text.encode()}, mimetype=ODT_MIMETYPE)


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("report.docx", real_sized_docx),
        ("table.xlsx", real_sized_xlsx),
        ("report.odt", real_sized_odt),
    ],
)
def test_real_sized_documents_are_accepted_reading_a_bounded_amount(name, build):
    content = build()

    error, peak = validate_measuring_memory(name, content)

    assert len(content) > 512 * 1024
    assert error is None
    assert peak < MEMORY_BOUND
