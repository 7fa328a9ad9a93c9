"""Two-factor authentication (django-otp): an authenticator app (TOTP) and one-time recovery
codes, required of staff before the admin and offered to every account in the workspace."""

from __future__ import annotations

import io
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
# The admin's own pages a staff member needs before two-factor: signing in and out.
ADMIN_PAGES_BEFORE_TWO_FACTOR = {"login", "logout"}


def needs_verification(user: AbstractBaseUser) -> bool:
    """Whether this session must pass two-factor before going on: the account has a device
    and the session has not used it yet."""
    return user.is_authenticated and not user.is_verified() and user_has_device(user)


def two_factor_redirect(request: HttpRequest, *, next_url: str) -> HttpResponse:
    """To the code page when the account has a device, else to setting one up."""
    name = (
        "workspace:two_factor_verify"
        if user_has_device(request.user)
        else "workspace:two_factor_setup"
    )
    return redirect(f"{reverse(name)}?{urlencode({'next': next_url})}")


class StaffTwoFactorMiddleware:
    """Staff reach the admin only in a session that passed two-factor: those without a
    device are sent to set one up, the others to enter a code, and then back.

    A middleware, not a second admin site, so every admin page (the apps' own included) is
    covered and the admin's login, and its throttling, stay as they are."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if "admin" not in match.namespaces or match.url_name in ADMIN_PAGES_BEFORE_TWO_FACTOR:
            return None
        user = request.user
        if not (user.is_authenticated and user.is_staff) or user.is_verified():
            return None
        return two_factor_redirect(request, next_url=request.get_full_path())


def pending_device(user: AbstractBaseUser) -> TOTPDevice:
    """The authenticator being set up: one unconfirmed device per account, kept while the
    person copies its key, so that reloading the page shows the same key."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def confirm_device(device: TOTPDevice) -> list[str]:
    """Make the set-up authenticator the account's only one and give it new recovery
    codes, returned to be shown once."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return new_recovery_codes(device.user)


def new_recovery_codes(user: AbstractBaseUser) -> list[str]:
    """Replace the account's recovery codes with new ones; each works once."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, defaults={"name": "recovery codes", "confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
        return codes


def recovery_codes_left(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def qr_code_svg(text: str, *, label: str) -> SafeString:
    """The QR code of `text` as inline SVG: an image an authenticator app scans, which the
    Content-Security-Policy allows (no data: URL, no style attribute)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode()
    svg = svg[svg.index("<svg") :]  # the XML declaration is not allowed inside HTML
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
    # Safe: made here from the device's own URL, which the QR encoder turns into a path.
    return mark_safe(svg)
