"""Changes to Urgent Actions and targets (house style: do_<verb>_<noun>(…, *, actor)).

Supporters' action reports are the exception: they are anonymous counts, many a
second, and are not audit entries (who reported is exactly what we do not keep).
"""

import re
import weakref
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, ProgrammingError, transaction
from django.db.models import Max

from qorgau.audit.log import write_entry
from qorgau.records.actions import _link_changed, create_record, keep_hidden, update_record

from .models import ActionReport, Channel, Target, UATarget, UAStatus, UrgentAction

NUMBER = re.compile(r"^\d{1,4}/\d{2}$")
MAX_COUNT = 100


def next_number(today=None):
    """The next free UA number in this year's series: 64/18 after 63/18."""
    year = f"{(today or date.today()).year % 100:02d}"
    numbers = [int(n.split("/")[0]) for n in UrgentAction.objects.filter(number__endswith=f"/{year}")
               .values_list("number", flat=True) if n.split("/")[0].isdigit()]
    return f"{max(numbers, default=0) + 1}/{year}"


def _check_number(number):
    if not NUMBER.match(number or ""):
        raise ValidationError({"number": "Write the number as NGOs do: 63/18 (number / two-digit year)."})


def _set_links(ua, persons, acts, targets):
    if persons is not None:
        ua.persons.set(persons)
    if acts is not None:
        ua.acts.set(acts)
    if targets is not None:
        ua.ua_targets.all().delete()
        for target, kind in targets:
            UATarget.objects.create(urgent_action=ua, target=target, kind=kind or "to")


def _links(ua):
    return {"persons": [p.uid for p in ua.persons.all()], "acts": [a.uid for a in ua.acts.all()],
            "targets": [t.target.uid for t in ua.ua_targets.select_related("target")]}


@transaction.atomic
def do_create_urgent_action(*, actor, number, persons=(), acts=(), targets=(), **fields):
    """Issue a new Urgent Action about persons and acts, addressed to targets ((Target, "to"|"cc") pairs)."""
    _check_number(number)
    if UrgentAction.objects.filter(number=number).exists():
        raise ValidationError({"number": f"UA {number} exists already; issue an update to it instead."})
    ua = create_record(UrgentAction, actor=actor, number=number, update=0, **fields)
    _set_links(ua, list(persons), list(acts), list(targets))
    write_entry("link", actor=actor, record_type="UrgentAction", record_uid=ua.uid, changes=_links(ua))
    return ua


@transaction.atomic
def do_update_urgent_action(ua, *, actor, persons=None, acts=None, targets=None, **changes):
    """Change a UA. Persons, acts and targets the actor may not see stay linked: the actor's lists replace only
    what they could see and choose."""
    update_record(ua, actor=actor, **changes)
    if persons is not None:
        persons = keep_hidden(list(ua.persons.all()), persons, actor)
    if acts is not None:
        acts = keep_hidden(list(ua.acts.all()), acts, actor)
    if targets is not None:
        targets = keep_hidden([(t.target, t.kind) for t in ua.ua_targets.select_related("target")], targets, actor,
                              key=lambda pair: pair[0])
    before = _links(ua)
    _set_links(ua, persons, acts, targets)
    if _links(ua) != before:
        _link_changed(ua, actor=actor, changes={"before": before, "after": _links(ua)})
    return ua


@transaction.atomic
def do_issue_update(ua, *, actor, persons=None, acts=None, targets=None, **fields):
    """The next update of a UA: same number, update + 1, same persons, acts and targets unless changed.

    The earlier UA keeps its targets and becomes "updated".
    """
    number = ua.number
    latest = UrgentAction.objects.filter(number=number).aggregate(n=Max("update"))["n"] or 0
    inherited = {f: getattr(ua, f) for f in ("title", "asks", "background", "languages", "issuer", "sensitivity")}
    inherited.update(fields)
    inherited.setdefault("issued", date.today().isoformat())
    try:
        update = create_record(UrgentAction, actor=actor, number=number, update=latest + 1, status=UAStatus.OPEN,
                               **inherited)
    except IntegrityError:
        raise ValidationError({"number": "Someone issued an update at the same time; try again."}) from None
    current_targets = [(t.target, t.kind) for t in ua.ua_targets.select_related("target")]
    _set_links(update,
               keep_hidden(list(ua.persons.all()), list(ua.persons.all()) if persons is None else persons, actor),
               keep_hidden(list(ua.acts.all()), list(ua.acts.all()) if acts is None else acts, actor),
               keep_hidden(current_targets, current_targets if targets is None else targets, actor,
                           key=lambda pair: pair[0]))
    write_entry("link", actor=actor, record_type="UrgentAction", record_uid=update.uid, changes=_links(update))
    for earlier in UrgentAction.objects.filter(number=number, status=UAStatus.OPEN).exclude(pk=update.pk):
        update_record(earlier, actor=actor, status=UAStatus.UPDATED)
    return update


