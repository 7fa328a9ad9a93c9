"""Signing in and out, choosing a password, and two-factor, for every account."""

from __future__ import annotations

from base64 import b32encode
from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice

from . import two_factor
from .accounts import LocalisedPasswordResetForm
from .forms import CodeForm

RECOVERY_CODES_SESSION_KEY = "workspace_recovery_codes"


def safe_next(request: HttpRequest, default: str) -> str:
    """The `next` address if it is on this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else default


def signed_in(view):
    """A workspace page: signed in, and past two-factor if the account has it."""

    @wraps(view)
    @login_required
    @never_cache
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if two_factor.needs_verification(request.user):
            return two_factor.two_factor_redirect(request, next_url=request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


class LoginView(auth_views.LoginView):
    """The workspace's sign-in; django-axes throttles it as it does the admin's, since both
    authenticate through its backend. An account with two-factor goes on to its code."""

    template_name = "workspace/login.html"
    next_page = reverse_lazy("workspace:home")

    def form_valid(self, form):
        response = super().form_valid(form)
        if user_has_device(self.request.user):
            return two_factor.two_factor_redirect(self.request, next_url=response.url)
        return response


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("workspace:login")


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "workspace/password_reset.html"
    form_class = LocalisedPasswordResetForm
    success_url = reverse_lazy("workspace:password_reset_sent")


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """Choosing a password from an invitation or a reset e-mail (the same one-time link)."""

    template_name = "workspace/set_password.html"
    success_url = reverse_lazy("workspace:password_set")
    reset_url_token = "choose"


@never_cache
def password_reset_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "workspace/password_reset_sent.html")


@never_cache
def password_set(request: HttpRequest) -> HttpResponse:
    return render(request, "workspace/password_set.html")


@login_required
@never_cache
def two_factor_overview(request: HttpRequest) -> HttpResponse:
    if two_factor.needs_verification(request.user):
        return two_factor.two_factor_redirect(request, next_url=request.get_full_path())
    return render(
        request,
        "workspace/two_factor.html",
        {
            "enabled": user_has_device(request.user),
            "codes_left": two_factor.recovery_codes_left(request.user),
        },
    )


@login_required
@never_cache
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Scan the QR code (or type the key), then prove it with a first code. Replacing an
    existing authenticator needs a session that passed the old one."""
    if two_factor.needs_verification(request.user):
        return two_factor.two_factor_redirect(request, next_url=request.get_full_path())
    device = two_factor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            codes = two_factor.confirm_device(device)
            otp_login(request, device)
            request.session[RECOVERY_CODES_SESSION_KEY] = codes
            messages.success(request, _("Two-factor authentication is on."))
            next_url = safe_next(request, reverse("workspace:two_factor"))
            query = urlencode({"next": next_url})
            return redirect(f"{reverse('workspace:recovery_codes')}?{query}")
        form.add_error("code", _("This code is not right. Enter the code the app shows now."))
    return render(
        request,
        "workspace/two_factor_setup.html",
        {
            "form": form,
            "qr_code": two_factor.qr_code_svg(
                device.config_url, label=_("QR code for your authenticator app")
            ),
            "key": _grouped(device.bin_key),
            "next": safe_next(request, ""),
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@never_cache
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the app, or a recovery code (which then
    stops working)."""
    if not user_has_device(request.user):
        return two_factor.two_factor_redirect(request, next_url=safe_next(request, ""))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = two_factor.recovery_codes_left(request.user)
                messages.warning(
                    request,
                    _(
                        "You signed in with a recovery code, which now no longer works. "
                        "Recovery codes left: %(count)d."
                    )
                    % {"count": left},
                )
            return redirect(safe_next(request, reverse("workspace:home")))
        form.add_error("code", _("This code is not right, or was used already."))
    return render(
        request,
        "workspace/two_factor_verify.html",
        {"form": form, "next": safe_next(request, "")},
        status=400 if form.is_bound and form.errors else 200,
    )


@signed_in
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """The recovery codes, shown once, right after they were made."""
    codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    return render(
        request,
        "workspace/recovery_codes.html",
        {"codes": codes, "next": safe_next(request, reverse("workspace:two_factor"))},
    )


@require_POST
@signed_in
def recovery_codes_regenerate(request: HttpRequest) -> HttpResponse:
    if not user_has_device(request.user):
        return redirect("workspace:two_factor_setup")
    request.session[RECOVERY_CODES_SESSION_KEY] = two_factor.new_recovery_codes(request.user)
    messages.success(request, _("New recovery codes made; the old ones no longer work."))
    return redirect("workspace:recovery_codes")


def _grouped(key: bytes) -> str:
    """The key in base32, as authenticator apps take it typed, in groups of four."""
    text = b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
