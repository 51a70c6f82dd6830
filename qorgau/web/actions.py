"""API tokens for staff scripts: made by `qorgau users token NAME` or the /api/tokens/ page, stored hashed,
audited when made and revoked, revocable."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from qorgau.audit.log import write_entry

from .models import ApiToken

PREFIX = "qgt_"


def _hash(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def do_create_token(user, *, actor, label=""):
    """(token row, the raw token): the raw token is shown once and never stored."""
    raw = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, label=label[:100], prefix=raw[:12], key_hash=_hash(raw))
    write_entry("create", actor=actor, record_type="ApiToken", record_uid=str(token.pk),
                changes={"user": user.username, "label": token.label, "prefix": token.prefix})
    return token, raw


@transaction.atomic
def do_revoke_token(token, *, actor):
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        write_entry("revoke", actor=actor, record_type="ApiToken", record_uid=str(token.pk),
                    changes={"user": token.user.username, "prefix": token.prefix})
    return token


def user_for_token(raw):
    """The active user of a live token, or None."""
    if not raw or not raw.startswith(PREFIX) or len(raw) > 200:
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=_hash(raw), revoked_at__isnull=True).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