@transaction.atomic
def do_record_response(ua, *, actor, response, impact="", status=None):
    """What the authorities answered, what changed, and whether the campaign goes on."""
    changes = {"response": response or "", "impact": impact or ""}
    if status:
        changes["status"] = status
    return update_record(ua, actor=actor, **changes)


@transaction.atomic
def do_create_target(*, actor, **fields):
    return create_record(Target, actor=actor, **fields)


@transaction.atomic
def do_update_target(target, *, actor, **changes):
    return update_record(target, actor=actor, **changes)


def report_action(ua, *, channel, count=1, country="", on=None):
    """Count a supporter's report. Validates and bounds the input; stores nothing about the supporter."""
    if channel not in Channel.values:
        raise ValidationError({"channel": "Choose letter, email, fax, call, tweet or other social media."})
    if not isinstance(count, int) or not 1 <= count <= MAX_COUNT:
        raise ValidationError({"count": f"Report between 1 and {MAX_COUNT} at a time."})
    country = (country or "").strip().upper()
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise ValidationError({"country": "Use a two-letter country code, or leave it empty."})
    return ActionReport.objects.create(urgent_action=ua, channel=channel, count=count, country=country,
                                       date=on or date.today())


# The public action page's reports under load (see fastpath.py): the client's counter and the report in one
# statement on PostgreSQL, one short transaction on SQLite. Nothing is counted for an unknown, confidential, deleted
# or closed Urgent Action.
_OPEN_UA = ("SELECT id FROM campaigns_urgentaction WHERE uid = %s AND sensitivity = 'public' "
            "AND status <> 'closed' AND deleted_at IS NULL")
_COUNT = ("INSERT INTO throttle_counter (key, count, expires) VALUES (%s, %s, %s) "
          "ON CONFLICT (key) DO UPDATE SET count = throttle_counter.count + excluded.count RETURNING count")
_STORE = ("INSERT INTO campaigns_actionreport (urgent_action_id, channel, count, country, date) "
          "VALUES (%s, %s, %s, %s, %s)")
_STORE_IF_OPEN = ("INSERT INTO campaigns_actionreport (urgent_action_id, channel, count, country, date) "
                  f"SELECT id, %s, %s, %s, %s FROM ({_OPEN_UA}) AS ua")
_COUNT_AND_STORE = f"""
WITH ua AS ({_OPEN_UA}),
counted AS (INSERT INTO throttle_counter (key, count, expires) SELECT %s, %s, %s FROM ua
            ON CONFLICT (key) DO UPDATE SET count = throttle_counter.count + excluded.count RETURNING count),
stored AS (INSERT INTO campaigns_actionreport (urgent_action_id, channel, count, country, date)
           SELECT ua.id, %s, %s, %s, %s FROM ua, counted WHERE counted.count <= %s RETURNING id)
SELECT (SELECT count FROM counted), (SELECT id FROM stored)"""
ACCEPTED, LIMITED, REFUSED = "accepted", "limited", "refused"
# On PostgreSQL the statement above is prepared once per database connection (SQL PREPARE; parameters $1…$9 in the
# order of the %s), so the server neither parses nor plans it for every report. Connections that have it:
_PREPARED = "qorgau_report_count_and_store"
_PREPARE = (f"PREPARE {_PREPARED} (text, text, integer, bigint, text, integer, text, date, integer) AS "
            + re.sub(r"%s", lambda m, n=iter(range(1, 10)): f"${next(n)}", _COUNT_AND_STORE))
