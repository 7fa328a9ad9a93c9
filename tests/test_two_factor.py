"""Two-factor authentication: required of staff before the admin, offered to everyone in
the workspace; recovery codes work once and can be made anew."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import factories
from .two_factor import authenticator, current_code

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def sign_in(client, username: str, *, url_name="workspace:login", next_url=""):
    return client.post(
        reverse(url_name), {"username": username, "password": PASSWORD, "next": next_url}
    )


def set_up(client) -> TOTPDevice:
    """Set up an authenticator through the pages, as a person would."""
    client.get(reverse("workspace:two_factor_setup"))
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(reverse("workspace:two_factor_setup"), {"code": current_code(device)})
    assert response.status_code == 302
    return device


def test_staff_without_an_authenticator_cannot_reach_the_admin(client: Client):
    # A plain client: signing in through the admin's own form, no shortcut.
    factories.secretariat_user(username="clerk")
    sign_in(client, "clerk", url_name="admin:login")

    response = client.get(reverse("admin:meetings_meeting_changelist"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("workspace:two_factor_setup"))
    assert "next=%2Fadmin%2Fmeetings%2Fmeeting%2F" in response.url


def test_staff_with_an_authenticator_must_enter_its_code(client: Client):
    clerk = factories.secretariat_user(username="clerk")
    device = authenticator(clerk)
    sign_in(client, "clerk", url_name="admin:login")

    refused = client.get(reverse("admin:index"))
    assert refused.status_code == 302
    assert refused.url.startswith(reverse("workspace:two_factor_verify"))

    wrong = "000000" if current_code(device) != "000000" else "111111"
    refused_code = client.post(refused.url, {"code": wrong})
    assert refused_code.status_code == 400
    assert "This code is not right" in refused_code.text
    # Each failure makes the device refuse every code for a while (1 s, then 2, 4…).
    device.refresh_from_db()
    device.throttle_reset()

    passed = client.post(refused.url, {"code": current_code(device)})
    assert passed.status_code == 302
    assert passed.url == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_setting_up_shows_a_qr_code_within_the_content_security_policy(client: Client):
    client.force_login(factories.user())

    page = client.get(reverse("workspace:two_factor_setup"))

    assert page.status_code == 200
    assert '<svg role="img" aria-label="QR code for your authenticator app"' in page.text
    assert "data:" not in page.text
    assert "style=" not in page.text.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "'unsafe-inline'" not in page["Content-Security-Policy"]


def test_staff_set_up_their_authenticator_then_reach_the_admin(client: Client):
    factories.secretariat_user(username="clerk")
    sign_in(client, "clerk", url_name="admin:login")

    set_up(client)

    codes = client.get(reverse("workspace:recovery_codes"))
    assert codes.text.count("<li><code>") == 10
    assert client.get(reverse("admin:index")).status_code == 200


def test_recovery_codes_are_shown_once(client: Client):
    client.force_login(factories.user())
    set_up(client)

    first = client.get(reverse("workspace:recovery_codes"))
    second = client.get(reverse("workspace:recovery_codes"))

    assert first.text.count("<li><code>") == 10
    assert "<li><code>" not in second.text
    assert "shown only once" in second.text


def test_a_recovery_code_signs_in_once(client: Client):
    focal_point = factories.user(username="aliya")
    authenticator(focal_point)
    client.force_login(focal_point)
    client.post(reverse("workspace:recovery_codes_regenerate"))  # not past two-factor yet
    assert not StaticToken.objects.exists()

    from dialogue_platform.workspace.two_factor import new_recovery_codes

    code = new_recovery_codes(focal_point)[0]
    client.logout()

    sign_in(client, "aliya")
    used = client.post(reverse("workspace:two_factor_verify"), {"code": code}, follow=True)
    assert "You signed in with a recovery code" in used.text
    assert "Recovery codes left: 9" in used.text
    client.logout()

    sign_in(client, "aliya")
    again = client.post(reverse("workspace:two_factor_verify"), {"code": code})
    assert again.status_code == 400
    assert "This code is not right, or was used already." in again.text


def test_new_recovery_codes_replace_the_old_ones(client: Client):
    client.force_login(factories.user())
    set_up(client)
    old = set(StaticToken.objects.values_list("token", flat=True))

    client.post(reverse("workspace:recovery_codes_regenerate"))

    new = set(StaticToken.objects.values_list("token", flat=True))
    assert len(new) == 10
    assert not old & new


def test_a_workspace_account_with_an_authenticator_must_enter_its_code(client: Client):
    authenticator(factories.user(username="aliya"))

    response = sign_in(client, "aliya")

    assert response.status_code == 302
    assert response.url.startswith(reverse("workspace:two_factor_verify"))
    home = client.get(reverse("workspace:home"))
    assert home.status_code == 302
    assert home.url.startswith(reverse("workspace:two_factor_verify"))


def test_a_workspace_account_without_one_goes_straight_in(client: Client):
    factories.user(username="aliya")

    response = sign_in(client, "aliya")

    assert response.url == reverse("workspace:home")
    assert client.get(reverse("workspace:home")).status_code == 200


def test_replacing_an_authenticator_needs_the_old_one_first(client: Client):
    user = factories.user(username="aliya")
    authenticator(user)
    sign_in(client, "aliya")

    response = client.get(reverse("workspace:two_factor_setup"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("workspace:two_factor_verify"))


def test_a_next_address_on_another_site_is_ignored(client: Client):
    device = authenticator(factories.user(username="aliya"))
    sign_in(client, "aliya")

    response = client.post(
        f"{reverse('workspace:two_factor_verify')}?next=https://evil.example/",
        {"code": current_code(device)},
    )

    assert response.url == reverse("workspace:home")
