"""The secretariat invites people from the admin; each gets, in their own language, a link
that lets them choose a password once. No one signs up."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from . import factories

pytestmark = pytest.mark.django_db

User = get_user_model()
NEW_PASSWORD = "a long and unusual passphrase 42"


@pytest.fixture
def administrator_client(client):
    client.force_login(factories.user(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def invite(django_capture_on_commit_callbacks):
    """Post the invitation form; its e-mail leaves once the account is committed."""

    def post(client, **fields):
        data = {"email": "Aliya@Justice.gov.kz", "first_name": "Aliya", "language": "kk"}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("admin:dialogue_platform_user_invite"), data | fields)

    return post


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def path_of(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link)


def test_an_invitation_creates_an_account_without_a_password(invite, administrator_client):
    response = invite(administrator_client)

    user = User.objects.get(username="aliya@justice.gov.kz")
    assert response.status_code == 302
    assert not user.has_usable_password()
    assert (user.email, user.language, user.is_staff) == ("aliya@justice.gov.kz", "kk", False)


def test_the_invitation_goes_to_the_person_in_their_language(invite, administrator_client):
    invite(administrator_client, language="ru")

    [message] = mail.outbox
    assert message.to == ["aliya@justice.gov.kz"]
    assert message.extra_headers["Content-Language"] == "ru"
    assert message.subject == "Ваша учётная запись в «Материалах Диалоговой площадки»"
    assert "aliya@justice.gov.kz" in message.body
    assert path_of(link_in(message)).startswith("/ru/workspace/password/")


def test_the_link_lets_them_choose_a_password_once_then_sign_in(
    invite, administrator_client, client
):
    invite(administrator_client, language="en")
    administrator_client.logout()
    link = path_of(link_in(mail.outbox[0]))

    form = client.get(link, follow=True)
    assert form.status_code == 200
    assert "Choose your password" in form.text
    saved = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert saved.status_code == 302
    assert User.objects.get(username="aliya@justice.gov.kz").check_password(NEW_PASSWORD)

    again = client.get(link, follow=True)
    assert "This link no longer works" in again.text


def test_secretariat_staff_are_invited_into_the_secretariat(invite, administrator_client):
    invite(administrator_client, secretariat="on")

    user = User.objects.get(username="aliya@justice.gov.kz")
    assert user.is_staff
    assert list(user.groups.values_list("name", flat=True)) == ["Secretariat"]


def test_an_address_that_has_an_account_is_refused_with_a_message(invite, administrator_client):
    factories.user(username="someone", email="aliya@justice.gov.kz")

    response = invite(administrator_client)

    assert response.status_code == 200
    assert "There is already an account with this address." in response.text
    assert mail.outbox == []


def test_staff_without_the_right_to_add_accounts_cannot_invite(invite, client):
    client.force_login(factories.secretariat_user())

    assert invite(client).status_code == 403
    assert not User.objects.filter(username="aliya@justice.gov.kz").exists()


def test_the_invitation_can_be_sent_again_to_those_who_have_not_chosen_a_password(
    invite, administrator_client
):
    invite(administrator_client)
    waiting = User.objects.get(username="aliya@justice.gov.kz")
    settled = factories.user(email="settled@example.org", password="already chosen 123")
    mail.outbox.clear()

    administrator_client.post(
        reverse("admin:dialogue_platform_user_changelist"),
        {"action": "invite_again", "_selected_action": [waiting.pk, settled.pk]},
    )

    assert [m.to for m in mail.outbox] == [["aliya@justice.gov.kz"]]


def test_a_focal_point_is_invited_as_a_member_of_their_body_from_today(
    invite, administrator_client, today
):
    ministry = factories.organisation(name="Ministry of Justice")

    invite(administrator_client, organisation=ministry.pk, role="focal_point")

    membership = User.objects.get(username="aliya@justice.gov.kz").memberships.get()
    assert (membership.organisation, membership.role) == (ministry, "focal_point")
    assert membership.starts == datetime.date(2024, 1, 1)
    assert membership.ends is None
