"""Reading the interchange format: all or nothing, with line-numbered errors.

Stage one reads and checks every line without touching the database; stage
two writes everything in one transaction through the record actions. A record
whose id already exists is updated (so seeded places and laws merge).
Unknown fields are kept in `extra` and written back on export.
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.dateparse import parse_datetime

from qorgau.audit.log import write_entry
from qorgau.campaigns.models import ActionReport, UATarget
from qorgau.lib import sensitivity as levels
from qorgau.lib.dates import PartialDateError, parse_partial_date
from qorgau.records import indexing
from qorgau.records import models as m
from qorgau.records.actions import update_record
from qorgau.resolution.models import Judgement

from .exporter import FORMAT_VERSION
from .fields import ORDER, REFERENCES, SCALARS, model_for

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


def _check_date(errors, number, key, value):
    try:
        parse_partial_date(value)
    except PartialDateError as error:
        errors.append(f"line {number}: {key}: {error}")


def read_plan(stream):
    """Parse and validate every line; raise ImportFailed listing what is wrong."""
    errors = []
    plan = Plan()
    header_seen = False
    for number, raw in enumerate(stream, start=1):
        if len(errors) >= MAX_ERRORS:
            errors.append("… stopping after 20 errors.")
            break
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            errors.append(f"line {number}: not valid JSON ({error.msg} at column {error.colno}).")
            continue
        if not isinstance(data, dict):
            errors.append(f"line {number}: expected a JSON object.")
            continue
        if not header_seen:
            if data.get("type") != "header" or data.get("format") != "qorgau":
                raise ImportFailed([f"line {number}: the first line must be a Qorgau header "
                                    '({"type": "header", "format": "qorgau", "version": 1}).'])
            if data.get("version") != FORMAT_VERSION:
                raise ImportFailed([f"line {number}: format version {data.get('version')!r} is not one this "
                                    f"Qorgau reads (it reads version {FORMAT_VERSION})."])
            header_seen = True
            continue
        record_type = data.get("type")
        if record_type not in plan.lines:
            errors.append(f"line {number}: unknown record type {record_type!r}.")
            continue
        uid = data.get("id")
        if not isinstance(uid, str) or not uid:
            errors.append(f"line {number}: a {record_type} needs an \"id\".")
            continue
        if uid in plan.ids:
            errors.append(f"line {number}: the id {uid} appears twice.")
            continue
        if data.get("sensitivity", "internal") not in levels.LEVELS:
            errors.append(f"line {number}: sensitivity must be one of {', '.join(levels.LEVELS)}.")
        for key in ("date", "date_end", "start", "end", "published", "issued", "deadline", "valid_from", "valid_to"):
            if data.get(key):
                _check_date(errors, number, key, data[key])
        if record_type in {"person", "organization", "place"} and not (data.get("name") or "").strip():
            errors.append(f"line {number}: a {record_type} needs a name.")
        if record_type == "act":
            if data.get("act_type") not in m.GROUP_OF:
                errors.append(f"line {number}: unknown act type {data.get('act_type')!r}.")
            if not data.get("victim"):
                errors.append(f"line {number}: an act needs a victim.")
        plan.ids[uid] = record_type
        plan.lines[record_type].append(Line(number, data))
    if not header_seen and not errors:
        errors.append("line 1: the file is empty or has no header.")
    _check_references(plan, errors)
    if errors:
        raise ImportFailed(errors[: MAX_ERRORS + 1])
    return plan


def _check_references(plan, errors):
    def known(uid, record_type):
        if uid in plan.ids:
            return plan.ids[uid] == record_type
        return model_for(record_type).objects.filter(uid=uid).exists()

    for record_type, lines in plan.lines.items():
        for line in lines:
            refs = [(k, line.data.get(k), target) for k, (_, target) in REFERENCES.get(record_type, {}).items()]
            if record_type == "act":
                victim = line.data.get("victim") or ""
                refs.append(("victim", victim, "organization" if victim.startswith("org_") else "person"))
                for p in line.data.get("provisions") or []:
                    refs.append(("provisions", p.get("id"), "provision"))
            if record_type == "urgent_action":
                refs += [("persons", u, "person") for u in line.data.get("persons") or []]
                refs += [("targets", t.get("target"), "target") for t in line.data.get("targets") or []]
            for citation in (line.data.get("citations") or []) + (line.data.get("mentions") or []):
                refs.append(("citations", citation.get("document"), "document"))
            for key, uid, target in refs:
                if uid is not None and not isinstance(uid, str):
                    errors.append(f"line {line.number}: {key} must be an id (a string), not {type(uid).__name__}.")
                elif uid and not known(uid, target):
                    errors.append(f"line {line.number}: {key} refers to {uid}, which is neither in this file "
                                  f"nor in the database.")


class Importer:
    def __init__(self, plan, *, actor):
        self.plan = plan
        self.actor = actor
        self.cache = {}
        self.counts = {}
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
        model = model_for(record_type)
        record = model.objects.filter(uid=data["id"]).first()
        try:
            if record is None:
                record = model(uid=data["id"])
                for key, value in fields.items():
                    setattr(record, key, value)
                record.full_clean(exclude=["uid"])
                record.save()
                write_entry("import", actor=self.actor, record_type=model.__name__, record_uid=record.uid)
            else:
                update_record(record, actor=self.actor, **fields)
        except ValidationError as error:
            messages = "; ".join(f"{field}: {' '.join(errs)}" for field, errs in error.message_dict.items())
            raise ImportFailed([f"line {self.line_of[data['id']]}: {messages}"]) from None
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

    def run(self):
        lines = self.plan.lines
        for record_type, name_model, owner in (("place", m.PlaceName, "place"),
                                               ("organization", m.OrganisationName, "organisation")):
            for line in lines[record_type]:
                d = line.data
                fields = self._fields(record_type, d) | self._refs(record_type, d) | {"name": d["name"]}
                if record_type == "place":
                    coordinates = d.get("coordinates") or [None, None]
                    fields |= {"latitude": coordinates[0], "longitude": coordinates[1]}
                record = self.upsert(record_type, d, fields)
                self.names(record, d, name_model, owner)
            for line in lines[record_type]:  # parents, now that all exist
                if line.data.get("parent"):
                    record = self.get(record_type, line.data["id"])
                    record.parent = self.get(record_type, line.data["parent"])
                    record.save(update_fields=["parent"])
        for line in lines["person"]:
            d = line.data
            record = self.upsert("person", d, self._fields("person", d) | self._refs("person", d) | {"name": d["name"]})
            self.names(record, d, m.PersonName, "person")
        for line in lines["person"]:
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
        for line in lines["provision"]:
            d = line.data
            titles = d.get("titles") or {}
            self.upsert("provision", d, self._fields("provision", d) | {
                "title_en": titles.get("en") or "", "title_ru": titles.get("ru") or "",
                "title_kk": titles.get("kk") or ""})
        for line in lines["document"]:
            self.upsert("document", line.data, self._fields("document", line.data) | self._refs("document", line.data))
        for line in lines["event"]:
            d = line.data
            event = self.upsert("event", d, self._fields("event", d))
            event.places.set([self.get("place", u) for u in d.get("places") or []])
            event.tallies.all().delete()
            for t in d.get("tallies") or []:
                m.Tally.objects.create(event=event, act_type=t["act_type"], minimum=t.get("min"),
                                       maximum=t.get("max"), place=self.get("place", t.get("place")))
        for line in lines["event"]:
            event = self.get("event", line.data["id"])
            event.links.all().delete()
            for link in line.data.get("links") or []:
                m.EventLink.objects.create(event=event, relation=link["relation"],
                                           other=self.get("event", link["event"]))
        for line in lines["act"]:
            self.act(line.data)
        for line in lines["recognition"]:
            d = line.data
            self.upsert("recognition", d, self._fields("recognition", d) | self._refs("recognition", d))
        for line in lines["target"]:
            d = line.data
            self.upsert("target", d, self._fields("target", d) | self._refs("target", d))
        for line in lines["urgent_action"]:
            self.urgent_action(line.data)
        for line in lines["judgement"]:
            self.judgement(line.data)
        for record_type in ("place", "organization", "person", "event", "act", "document", "recognition"):
            for line in lines[record_type]:
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
    """Import a whole file or nothing. Returns counts per record type."""
    plan = read_plan(stream)
    try:
        with transaction.atomic():
            counts = Importer(plan, actor=actor).run()
            for judgement_line in plan.lines["judgement"]:
                if judgement_line.data.get("superseded_by"):
                    Judgement.objects.filter(uid=judgement_line.data["id"]).update(
                        superseded_by=Judgement.objects.get(uid=judgement_line.data["superseded_by"]))
            write_entry("import", actor=actor, record_type="file", changes={"records": plan.count()})
    except ValidationError as error:
        raise ImportFailed([f"a record failed validation: {error}"]) from None
    indexing.rebuild_index()
    _analyze()
    return counts


def _analyze():
    """After a large import the planner needs fresh statistics to use the search index."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
