"""The workspace's sign-in is throttled exactly as the admin's: five wrong passwords for one
username from one address lock it for 15 minutes."""

import pytest
from django.urls import reverse

from . import factories

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
ATTACKER = "203.0.113.7"


def sign_in(client, password: str):
    return client.post(
        reverse("workspace:login"),
        {"username": "aliya", "password": password},
        REMOTE_ADDR=ATTACKER,
    )


def test_the_fifth_wrong_password_locks_the_workspace_sign_in(client):
    factories.user(username="aliya")

    responses = [sign_in(client, f"wrong {n}") for n in range(5)]

    assert [r.status_code for r in responses] == [200, 200, 200, 200, 429]
    assert "locked for 15 minutes" in responses[-1].text
    locked = sign_in(client, PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_says_so_without_saying_which_part_is_wrong(client):
    factories.user(username="aliya")

    response = sign_in(client, "wrong")

    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.text


def test_the_lockout_page_leads_back_to_the_workspace_sign_in(client):
    factories.user(username="aliya")

    page = [sign_in(client, f"wrong {n}") for n in range(5)][-1].text

    assert f'<a href="{reverse("workspace:login")}">Back to the sign-in page</a>' in page
