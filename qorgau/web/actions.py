"""API tokens for staff scripts: made by `qorgau users token NAME` or the /api/tokens/ page, stored hashed,
audited when made and revoked, revocable."""

import hashlib
import secrets

from django.db import transaction
from django.utils.translation import gettext as _
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


@transaction.atomic
def do_revoke_tokens_of(user, *, actor):
    """Revoke every live read-API token of `user` (a password changed or reset, sessions ended: what was made while
    signed in ends with them); returns how many."""
    live = list(ApiToken.objects.filter(user=user, revoked_at__isnull=True))
    for token in live:
        do_revoke_token(token, actor=actor)
    return len(live)


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


# Bulk actions on the lists ----------------------------------------------------------------------------------
# Each runs the record actions row by row inside one transaction (all rows or none), and adds one `bulk` audit
# entry naming the rows. The rows are the caller's lookup through visible_to(actor): a row above the actor's
# clearance is never passed here (the view refuses the whole request when any asked-for row is not visible).

class BulkRefused(Exception):
    pass


def _bulk_entry(actor, operation, rows, **details):
    write_entry("bulk", actor=actor, record_type=type(rows[0]).__name__ if rows else "",
                record_uid="", changes={"operation": operation, "rows": [r.uid for r in rows], **details})


@transaction.atomic
def do_bulk_set_sensitivity(rows, *, actor, level, read_after=None):
    """Set the level of each row, as a reviewer's deliberate choice (records.actions.do_set_sensitivity).

    `read_after` (the last audit entry when the rows were read): when any row changed after it -- another reviewer
    raised its level, withdrew consent -- nothing is set; the reviewer reads the rows anew."""
    from qorgau.audit.models import AuditEntry
    from qorgau.lib.sensitivity import levels_for
    from qorgau.records.actions import do_set_sensitivity

    if level not in levels_for(actor):
        raise BulkRefused(_("You may not set a level above your own clearance."))
    if read_after is not None:
        if not str(read_after).isdigit():  # a form from before the bar carried it, or made by hand
            raise BulkRefused(_("This form does not say when the list was read: no level was set. Read the list "
                                "again."))
        changed_since = sorted(set(AuditEntry.objects.filter(pk__gt=read_after, record_uid__in=[r.uid for r in rows])
                                   .exclude(verb="read").values_list("record_uid", flat=True)))
        if changed_since:
            raise BulkRefused(_("Someone changed %(uids)s since you read the list: no level was set. Read the list "
                                "again.") % {"uids": ", ".join(changed_since[:10])})
    changed = [row for row in rows if row.sensitivity != level]
    for row in changed:
        do_set_sensitivity(row, actor=actor, level=level)
    _bulk_entry(actor, "set_sensitivity", rows, level=level, changed=len(changed))
    return len(changed)


@transaction.atomic
def do_bulk_add_to_list(persons, *, actor, prisoner_list, date_added, reasons=""):
    """Put each person on a political-prisoner list from a date; persons already on it (not removed) are left."""
    from qorgau.analysis.actions import do_add_list_entry
    from qorgau.analysis.listimport import hold_list

    # The list's row is held until this commits: two editors adding one person at once add one entry, and the
    # second is told none was added (it reads the first's entry once the first commits).
    hold_list(prisoner_list)
    on_list = set(prisoner_list.entries.filter(person__in=persons, date_removed="")
                  .values_list("person_id", flat=True))
    added = [p for p in persons if p.pk not in on_list]
    for person in added:
        do_add_list_entry(prisoner_list, actor=actor, person=person, date_added=date_added, reasons=reasons,
                          sensitivity=person.sensitivity)
    _bulk_entry(actor, "add_to_list", persons, list=prisoner_list.slug, added=len(added))
    return len(added)


@transaction.atomic
def do_bulk_decide_proposals(citations, *, actor, decision, acts=()):
    """Accept or reject each waiting proposal (records.actions.do_decide_proposal); `acts` still waiting with no
    waiting citation (recorded as suggested by hand or by an import) take the decision too."""
    from qorgau.records.actions import ProposalDecided, do_decide_proposal, do_review_act

    waiting, theirs = [], set()
    for citation in (c for c in citations if c.review == "suggested"):
        try:
            do_decide_proposal(citation, actor=actor, decision=decision)
            waiting.append(citation)
        except ProposalDecided:  # decided by another reviewer since this page was read: theirs stands, act included
            theirs.add(citation.object_id)
    decided = {c.object_id for c in waiting if c.content_type.model == "act"} | theirs
    rest = [act for act in acts if act.pk not in decided]
    for act in rest:
        do_review_act(act, actor=actor, decision=decision)
    write_entry("bulk", actor=actor, record_type="Citation", record_uid="",
                changes={"operation": decision, "rows": [c.pk for c in waiting], "acts": [a.uid for a in rest]})
    return len(waiting) + len(rest)


@transaction.atomic
def do_bulk_merge_persons(left, right, *, actor, note=""):
    """Two ticked persons are one: the resolver scores the pair, and its evidence is kept in the judgement that
    merges them (resolution.actions.do_judge, which keeps the older record and can be undone)."""
    from qorgau.resolution.actions import do_judge, score_persons

    if left.pk == right.pk or left.merged_into_id or right.merged_into_id:
        raise BulkRefused(_("Tick two different persons."))
    from qorgau.resolution import scoring

    # The note is read on the resolution pages: its evidence rests only on what the merging reviewer may see.
    probability, evidence = score_persons(left, right, context=scoring.contexts([left, right], reader=actor))
    summary = "; ".join(str(item.get("text", "")) for item in evidence if item.get("text"))[:400]
    judgement = do_judge(left, right, actor=actor, decision="same",
                         note=f"{note[:300]} [resolver {probability:.2f}: {summary}]".strip())
    _bulk_entry(actor, "merge", [left, right], score=round(probability, 4))
    return judgement
