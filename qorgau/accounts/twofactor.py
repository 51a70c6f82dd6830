"""Two-factor sign-in: a TOTP app (enrolled with a QR code) and single-use recovery codes.

Invariant: an administrator, and anyone cleared for confidential records, reaches no page but the
second step of sign-in (or enrolment) until a code has been checked in this session. Anyone else who has
enrolled is asked for a code too.
"""

import base64
import secrets
from urllib.parse import quote

from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from qorgau.keys.otp import recovery_digest

from .models import Role

RECOVERY_CODES = 10
CODE_LETTERS = "abcdefghjkmnpqrstuvwxyz"  # letters only (never mistaken for an app's 6 digits), no i, l, o
RECOVERY_DEVICE = "recovery codes"
APP_DEVICE = "authenticator app"


def required_for(user):
    """Two-factor sign-in is required of this user."""
    return bool(user.is_authenticated and (user.role == Role.ADMIN or user.cleared_confidential or user.is_superuser))


def asks_for_code(user):
    """This user must give a code after the password: required of them, or they enrolled."""
    return user.is_authenticated and (required_for(user) or user_has_device(user))


def enrolled(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_app(user):
    """The unconfirmed TOTP device enrolment shows (made once, so a reload shows the same QR code)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)


def secret_base32(device):
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def provisioning_uri(device):
    issuer = settings.OTP_TOTP_ISSUER
    label = quote(f"{issuer}:{device.user.get_username()}")
    return (f"otpauth://totp/{label}?secret={secret_base32(device)}&issuer={quote(issuer)}"
            f"&digits={device.digits}&period={device.step}&algorithm=SHA1")


def qr_svg(text):
    """The QR code as inline SVG markup: no image request, no script."""
    import qrcode  # here, not at the top: it brings in PIL, and every command and server start loads this module
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    svg = image.to_string(encoding="unicode")
    return svg[svg.index("<svg"):]  # without the XML declaration


def recovery_codes():
    """Ten fresh recovery codes (letters only, 10 each: about 45 bits)."""
    return ["".join(secrets.choice(CODE_LETTERS) for _ in range(10)) for _ in range(RECOVERY_CODES)]


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user).count()


def verify(user, token):
    """The confirmed device that accepts `token` (a 6-digit code or a recovery code), or None."""
    token = "".join((token or "").replace("-", " ").split()).lower()[:16]
    if not token:
        return None
    with transaction.atomic():
        return _verify(user, token)


def _verify(user, token):
    for device in devices_for_user(user, confirmed=True, for_verify=True):
        if isinstance(device, TOTPDevice) and not token.isdigit():
            continue
        if isinstance(device, StaticDevice):
            if token.isdigit():
                continue
            if device.verify_token(recovery_digest(token)):  # recovery codes are stored as keyed digests
                return device
            continue
        if device.verify_token(token):
            return device
    return None
