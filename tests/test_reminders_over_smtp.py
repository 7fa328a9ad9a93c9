"""The reminders leave through a real SMTP server (aiosmtpd, started here on a free port),
with the right recipients and each in its recipient's language."""

import datetime
import email

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

from reporting import services
from reporting.models import ReportState

from . import factories
from .servers import free_port

pytestmark = pytest.mark.django_db


class Mailbox:
    """An aiosmtpd handler keeping every message it is handed."""

    def __init__(self) -> None:
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield mailbox
    controller.stop()


def test_the_digests_arrive_through_smtp_to_the_right_people_in_their_languages(smtp_server, today):
    ministry = factories.organisation(name="Ministry of Justice")
    recommendation = factories.recommendation(reference="CAB-2021-001")
    recommendation.responsible_bodies.add(ministry)
    clerk = factories.secretariat_user(email="clerk@mfa.example", language="ru")
    services.round_open(
        round=factories.reporting_round(due_date=datetime.date(2023, 12, 15)), user=clerk
    )
    aliya = factories.user(email="aliya@justice.example", language="kk")
    factories.membership(user=aliya, organisation=ministry)
    other = factories.recommendation()
    other.responsible_bodies.add(ministry)
    factories.report(
        organisation=ministry, item=other, state=ReportState.SUBMITTED,
        submitted_at=datetime.datetime(2023, 12, 1, tzinfo=datetime.UTC),
    )  # fmt: skip

    call_command("send_reminders")

    received = {
        tuple(envelope.rcpt_tos): email.message_from_bytes(envelope.content)
        for envelope in smtp_server.envelopes
    }
    assert set(received) == {("aliya@justice.example",), ("clerk@mfa.example",)}
    to_aliya = received[("aliya@justice.example",)]
    to_clerk = received[("clerk@mfa.example",)]
    assert to_aliya["Content-Language"] == "kk"
    assert to_clerk["Content-Language"] == "ru"
    assert "CAB-2021-001" in to_aliya.get_payload(decode=True).decode()
    assert "/ru/admin/reporting/report/" in to_clerk.get_payload(decode=True).decode()
    assert all(envelope.mail_from for envelope in smtp_server.envelopes)
