import datetime
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import boto3
import django.test
import pytest
from django.contrib.auth import get_user
from django.core.cache import caches
from django.http import HttpRequest
from django.utils import translation

from dialogue_platform.settings import object_storage
from dialogue_platform.site import demo as site_demo
from plans.models import ActivityBody, BodyRole, Link
from recommendations import facet_index
from recommendations.models import Status

from . import factories, two_factor
from .servers import free_port, listening


class Client(django.test.Client):
    """Django's test client, whose login() also works with django-axes' throttling, and
    whose login() and force_login() sign staff in as after two-factor, which the admin
    requires of them (tests of two-factor itself sign in through the pages)."""

    def login(self, **credentials: Any) -> bool:
        # Axes counts failures per request and refuses to authenticate without one; the
        # admin's login form always passes it, the test client's login() does not.
        credentials.setdefault("request", HttpRequest())
        signed_in = super().login(**credentials)
        if signed_in:
            self._pass_two_factor_if_staff(get_user(SimpleNamespace(session=self.session)))
        return signed_in

    def force_login(self, user, backend=None) -> None:
        super().force_login(user, backend)
        self._pass_two_factor_if_staff(user)

    def _pass_two_factor_if_staff(self, user) -> None:
        if user.is_staff:
            two_factor.pass_two_factor(self, user)


@pytest.fixture(autouse=True)
def english():
    """Each test starts in English: a request to /ru/ or /kk/ leaves its language active
    in the thread, which would otherwise leak into the next test's URLs."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def own_cache_keys():
    """Each test gets cache keys of its own, so a page one test cached is never served to
    another that starts from the same data (same data version)."""
    backend = caches["default"]
    shared = backend.key_prefix
    backend.key_prefix = f"{shared}-{uuid.uuid4().hex[:12]}"
    yield
    backend.key_prefix = shared


@pytest.fixture(autouse=True)
def fresh_worker(monkeypatch):
    """Each test starts as a fresh worker, with no facet index in memory: the copy a test
    left was read from data its rollback removed, which production's committed reads
    never see."""
    monkeypatch.setattr(facet_index, "_latest", None)


@pytest.fixture
def client() -> Client:
    return Client()


@pytest.fixture
def record(db) -> factories.Record:
    """Some published and some draft records, each named (tests/factories.py, `record()`)."""
    return factories.record()


@pytest.fixture
def demo(db):
    """The full demo data set: vocabularies, organisations, the seed meeting, illustrative
    recommendations, and the plans app's plans, activities and UN recommendations (as
    `manage.py load_demo` loads them). Only for tests of the demo itself: its numbers and
    texts will change; tests that need "some records" take `record`."""
    return site_demo.load()


@pytest.fixture
def secretariat_client(client, db):
    client.force_login(factories.secretariat_user())
    return client


@dataclass
class S3Server:
    """An S3-compatible server on loopback (moto's standalone server): real HTTP, real
    signatures, its own process, like the bucket of a deployment."""

    endpoint: str
    access_key: str = "test-access-key"
    secret_key: str = "test-secret-key"
    region: str = "us-east-1"

    def client(self) -> Any:
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name=self.region,
        )


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    port = free_port()
    moto = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    with listening(moto, port=port, name="The S3 server (moto)"):
        yield S3Server(endpoint=f"http://127.0.0.1:{port}")


@pytest.fixture
def bucket(s3_server, settings) -> str:
    """Uploads go to a new, private bucket of their own on the S3 server, configured from
    the same variables a deployment sets."""
    name = f"documents-{uuid.uuid4().hex[:12]}"
    s3_server.client().create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": object_storage(
            {
                "AWS_STORAGE_BUCKET_NAME": name,
                "AWS_S3_ENDPOINT_URL": s3_server.endpoint,
                "AWS_S3_REGION_NAME": s3_server.region,
                "AWS_ACCESS_KEY_ID": s3_server.access_key,
                "AWS_SECRET_ACCESS_KEY": s3_server.secret_key,
            }
        ),
    }
    return name


@pytest.fixture
def today(monkeypatch):
    """Fix the day deadlines are measured against; call the fixture's value to move it."""
    day = {"value": datetime.date(2024, 1, 1)}

    def move(to: datetime.date) -> None:
        day["value"] = to

    monkeypatch.setattr("plans.clock.today", lambda: day["value"])
    return move


@pytest.fixture
def plan_record():
    """A plan with two sections: activity 1 (section I, led by the ministry, due
    2023-06-30, in progress), 2 (section I, led by the court with the ministry
    co-implementing, due 2024-06-30, not assessed) and 3 (section II, led by the court, due
    2022-12-31, implemented); activity 1 answers a UN recommendation and a Platform one."""
    ministry = factories.organisation(name="Ministry of Justice", slug="ministry-of-justice")
    court = factories.organisation(name="Supreme Court", slug="supreme-court")
    plan = factories.action_plan(
        title="Plan of priority measures", slug="priority", adopted_on=datetime.date(2021, 6, 9)
    )
    first = factories.section(plan=plan, number="I", title="Justice", order=1)
    second = factories.section(plan=plan, number="II", title="Detention", order=2)
    one = factories.activity(
        plan=plan, section=first, number="1", title="Draft the law on probation",
        deadline="June 2023", due_date=datetime.date(2023, 6, 30),
    )  # fmt: skip
    two = factories.activity(
        plan=plan, section=first, number="2", title="Train the judges",
        deadline="June 2024", due_date=datetime.date(2024, 6, 30),
    )  # fmt: skip
    three = factories.activity(
        plan=plan, section=second, number="3", title="Inspect the colonies",
        deadline="By the end of 2022", due_date=datetime.date(2022, 12, 31),
    )  # fmt: skip
    ActivityBody.objects.create(activity=one, organisation=ministry)
    ActivityBody.objects.create(activity=two, organisation=court)
    ActivityBody.objects.create(
        activity=two, organisation=ministry, role=BodyRole.CO_IMPLEMENTING, order=1
    )
    ActivityBody.objects.create(activity=three, organisation=court)
    one.record_assessment(date=datetime.date(2022, 3, 1), status=Status.IN_PROGRESS,
                          summary="The draft is with the Government.")  # fmt: skip
    three.record_assessment(date=datetime.date(2022, 11, 1), status=Status.IMPLEMENTED)
    upr = factories.outside_recommendation(paragraph="139.24", text="Introduce probation")
    platform = factories.recommendation(reference="CAB-2021-007", text="Adopt a probation law")
    Link.objects.create(activity=one, outside_recommendation=upr, kind=Link.Kind.IMPLEMENTS)
    Link.objects.create(recommendation=platform, activity=one)
    return {"plan": plan, "one": one, "two": two, "three": three, "upr": upr,
            "platform": platform, "ministry": ministry, "court": court}  # fmt: skip
