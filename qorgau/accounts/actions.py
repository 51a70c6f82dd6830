"""Changes to staff accounts. Each is atomic and written to the audit log."""

from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from qorgau.audit.log import write_entry

from .models import User


def get_user_named(username):
    user = User.objects.filter(username=username).first()
    if user is None:
        raise ValidationError(f"There is no account called {username}.")
    return user


@transaction.atomic
def do_create_user(*, username, password, role, cleared=False, actor):
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": f"There is already an account called {username}."})
    user = User(username=username, role=role, cleared_confidential=cleared)
    validate_password(password, user)
    user.set_password(password)
    user.save()
    write_entry("create", actor=actor, record_type="User", record_uid=username,
                changes={"role": role, "cleared": cleared})
    return user


@transaction.atomic
def do_set_language(user, *, language, actor):
    """Remember the interface language a user chose (a preference: audited like every change to an account)."""
    from django.conf import settings

    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": f"{language} is not a language of the interface."})
    if user.language != language:
        write_entry("language", actor=actor, record_type="User", record_uid=user.username,
                    changes={"language": [user.language, language]})
        user.language = language
        user.save(update_fields=["language"])
    return user


@transaction.atomic
def do_set_clearance(user, *, cleared, actor):
    user.cleared_confidential = cleared
    user.save(update_fields=["cleared_confidential"])
    write_entry("clearance", actor=actor, record_type="User", record_uid=user.username, changes={"cleared": cleared})
    if not cleared:
        _end_sessions(user)  # what was on their screen stays there; nothing more is served to the old session
    return user


def _end_sessions(user, keep=None):
    """Delete every unexpired session signed in as `user` (but the session `keep`, a key); returns how many."""
    ended = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).exclude(pk=keep or "").iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            ended.append(session.pk)
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


@transaction.atomic
def do_change_password(user, *, password, actor, keep_session=None):
    """A new password, held to the password rules (a `ValidationError` changes nothing). Every session of the
    account ends but `keep_session` (the key of the session the owner changed it from): whoever else knew the old
    password is signed out. The audit entry says who and how many sessions ended, never the password."""
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    count = _end_sessions(user, keep=keep_session)
    write_entry("password", actor=actor, record_type="User", record_uid=user.username, changes={"sessions": count})
    return count


@transaction.atomic
def do_end_sessions(user, *, actor):
    count = _end_sessions(user)
    write_entry("end_sessions", actor=actor, record_type="User", record_uid=user.username, changes={"sessions": count})
    return count


@transaction.atomic
def do_deactivate_user(user, *, actor):
    """The account can no longer sign in, and its open sessions end. Its history stays."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    count = _end_sessions(user)
    write_entry("deactivate", actor=actor, record_type="User", record_uid=user.username, changes={"sessions": count})
    return user


@transaction.atomic
def do_reset_two_factor(user, *, actor):
    """Forget the user's authenticator app and recovery codes: they enrol again at their next sign-in."""
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    count = _end_sessions(user)
    write_entry("reset_two_factor", actor=actor, record_type="User", record_uid=user.username,
                changes={"sessions": count})
    return user


@transaction.atomic
def do_enrol_two_factor(user, device, *, actor):
    """Confirm the user's authenticator app (its first code was checked) and give them fresh recovery codes,
    which are returned to be shown once."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    from qorgau.keys.otp import recovery_digest

    from . import twofactor

    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name=twofactor.RECOVERY_DEVICE, confirmed=True)
    codes = twofactor.recovery_codes()
    # Stored as keyed digests only (bulk_create sends no pre_save): see qorgau/keys/otp.py.
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=recovery_digest(code)) for code in codes)
    write_entry("two_factor_enrolled", actor=actor, record_type="User", record_uid=user.username)
    return codes


@transaction.atomic
def do_unlock_user(user, *, actor):
    """Lift a sign-in lockout on this account (failures counted for the account name)."""
    from axes.models import AccessAttempt

    count = AccessAttempt.objects.filter(username=user.username).delete()[0]
    write_entry("unlock", actor=actor, record_type="User", record_uid=user.username, changes={"attempts": count})
    return count
