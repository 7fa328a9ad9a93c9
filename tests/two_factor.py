"""Two-factor in tests: an authenticator's current code, and a session that passed it."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def authenticator(user) -> TOTPDevice:
    """The account's confirmed authenticator app, set up if it has none."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "phone"}
    )
    return device


def current_code(device: TOTPDevice) -> str:
    """The six digits the app shows now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def pass_two_factor(client, user) -> None:
    """Mark the client's session as having passed two-factor with the user's authenticator."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
    session.save()
