"""Health checks: /healthz for the load balancer (the database, without which nothing is
served), /readyz for a deploy (everything this server is configured to use)."""

import pytest
from django.test import override_settings
from django.urls import reverse

from .settings_subprocess import cache_settings_all, closed_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings) -> None:
    settings.CACHES = cache_settings_all(REDIS_URL=f"redis://127.0.0.1:{closed_port()}/10")


def test_a_server_reaching_everything_is_ready(client):
    response = client.get(reverse("readyz"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "storage": "ok"}


def test_a_server_whose_redis_is_down_is_not_ready_but_stays_in_the_balancer(client, redis_down):
    # A cache that is down only slows pages: taking every server out for it would be an outage.
    ready = client.get(reverse("readyz"))

    assert ready.status_code == 503
    assert ready.json()["cache"] == "unreachable"
    assert client.get(reverse("healthz")).status_code == 200


def test_a_server_with_a_bucket_that_does_not_exist_is_not_ready(client, bucket, s3_server):
    s3_server.client().delete_bucket(Bucket=bucket)

    response = client.get(reverse("readyz"))

    assert response.status_code == 503
    assert response.json()["storage"] == "unreachable"


def test_a_server_with_its_bucket_is_ready(client, bucket):
    assert client.get(reverse("readyz")).json()["storage"] == "ok"


def test_a_server_whose_upload_folder_cannot_be_made_is_not_ready(client, settings, tmp_path):
    # Say a file sits where the folder's parent should be (a volume not mounted).
    (tmp_path / "volume").write_text("not a folder")
    settings.MEDIA_ROOT = tmp_path / "volume" / "media"

    response = client.get(reverse("readyz"))

    assert response.status_code == 503
    assert response.json()["storage"] == "unreachable"


def test_a_server_whose_upload_folder_is_not_made_yet_is_ready(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # the first upload makes it

    assert client.get(reverse("readyz")).json()["storage"] == "ok"


def test_a_server_whose_database_is_unreachable_is_not_ready(client, monkeypatch):
    from django.db import DatabaseError
    from django.db.backends.utils import CursorWrapper

    def unreachable(*args: object, **kwargs: object) -> None:
        raise DatabaseError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", unreachable)
    response = client.get(reverse("readyz"))

    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@override_settings(SECURE_SSL_REDIRECT=True)
def test_in_production_the_readiness_check_answers_over_plain_http(client):
    assert client.get(reverse("readyz")).status_code == 200
