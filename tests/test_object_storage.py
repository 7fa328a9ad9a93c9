"""Uploads in an S3-compatible bucket, which several app servers share: documents go in and
come out through the site as on the local disk, and the bucket never serves them itself.

Against a real S3 server on loopback (moto's, started by the `s3_server` fixture). A
published document's download is tested on both storages in test_document_uploads.py.
"""

import json
import urllib.error
import urllib.request

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import Document

from . import factories
from .settings_subprocess import printed_by

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def local_disk(settings, tmp_path):
    """Where the local storage would write, to show that nothing lands there."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def objects_in(s3_server, bucket: str) -> dict[str, bytes]:
    client = s3_server.client()
    listing = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {
        item["Key"]: client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
        for item in listing
    }


def test_a_document_uploaded_in_the_admin_is_stored_in_the_bucket_not_on_the_local_disk(
    bucket, s3_server, secretariat_client, local_disk
):
    data = {
        "title_en": "Shadow report 2021",
        "kind": "analytical_report",
        "language": "en",
        "is_published": "on",
        "file": SimpleUploadedFile("Shadow report.pdf", PDF),
    }

    response = secretariat_client.post(reverse("admin:meetings_document_add"), data)

    assert response.status_code == 302
    document = Document.objects.get()
    assert objects_in(s3_server, bucket) == {document.file.name: PDF}
    assert not local_disk.exists()


def test_an_unpublished_documents_file_in_the_bucket_cannot_be_downloaded(bucket, client):
    document = factories.document(is_published=False, file=SimpleUploadedFile("x.pdf", PDF))

    assert client.get(reverse("documents:download", args=[document.pk])).status_code == 404


def test_a_document_whose_object_is_gone_from_the_bucket_is_not_found(bucket, client):
    document = factories.document(file=SimpleUploadedFile("x.pdf", PDF))
    default_storage.delete(document.file.name)

    assert client.get(reverse("documents:download", args=[document.pk])).status_code == 404


def test_the_bucket_refuses_the_object_to_a_request_without_credentials(bucket, s3_server):
    # Anyone who learnt an object's name must still go through the site, which checks
    # that the document is published.
    document = factories.document(is_published=False, file=SimpleUploadedFile("x.pdf", PDF))
    address = f"{s3_server.endpoint}/{bucket}/{document.file.name}"

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(address, timeout=10)

    assert refused.value.code == 403
    # The same object, asked for with the site's credentials, is there.
    assert objects_in(s3_server, bucket) == {document.file.name: PDF}


SHOW_STORAGE = (
    "import json; from dialogue_platform import settings; "
    "print(json.dumps(settings.STORAGES['default'], default=repr))"
)


def storage_settings(**env: str) -> dict:
    return json.loads(printed_by(SHOW_STORAGE, **env))


def test_without_a_bucket_uploads_stay_on_the_local_disk():
    assert storage_settings(AWS_STORAGE_BUCKET_NAME="") == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }


def test_the_bucket_variables_select_the_s3_storage():
    configured = storage_settings(
        AWS_STORAGE_BUCKET_NAME="dialogue-documents",
        AWS_S3_ENDPOINT_URL="https://s3.example.kz",
        AWS_S3_REGION_NAME="kz-1",
        AWS_ACCESS_KEY_ID="key-id",
        AWS_SECRET_ACCESS_KEY="secret",
    )

    assert configured["BACKEND"] == "storages.backends.s3.S3Storage"
    options = configured["OPTIONS"]
    assert options["bucket_name"] == "dialogue-documents"
    assert options["endpoint_url"] == "https://s3.example.kz"
    assert options["region_name"] == "kz-1"
    assert (options["access_key"], options["secret_key"]) == ("key-id", "secret")
    assert options["default_acl"] is None  # the bucket's own: private
