"""Reading the interchange format: all or nothing, with line-numbered errors.

Stage one reads and checks every line without touching the database; stage
two writes everything in one transaction through the record actions. A record
whose id already exists is updated (so seeded places and laws merge).
Unknown fields are kept in `extra` and written back on export.
"""

import json
import logging
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import DatabaseError, transaction
from django.utils.dateparse import parse_datetime

from qorgau.audit.log import write_entry
from qorgau.campaigns.models import ActionReport, UATarget
from qorgau.lib import sensitivity as levels
from qorgau.records import indexing
from qorgau.records import models as m
from qorgau.records.actions import create_record, update_record
from qorgau.resolution.models import Judgement

from .exporter import FORMAT_VERSION
from .fields import ORDER, PREFIXES, REFERENCES, SCALARS, model_for
from .validation import Checker, check_line

KNOWN = {
    "common": {"type", "id", "sensitivity", "field_sensitivity", "sensitivity_reviewed", "citations", "mentions"},
    "person": {"name", "names", "affiliations", "relations", "merged_into"},
    "organization": {"name", "names"},
    "place": {"name", "names", "coordinates"},
    "provision": {"titles"},
    "event": {"places", "tallies", "links"},
    "act": {"group", "victim", "provisions", "penalty", "perpetrators"},
    "urgent_action": {"persons", "acts", "targets", "action_counts", "action_reports"},
    "judgement": {"left", "right", "decision", "actor", "at", "note", "superseded_by"},
}
MAX_ERRORS = 20


