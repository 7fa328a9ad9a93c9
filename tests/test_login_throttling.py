"""Five wrong passwords for one username from one address lock it out for 15 minutes, and
thirty from one address, whatever the usernames, lock that address out."""

import datetime
import logging

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth import get_user_model
from django.test import RequestFactory, override_settings
from django.urls import reverse

from core.security import client_ip_address

from . import factories

pytestmark = pytest.mark.django_db

User = get_user_model()

PASSWORD = "correct horse battery staple"
ATTACKER = "203.0.113.7"
ELSEWHERE = "198.51.100.20"


def sign_in(client, username: str, password: str, address: str = ATTACKER):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def fail_five_times(client, username: str, address: str = ATTACKER) -> list:
    return [sign_in(client, username, f"wrong guess {n}", address) for n in range(5)]


@pytest.fixture
def staff():
    return factories.secretariat_user(username="aigerim", password=PASSWORD)


def test_the_right_password_signs_in(client, staff):
    response = sign_in(client, "aigerim", PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("admin:index")


def test_four_wrong_passwords_only_show_the_login_error(client, staff):
    for _ in range(4):
        response = sign_in(client, "aigerim", "wrong")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.text

    assert sign_in(client, "aigerim", PASSWORD).status_code == 302


def test_the_fifth_wrong_password_locks_the_account_with_a_clear_message(client, staff):
    responses = fail_five_times(client, "aigerim")

    assert [r.status_code for r in responses] == [200, 200, 200, 200, 429]
    page = responses[-1].text
    assert "Sign-in locked" in page
    assert "locked for 15 minutes" in page
    assert "5 failed sign-in attempts" in page
    assert "Wait 15 minutes, then sign in again" in page


def test_a_locked_account_refuses_even_the_right_password(client, staff):
    fail_five_times(client, "aigerim")

    response = sign_in(client, "aigerim", PASSWORD)

    assert response.status_code == 429
    assert "locked for 15 minutes" in response.text
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302  # back to the login page


def test_another_username_from_the_same_address_is_not_locked(client, staff):
    factories.secretariat_user(username="dana", password=PASSWORD)
    fail_five_times(client, "aigerim")

    response = sign_in(client, "dana", PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(username="dana").pk)


def test_the_same_username_from_another_address_is_not_locked(client, staff):
    fail_five_times(client, "aigerim")

    assert sign_in(client, "aigerim", PASSWORD, address=ELSEWHERE).status_code == 302


def test_the_lock_lifts_after_fifteen_minutes(client, staff):
    fail_five_times(client, "aigerim")
    sixteen_minutes_ago = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
    AccessAttempt.objects.update(attempt_time=sixteen_minutes_ago)

    assert sign_in(client, "aigerim", PASSWORD).status_code == 302


def test_every_attempt_is_recorded_with_username_and_address_but_not_the_password(client, staff):
    fail_five_times(client, "aigerim")
    sign_in(client, "aigerim", PASSWORD)

    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address) == ("aigerim", ATTACKER)
    assert attempt.failures_since_start == 6
    assert "wrong guess" not in attempt.post_data
    assert PASSWORD not in attempt.post_data
    failures = AccessFailureLog.objects.filter(username="aigerim", ip_address=ATTACKER)
    assert failures.count() == 6
    assert failures.filter(locked_out=True).exists()


def test_failures_and_the_lockout_are_logged(client, staff, caplog):
    with caplog.at_level(logging.INFO, logger="axes"):
        fail_five_times(client, "aigerim")

    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("login failure" in message for message in warnings)
    assert any("Locking out" in message for message in warnings)


def test_a_successful_login_clears_earlier_failures(client, staff):
    for _ in range(4):
        sign_in(client, "aigerim", "wrong")
    sign_in(client, "aigerim", PASSWORD)
    client.logout()

    for _ in range(4):
        assert sign_in(client, "aigerim", "wrong").status_code == 200


def test_the_test_clients_login_and_force_login_still_work(client, staff):
    assert client.login(username="aigerim", password=PASSWORD)
    assert client.get(reverse("admin:index")).status_code == 200
    client.logout()

    client.force_login(staff)
    assert client.get(reverse("admin:index")).status_code == 200


def spread_failures(client, count: int, address: str = ATTACKER) -> list:
    """Failures spread over usernames, four each: under the per-username limit."""
    return [sign_in(client, f"guess{n // 4}", "wrong", address) for n in range(count)]


def test_an_address_failing_against_many_usernames_is_locked_out_at_thirty_failures(client, staff):
    responses = spread_failures(client, 30)

    assert [r.status_code for r in responses] == [200] * 29 + [429]
    page = responses[-1].text
    assert "Sign-in locked" in page
    assert "Sign-in from your address is locked for 15 minutes" in page
    assert "Wait 15 minutes, then sign in again" in page


def test_a_locked_out_address_cannot_sign_in_to_any_account(client, staff):
    spread_failures(client, 30)

    response = sign_in(client, "aigerim", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_below_thirty_failures_a_colleague_at_the_same_address_still_signs_in(client, staff):
    spread_failures(client, 29)

    assert sign_in(client, "aigerim", PASSWORD).status_code == 302


def test_an_address_lockout_leaves_other_addresses_alone(client, staff):
    spread_failures(client, 30)

    assert sign_in(client, "aigerim", PASSWORD, address=ELSEWHERE).status_code == 302


def test_the_address_lockout_lifts_after_fifteen_minutes(client, staff):
    spread_failures(client, 30)
    sixteen_minutes_ago = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
    AccessAttempt.objects.update(attempt_time=sixteen_minutes_ago)

    assert sign_in(client, "aigerim", PASSWORD).status_code == 302


@override_settings(NUM_PROXIES=1)
def test_behind_a_proxy_the_address_it_forwards_is_the_clients():
    request = RequestFactory().post(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.9.9.9, {ATTACKER}"
    )

    # The left entry came from the client itself and could be anything.
    assert client_ip_address(request) == ATTACKER


@override_settings(NUM_PROXIES=1)
def test_behind_a_proxy_rotating_a_forged_forwarded_address_does_not_dodge_the_lock(client, staff):
    for n in range(5):
        client.post(
            reverse("admin:login"),
            {"username": "aigerim", "password": "wrong"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, {ATTACKER}",
        )

    response = client.post(
        reverse("admin:login"),
        {"username": "aigerim", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=f"10.0.0.99, {ATTACKER}",
    )
    assert response.status_code == 429


@override_settings(NUM_PROXIES=2)
def test_a_request_that_did_not_come_through_every_proxy_is_counted_by_its_socket_and_logged(
    caplog,
):
    # NUM_PROXIES is too high, or the app can be reached around its proxies.
    request = RequestFactory().post("/", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="10.9.9.9")

    with caplog.at_level(logging.WARNING, logger="dialogue_platform.security"):
        assert client_ip_address(request) == ATTACKER

    assert "X-Forwarded-For has 1 address, fewer than NUM_PROXIES (2)" in caplog.text


def test_without_proxies_a_forwarded_header_is_ignored():
    request = RequestFactory().post("/", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="10.9.9.9")

    assert client_ip_address(request) == ATTACKER
