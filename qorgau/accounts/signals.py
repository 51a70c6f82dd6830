"""Every failed sign-in and every lockout goes to the audit log."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver

from qorgau.audit.log import write_entry


def _client(request):
    from qorgau.campaigns.ratelimit import client_address

    return client_address(request) if request is not None else ""


@receiver(user_login_failed)
def audit_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:64]
    locked = bool(getattr(request, "axes_locked_out", False))
    write_entry("login_refused_locked" if locked else "login_failed", actor="anonymous", record_type="User",
                record_uid=username, changes={"client": _client(request)})


@receiver(user_locked_out)
def audit_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    write_entry("lockout", actor="anonymous", record_type="User", record_uid=str(username or "")[:64],
                changes={"client": ip_address or _client(request)})