class ImportFailed(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class Line:
    number: int
    data: dict


@dataclass
class Plan:
    lines: dict = field(default_factory=lambda: {t: [] for t in ORDER})
    ids: dict = field(default_factory=dict)  # uid -> type

    def count(self):
        return sum(len(v) for v in self.lines.values())


MAX_LINE = 8 * 1024 * 1024  # characters in one line: a document's whole text fits, a runaway file does not


def _reject_constant(name):
    raise ValueError(f"{name} is not a number JSON allows")


def _lines(stream):
    """(number, text) for each line, refusing a line longer than MAX_LINE without reading all of it."""
    number = 0
    while True:
        raw = stream.readline(MAX_LINE + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE:
            raise ImportFailed([f"line {number}: longer than {MAX_LINE // (1024 * 1024)} million characters; "
                                "no record is that long (is this the right file?)."])
        yield number, raw


def _parse(number, raw):
    """The JSON object on a line, or a sentence saying why not."""
    try:
        data = json.loads(raw, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        return None, f"line {number}: not valid JSON ({error.msg} at column {error.colno})."
    except RecursionError:
        return None, f"line {number}: nested too deeply to be a record."
    except ValueError as error:  # NaN, Infinity, a number with thousands of digits
        return None, f"line {number}: not valid JSON ({error})."
    if not isinstance(data, dict):
        return None, f"line {number}: expected a JSON object ({{…}})."
    return data, None


def read_plan(stream):
    """Parse and validate every line; raise ImportFailed listing what is wrong. Writes nothing."""
    errors = []
    plan = Plan()
    header_seen = False
    for number, raw in _lines(stream):
        if len(errors) >= MAX_ERRORS:
            errors.append(f"… stopping after {MAX_ERRORS} errors.")
            break
        if not raw.strip():
            continue
        data, problem = _parse(number, raw)
        if problem:
            if not header_seen:
                raise ImportFailed([problem])
            errors.append(problem)
            continue
        if not header_seen:
            if data.get("type") != "header" or data.get("format") != "qorgau":
                raise ImportFailed([f"line {number}: the first line must be a Qorgau header "
                                    '({"type": "header", "format": "qorgau", "version": 1}).'])
            if data.get("version") != FORMAT_VERSION or isinstance(data.get("version"), bool):
                raise ImportFailed([f"line {number}: format version {data.get('version')!r} is not one this "
                                    f"Qorgau reads (it reads version {FORMAT_VERSION})."])
            header_seen = True
            continue
        record_type = data.get("type")
        if not isinstance(record_type, str) or record_type not in plan.lines:
            errors.append(f"line {number}: type: unknown record type {record_type!r:.40}.")
            continue
        uid = data.get("id")
        if not isinstance(uid, str) or not uid:
            errors.append(f"line {number}: id: a {record_type} needs an \"id\".")
            continue
        checker = Checker(record_type, data)
        if not checker.uid("id", uid, PREFIXES.get(record_type)):
            errors.append(f"line {number}: {checker.problems[0]}")
            continue
        if uid in plan.ids:
            errors.append(f"line {number}: id: {uid} appears twice in this file.")
            continue
        for problem in check_line(record_type, data):
            errors.append(f"line {number}: {problem}")
        plan.ids[uid] = record_type
        plan.lines[record_type].append(Line(number, data))
    if not header_seen and not errors:
        errors.append("line 1: the file is empty or has no header.")
    if len(errors) < MAX_ERRORS:
        _check_references(plan, errors)
    if not errors:
        _check_uniques(plan, errors)
    if errors:
        raise ImportFailed(errors[: MAX_ERRORS + 1])
    return plan


def _references(record_type, d):
    """(field, uid, type) for every reference a line makes."""
    refs = [(k, d.get(k), target) for k, (_, target) in REFERENCES.get(record_type, {}).items()]
    rows = lambda key: [row for row in d.get(key) or [] if isinstance(row, dict)]  # noqa: E731
    if record_type == "person":
        refs += [("affiliations", a.get("organization"), "organization") for a in rows("affiliations")]
        refs += [("relations", r.get("person"), "person") for r in rows("relations")]
        refs.append(("merged_into", d.get("merged_into"), "person"))
    if record_type == "event":
        refs += [("places", u, "place") for u in d.get("places") or []]
        refs += [("tallies", t.get("place"), "place") for t in rows("tallies")]
        refs += [("links", link.get("event"), "event") for link in rows("links")]
    if record_type == "act":
        victim = d.get("victim") or ""
        refs.append(("victim", victim, "organization" if victim.startswith("org_") else "person"))
        refs += [("provisions", p.get("id"), "provision") for p in rows("provisions")]
        refs += [("perpetrators", p.get("id"), "organization" if str(p.get("id")).startswith("org_") else "person")
                 for p in rows("perpetrators")]
    if record_type == "urgent_action":
        refs += [("persons", u, "person") for u in d.get("persons") or []]
        refs += [("acts", u, "act") for u in d.get("acts") or []]
        refs += [("targets", t.get("target"), "target") for t in rows("targets")]
    if record_type == "judgement":
        refs.append(("superseded_by", d.get("superseded_by"), "judgement"))
    for citation in rows("citations") + rows("mentions"):
        refs.append(("citations", citation.get("document"), "document"))
    return refs


def _check_references(plan, errors):
    def known(uid, record_type):
        if uid in plan.ids:
            return plan.ids[uid] == record_type
        return model_for(record_type).objects.filter(uid=uid).exists()

    for record_type, lines in plan.lines.items():
        for line in lines:
            for key, uid, target in _references(record_type, line.data):
                if uid and not known(uid, target):
                    errors.append(f"line {line.number}: {key} refers to {uid}, which is no {target} in this file "
                                  "nor in the database.")
                    if len(errors) >= MAX_ERRORS:
                        return


def _check_uniques(plan, errors):
    """What the database keeps unique, checked before writing: a failed write would be a half-read file."""
    from qorgau.campaigns.models import UrgentAction
    from qorgau.documents.models import Document

    seen = {}
    for line in plan.lines["document"]:
        sha = line.data.get("sha256")
        if sha:
            other = seen.setdefault(("sha", sha), line.number)
            held = Document.objects.filter(sha256=sha).exclude(uid=line.data["id"]).exists()
            if other != line.number or held:
                errors.append(f"line {line.number}: sha256: another document holds the same file.")
    for line in plan.lines["urgent_action"]:
        key = (line.data.get("number"), line.data.get("update") or 0)
        other = seen.setdefault(("ua",) + key, line.number)
        held = UrgentAction.objects.filter(number=key[0], update=key[1]).exclude(uid=line.data["id"]).exists()
        if other != line.number or held:
            errors.append(f"line {line.number}: number: another urgent action is {key[0]} update {key[1]}.")
    for line in plan.lines["person"]:  # a person who refused consent, made public by an update that omits consent
        d = line.data
        if (d.get("sensitivity") or levels.INTERNAL) == levels.PUBLIC and "consent" not in d:
            if m.Person.objects.filter(uid=d["id"], consent="refused").exists():
                errors.append(f"line {line.number}: sensitivity: this person refused consent to publication, "
                              "so the record cannot be public.")


class Importer:
    def __init__(self, plan, *, actor):
        self.plan = plan
        self.actor = actor
        self.cache = {}
        self.counts = {}
        self.current = None  # the line being written, for a message if the database refuses it
        self.line_of = {line.data["id"]: line.number for lines in plan.lines.values() for line in lines}

    def get(self, record_type, uid):
        if not uid:
            return None
        key = (record_type, uid)
        if key not in self.cache:
            self.cache[key] = model_for(record_type).objects.get(uid=uid)
        return self.cache[key]

    def _fields(self, record_type, data):
        fields = {}
        for name in SCALARS.get(record_type, []):
            if name in data:
                value = data[name]
                model_field = model_for(record_type)._meta.get_field(name)
                if value is None:
                    value = None if model_field.null else model_field.get_default()
                fields[name] = value
        fields["sensitivity"] = data.get("sensitivity") or levels.INTERNAL
        fields["field_sensitivity"] = data.get("field_sensitivity") or {}
        fields["sensitivity_reviewed"] = bool(data.get("sensitivity_reviewed"))
        known = KNOWN["common"] | KNOWN.get(record_type, set()) | set(SCALARS.get(record_type, [])) \
            | set(REFERENCES.get(record_type, {}))
        fields["extra"] = {k: v for k, v in data.items() if k not in known}
        return fields

    def _refs(self, record_type, data):
        return {model_field: self.get(target, data.get(name))
                for name, (model_field, target) in REFERENCES.get(record_type, {}).items()
                if name in data and not (record_type in {"place", "organization"} and name == "parent")}

    def upsert(self, record_type, data, fields):
        """Create or update one record through the record actions (audited; indexed again at the end)."""
        model = model_for(record_type)
        self.current = self.line_of[data["id"]]
        record = model.objects.filter(uid=data["id"]).first()
        try:
            if record is None:
                record = create_record(model, actor=self.actor, verb="import", uid=data["id"], **fields)
            else:
                update_record(record, actor=self.actor, **fields)
        except ValidationError as error:
            messages = "; ".join(f"{field}: {' '.join(errs)}" for field, errs in error.message_dict.items())
            raise ImportFailed([f"line {self.current}: {messages}"]) from None
        self.cache[(record_type, record.uid)] = record
        self.counts[record_type] = self.counts.get(record_type, 0) + 1
        return record

    def names(self, record, data, name_model, owner):
        name_model.objects.filter(**{owner: record}).delete()
        for n in data.get("names") or []:
            name_model.objects.create(**{owner: record}, name=n["name"], script=n.get("script") or "",
                                      lang=n.get("lang") or "", kind=n.get("kind") or "alias",
                                      sensitivity=n.get("sensitivity") or levels.PUBLIC,
                                      **{k: n[k] for k in ("given_name", "family_name", "patronymic")
                                         if k in n and name_model is m.PersonName})

    def citations(self, record, data):
        from django.contrib.contenttypes.models import ContentType

        content_type = ContentType.objects.get_for_model(record)
        m.Citation.objects.filter(content_type=content_type, object_id=record.pk).delete()
        rows = [(c, "") for c in data.get("citations") or []] + [(c, "mention") for c in data.get("mentions") or []]
        for c, default_field in rows:
            m.Citation.objects.create(
                content_type=content_type, object_id=record.pk, document=self.get("document", c["document"]),
                field=c.get("field") or default_field, start=c.get("start"), end=c.get("end"), page=c.get("page"),
                text=c.get("text") or "", note=c.get("note") or "", method=c.get("method") or "import",
                review=c.get("review") or c.get("status") or "accepted",
            )

    def each(self, record_type):
        for line in self.plan.lines[record_type]:
            self.current = line.number
            yield line

    def run(self):
        lines = self.plan.lines
        for record_type, name_model, owner in (("place", m.PlaceName, "place"),
                                               ("organization", m.OrganisationName, "organisation")):
            for line in self.each(record_type):
                d = line.data
                fields = self._fields(record_type, d) | self._refs(record_type, d) | {"name": d["name"]}
                if record_type == "place":
                    coordinates = d.get("coordinates") or [None, None]
                    fields |= {"latitude": coordinates[0], "longitude": coordinates[1]}
                record = self.upsert(record_type, d, fields)
                self.names(record, d, name_model, owner)
            for line in self.each(record_type):  # parents, now that all exist
                if line.data.get("parent"):
                    record = self.get(record_type, line.data["id"])
                    record.parent = self.get(record_type, line.data["parent"])
                    record.save(update_fields=["parent"])
        for line in self.each("person"):
            d = line.data
            record = self.upsert("person", d, self._fields("person", d) | self._refs("person", d) | {"name": d["name"]})
            self.names(record, d, m.PersonName, "person")
        for line in self.each("person"):
            d = line.data
            record = self.get("person", d["id"])
            record.affiliations.all().delete()
            record.relations.all().delete()
            for a in d.get("affiliations") or []:
                m.Affiliation.objects.create(person=record, organisation=self.get("organization", a["organization"]),
                                             role=a.get("role") or "", start=a.get("from") or "", end=a.get("to") or "")
            for r in d.get("relations") or []:
                m.PersonRelation.objects.create(person=record, relation=r["relation"],
                                                other=self.get("person", r["person"]))
            if d.get("merged_into"):
                m.Person.objects.filter(pk=record.pk).update(merged_into=self.get("person", d["merged_into"]))
        for line in self.each("provision"):
            d = line.data
            titles = d.get("titles") or {}
            self.upsert("provision", d, self._fields("provision", d) | {
                "title_en": titles.get("en") or "", "title_ru": titles.get("ru") or "",
                "title_kk": titles.get("kk") or ""})
        for line in self.each("document"):
            self.upsert("document", line.data, self._fields("document", line.data) | self._refs("document", line.data))
        for line in self.each("event"):
            d = line.data
            event = self.upsert("event", d, self._fields("event", d))
            event.places.set([self.get("place", u) for u in d.get("places") or []])
            event.tallies.all().delete()
            for t in d.get("tallies") or []:
                m.Tally.objects.create(event=event, act_type=t["act_type"], minimum=t.get("min"),
                                       maximum=t.get("max"), place=self.get("place", t.get("place")))
        for line in self.each("event"):
            event = self.get("event", line.data["id"])
            event.links.all().delete()
            for link in line.data.get("links") or []:
                m.EventLink.objects.create(event=event, relation=link["relation"],
                                           other=self.get("event", link["event"]))
        for line in self.each("act"):
            self.act(line.data)
        for line in self.each("recognition"):
            d = line.data
            self.upsert("recognition", d, self._fields("recognition", d) | self._refs("recognition", d))
        for line in self.each("target"):
            d = line.data
            self.upsert("target", d, self._fields("target", d) | self._refs("target", d))
        for line in self.each("urgent_action"):
            self.urgent_action(line.data)
        for line in self.each("judgement"):
            self.judgement(line.data)
        for record_type in ("place", "organization", "person", "event", "act", "document", "recognition"):
            for line in self.each(record_type):
                self.citations(self.get(record_type, line.data["id"]), line.data)
        return self.counts

    def act(self, d):
        victim = d["victim"]
        fields = self._fields("act", d) | self._refs("act", d)
        fields["victim_person"] = self.get("person", victim) if victim.startswith("per_") else None
        fields["victim_organisation"] = self.get("organization", victim) if victim.startswith("org_") else None
        penalty = d.get("penalty") or {}
        fields |= {"penalty_kind": penalty.get("kind") or "", "penalty_amount": penalty.get("amount"),
                   "penalty_unit": penalty.get("unit") or ""}
        act = self.upsert("act", d, fields)
        act.act_provisions.all().delete()
        for p in d.get("provisions") or []:
            m.ActProvision.objects.create(act=act, provision=self.get("provision", p["id"]),
                                          relation=p.get("relation") or "charged")
        act.involvements.all().delete()
        for p in d.get("perpetrators") or []:
            kind = "person" if p["id"].startswith("per_") else "organization"
            m.Involvement.objects.create(act=act, role=p.get("role") or "carried_out",
                                         **{f"perpetrator_{'person' if kind == 'person' else 'organisation'}":
                                            self.get(kind, p["id"])})

    def urgent_action(self, d):
        ua = self.upsert("urgent_action", d, self._fields("urgent_action", d) | self._refs("urgent_action", d))
        ua.persons.set([self.get("person", u) for u in d.get("persons") or []])
        ua.acts.set([self.get("act", u) for u in d.get("acts") or []])
        ua.ua_targets.all().delete()
        for t in d.get("targets") or []:
            UATarget.objects.create(urgent_action=ua, target=self.get("target", t["target"]), kind=t.get("kind") or "to")
        ua.action_reports.all().delete()
        reports = d.get("action_reports")
        if reports is None:  # an open-data file carries counts only
            on = date.fromisoformat(ua.issued) if len(ua.issued or "") == 10 else date.today()
            reports = [{"channel": c, "count": n, "date": on.isoformat()}
                       for c, n in (d.get("action_counts") or {}).items() if n]
        for r in reports:
            ActionReport.objects.create(urgent_action=ua, channel=r["channel"], count=r.get("count") or 1,
                                        country=r.get("country") or "", date=date.fromisoformat(r["date"]))

    def judgement(self, d):
        at = parse_datetime(d.get("at") or "") or datetime.now().astimezone()
        Judgement.objects.update_or_create(uid=d["id"], defaults={
            "left_uid": d["left"], "right_uid": d["right"], "decision": d["decision"],
            "actor_label": d.get("actor") or "", "at": at, "note": d.get("note") or ""})


def import_stream(stream, *, actor):
    """Import a whole file or nothing. Returns counts per record type.

    Every line is checked before the first write; the writes, their audit entries and the rebuilt search
    index are one transaction, so a failure of any of them leaves the database as it was.
    """
    plan = read_plan(stream)
    importer = Importer(plan, actor=actor)
    try:
        with transaction.atomic():
            counts = importer.run()
            for judgement_line in plan.lines["judgement"]:
                if judgement_line.data.get("superseded_by"):
                    Judgement.objects.filter(uid=judgement_line.data["id"]).update(
                        superseded_by=Judgement.objects.get(uid=judgement_line.data["superseded_by"]))
            write_entry("import", actor=actor, record_type="file", changes={"records": plan.count()})
            indexing.rebuild_index()
    except ImportFailed:
        raise
    except ValidationError as error:
        raise ImportFailed([f"{_where(importer)}a record failed validation: {error}"]) from None
    except (DatabaseError, ValueError, TypeError, KeyError, AttributeError, ObjectDoesNotExist) as error:
        # The checks above should leave nothing for the database to refuse; if it does, say so plainly.
        logging.getLogger(__name__).warning("import failed while writing", exc_info=True)
        raise ImportFailed([f"{_where(importer)}the database refused the record "
                            f"({type(error).__name__}: {str(error)[:200]})."]) from None
    _analyze()
    return counts


def _where(importer):
    return f"line {importer.current}: " if importer.current else ""


def _analyze():
    """After a large import the planner needs fresh statistics to use the search index."""
    from django.db import connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    except DatabaseError:  # statistics only: the import itself is committed
        logging.getLogger(__name__).warning("ANALYZE after import failed", exc_info=True)
