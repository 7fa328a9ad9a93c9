"""Anyone with an account may reset a forgotten password: the link arrives in the account's
language, whatever the page's, points at the site's own address, and works once."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from . import factories

pytestmark = pytest.mark.django_db

User = get_user_model()
NEW_PASSWORD = "another long unusual passphrase 7"


def ask_for_a_link(client, email: str, **headers):
    return client.post(reverse("workspace:password_reset"), {"email": email}, **headers)


def test_the_reset_link_arrives_in_the_accounts_language(client, settings):
    factories.user(username="dana", email="dana@example.org", language="kk")

    response = ask_for_a_link(client, "dana@example.org")

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["dana@example.org"]
    assert message.extra_headers["Content-Language"] == "kk"
    link = re.search(r"https?://\S+", message.body).group(0)
    assert link.startswith(f"{settings.SITE_URL}/kk/workspace/password/")


def test_the_link_sets_a_new_password_once(client):
    factories.user(username="dana", email="dana@example.org")
    ask_for_a_link(client, "dana@example.org")
    path = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)

    form = client.get(path, follow=True)
    client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    assert User.objects.get(username="dana").check_password(NEW_PASSWORD)
    assert "This link no longer works" in client.get(path, follow=True).text


def test_an_unknown_address_sends_nothing_and_says_the_same(client):
    response = ask_for_a_link(client, "nobody@example.org", follow=True)

    assert "If an account has this address" in response.text
    assert mail.outbox == []


def test_a_forged_link_is_refused_with_a_message(client):
    user = factories.user()

    response = client.get(
        reverse("workspace:set_password", kwargs={"uidb64": "MQ", "token": "nope-nope"}),
        follow=True,
    )

    assert response.status_code == 200
    assert "This link no longer works" in response.text
    assert user.check_password("correct horse battery staple")


def test_the_admins_sign_in_page_leads_to_the_same_reset(client):
    page = client.get(reverse("admin:login"))

    assert f'href="{reverse("admin_password_reset")}"' in page.text
    assert client.get(reverse("admin_password_reset")).url == reverse("workspace:password_reset")
