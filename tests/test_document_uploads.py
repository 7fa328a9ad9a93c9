"""Uploads: only real PDF, DOCX, ODT and XLSX files, within the limit, unguessable names,
downloaded as attachments, and never from an unpublished document."""

import io
import zipfile

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


def test_a_published_document_downloads_as_an_attachment_with_its_type(client):
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