_EXECUTE = f"EXECUTE {_PREPARED} (%s, %s, %s, %s, %s, %s, %s, %s, %s)"
_prepared_on = weakref.WeakSet()


def _count_and_store_postgres(connection, cursor, params):
    """Run _COUNT_AND_STORE as a prepared statement unless settings.QORGAU_PREPARED_REPORT is off (a pooler in
    transaction mode, e.g. pgbouncer, hands each statement to any server connection: prepare nothing there)."""
    if not settings.QORGAU_PREPARED_REPORT:
        cursor.execute(_COUNT_AND_STORE, params)
        return cursor.fetchone()
    raw = connection.connection
    if raw not in _prepared_on:
        try:
            cursor.execute(_PREPARE)
        except ProgrammingError:  # already prepared on this session (e.g. a connection handed on by a pool)
            if connection.in_atomic_block:
                raise
        _prepared_on.add(raw)
    cursor.execute(_EXECUTE, params)
    return cursor.fetchone()


def report_action_counted(uid, *, key, expires, limit, channel, count=1, country="", on=None):
    """Count the report's actions (`count`) for the client under `key` and, if the total is within `limit`, store the
    report; all committed before this returns. ACCEPTED (stored), LIMITED (counted, not stored) or REFUSED (no open public Urgent Action `uid`:
    nothing counted or stored). Input must be valid already (fastpath.clean_report); `limit` 0 counts nothing."""
    on = on or date.today()
    connection = transaction.get_connection()
    with connection.cursor() as cursor:
        if limit <= 0:  # no cap: one statement, which stores the report only for an open public Urgent Action
            cursor.execute(_STORE_IF_OPEN, [channel, count, country, on, uid])
            return ACCEPTED if cursor.rowcount == 1 else REFUSED
        if connection.vendor == "postgresql":  # one statement: its own transaction (autocommit)
            total, stored = _count_and_store_postgres(
                connection, cursor, [uid, key, int(count), int(expires), channel, count, country, on, limit])
            return REFUSED if total is None else ACCEPTED if stored is not None else LIMITED
        with transaction.atomic():
            # The write comes first: SQLite takes its write lock at once (a read first would have to upgrade, and
            # fail at once under load), and what is read after it is current.
            cursor.execute(_COUNT, [key, int(count), int(expires)])
            total = cursor.fetchone()[0]
            cursor.execute(_OPEN_UA, [uid])
            row = cursor.fetchone()
            if row is None:
                transaction.set_rollback(True)  # nothing counted
                return REFUSED
            if total > limit:
                return LIMITED
            cursor.execute(_STORE, [row[0], channel, count, country, on])
    return ACCEPTED


@transaction.atomic
def do_add_proposed_target(document, index, *, actor):
    """The office proposed at `index` of a document's "write to" section becomes a Target, cited to its passage, at
    the document's sensitivity. Adding it again returns the same Target. Raises LookupError for no such proposal."""
    from qorgau.documents.models import Document
    from qorgau.records.actions import do_add_citation

    document = Document.objects.select_for_update().get(pk=document.pk)
    extra = dict(document.extra or {})
    proposals = [dict(t) for t in extra.get("targets", [])]
    if not 0 <= index < len(proposals):
        raise LookupError(index)
    proposal = proposals[index]
    if proposal.get("target"):
        existing = Target.objects.filter(uid=proposal["target"]).first()
        if existing is not None:
            return existing
    target = do_create_target(
        actor=actor, office=proposal.get("office", "")[:300], holder_name=proposal.get("holder", "")[:300],
        address=list(proposal.get("address") or []), fax=proposal.get("fax", "")[:100],
        emails=list(proposal.get("emails") or []), phone=proposal.get("phone", "")[:100],
        salutation=proposal.get("salutation", "")[:200], sensitivity=document.sensitivity)
    start, end = proposal["start"], proposal["end"]
    do_add_citation(target, document, actor=actor, start=start, end=end, page=document.page_at(start),
                    text=document.text[start:end], method="rule:targets", review="accepted")
    proposal["target"] = target.uid
    proposals[index] = proposal
    extra["targets"] = proposals
    update_record(document, actor=actor, extra=extra)
    return target
