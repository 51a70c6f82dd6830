"""Writing the database as JSON Lines (export-format.md).

Streams record by record. With `public=True` only what an anonymous visitor
may see is written: non-public records, fields, names and citations are
dropped, and so is every reference to a dropped record.
"""

import json
from collections import defaultdict
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Sum
from django.utils import timezone

from qorgau.campaigns.models import ActionReport, Channel, Target, UrgentAction
from qorgau.documents.models import Document
from qorgau.lib import sensitivity as levels
from qorgau.records import models as m
from qorgau.resolution.models import Judgement

from .fields import REFERENCES, SCALARS

FORMAT_VERSION = 1


class Exporter:
    def __init__(self, *, public=False, accepted_only=False):
        self.public = public
        self.accepted_only = accepted_only or public
        self.reader = AnonymousUser() if public else None
        self.visible = {}  # type -> {pk: uid} of records written (for references)
        self._citations = defaultdict(list)

    # Which records and fields go out ------------------------------------------------------

    def _records(self, model, record_type):
        queryset = model.objects.all().order_by("id")
        if self.public:
            queryset = queryset.visible_to(self.reader)
        elif record_type == "act" and self.accepted_only:
            queryset = queryset.filter(review=m.Review.ACCEPTED)
        if record_type == "act" and self.public:
            queryset = queryset.filter(review=m.Review.ACCEPTED)
        return queryset

    def _field_visible(self, record, field):
        return not self.public or record.field_level(field) == levels.PUBLIC

    def _ref(self, record_type, record):
        if record is None:
            return None
        return self.visible.get(record_type, {}).get(record.pk)

    def _load_citations(self):
        documents = Document.objects.all()
        if self.public:
            documents = documents.visible_to(self.reader)
        doc_uids = dict(documents.values_list("id", "uid"))
        # A citation's words are the document's text: they go out only where the text itself would.
        closed_text = set() if not self.public else {
            d.pk for d in documents.only("id", "sensitivity", "field_sensitivity")
            if d.field_level("text") != levels.PUBLIC}
        types = {ct.id: ct.model for ct in ContentType.objects.all()}
        citations = m.Citation.objects.order_by("id")
        if self.accepted_only:
            citations = citations.filter(review=m.Review.ACCEPTED)
        for c in citations.iterator(chunk_size=5000):
            if c.document_id not in doc_uids:
                continue
            row = {"document": doc_uids[c.document_id], "start": c.start, "end": c.end}
            for key in ("page", "field", "text", "note"):
                if key == "text" and c.document_id in closed_text:
                    continue
                if getattr(c, key):
                    row[key] = getattr(c, key)
            row["method"] = c.method
            row["review"] = c.review
            self._citations[(types[c.content_type_id], c.object_id)].append(row)

    def _citations_of(self, record):
        return self._citations.get((type(record).__name__.lower(), record.pk), [])

    # Shapes ------------------------------------------------------------------------------

    def _base(self, record_type, record):
        # `extra` keeps unknown fields of imported files and proposals built from texts: the archive only.
        out = {} if self.public else dict(record.extra or {})
        out.update({"type": record_type, "id": record.uid})
        for field in SCALARS.get(record_type, []):
            value = getattr(record, field)
            if isinstance(value, Decimal):
                value = float(value)
            if self._field_visible(record, field):
                out[field] = value if value not in ("",) else None
        for name, (field, target) in REFERENCES.get(record_type, {}).items():
            # a link the record keeps above the export's level (an act's place kept confidential) is left out
            out[name] = self._ref(target, getattr(record, field)) if self._field_visible(record, field) else None
        if record_type == "target" and self.public and record.holder_id and out.get("holder") is None:
            out.pop("holder_name", None)  # the free-text name of a holder the export leaves out
        out["sensitivity"] = record.sensitivity
        if not self.public:
            if record.field_sensitivity:
                out["field_sensitivity"] = record.field_sensitivity
            if record.sensitivity_reviewed:
                out["sensitivity_reviewed"] = True
        return out

    def _names(self, record):
        rows = []
        for n in record.names.all():
            if self.public and n.sensitivity != levels.PUBLIC:
                continue
            row = {"name": n.name, "script": n.script or None, "lang": n.lang or None, "kind": n.kind}
            if n.sensitivity != levels.PUBLIC:
                row["sensitivity"] = n.sensitivity
            for part in ("given_name", "family_name", "patronymic"):
                if getattr(n, part, ""):
                    row[part] = getattr(n, part)
            rows.append(row)
        return rows

    def _with_citations(self, out, record):
        citations = self._citations_of(record)
        mentions = [c for c in citations if c.get("field") == "mention"]
        others = [c for c in citations if c.get("field") != "mention"]
        if hasattr(record, "names"):
            out["mentions"] = [{k: v for k, v in c.items() if k != "field"} for c in mentions]
        out["citations"] = others
        return out

    def person(self, p):
        out = self._base("person", p)
        out["name"] = p.name
        out["names"] = self._names(p)
        out["affiliations"] = [
            {"organization": self._ref("organization", a.organisation), "role": a.role or None,
             "from": a.start or None, "to": a.end or None}
            for a in p.affiliations.all() if self._ref("organization", a.organisation)
        ]
        out["relations"] = [{"relation": r.relation, "person": self._ref("person", r.other)}
                            for r in p.relations.all() if self._ref("person", r.other)]
        if p.merged_into_id and not self.public:
            out["merged_into"] = self._ref("person", p.merged_into)
        return self._with_citations(out, p)

    def named(self, record_type, record):
        out = self._base(record_type, record)
        out["name"] = record.name
        out["names"] = self._names(record)
        if record_type == "place":
            shown = self._field_visible(record, "latitude") and self._field_visible(record, "longitude")
            out["coordinates"] = ([record.latitude, record.longitude]
                                  if shown and record.latitude is not None else None)
        return self._with_citations(out, record)

    def provision(self, p):
        out = self._base("provision", p)
        out["titles"] = {lang: (getattr(p, f"title_{lang}") or None) if self._field_visible(p, f"title_{lang}")
                         else None for lang in ("en", "ru", "kk")}
        return out

    def document(self, d):
        return self._with_citations(self._base("document", d), d)

    def event(self, e):
        out = self._base("event", e)
        out["places"] = [u for u in (self._ref("place", p) for p in e.places.all()) if u]
        out["tallies"] = [{"act_type": t.act_type, "min": t.minimum, "max": t.maximum,
                           "place": self._ref("place", t.place)} for t in e.tallies.all()]
        out["links"] = [{"relation": link.relation, "event": self._ref("event", link.other)}
                        for link in e.links.all() if self._ref("event", link.other)]
        return self._with_citations(out, e)

    def act(self, a):
        out = self._base("act", a)
        out["group"] = a.group if self._field_visible(a, "act_type") else None  # the group tells the type
        out["victim"] = self._ref("person", a.victim_person) or self._ref("organization", a.victim_organisation)
        out["provisions"] = [
            {"id": ap.provision.uid, "code": ap.provision.code, "article": ap.provision.article,
             "part": ap.provision.part or None, "relation": ap.relation}
            for ap in a.act_provisions.all() if not self.public or self._ref("provision", ap.provision)
        ]
        if a.penalty_kind and self._field_visible(a, "penalty") and self._field_visible(a, "penalty_kind"):
            # each part of the penalty at its own level: an amount or unit kept above the reader's is left out
            amount = a.penalty_amount if self._field_visible(a, "penalty_amount") else None
            if amount is not None:
                amount = int(amount) if amount == int(amount) else float(amount)
            unit = a.penalty_unit if self._field_visible(a, "penalty_unit") else ""
            out["penalty"] = {"kind": a.penalty_kind, "amount": amount, "unit": unit or None}
        else:
            out["penalty"] = None
        out["perpetrators"] = [
            {"id": ref, "role": i.role}
            for i in a.involvements.all()
            if (ref := self._ref("person", i.perpetrator_person) or self._ref("organization", i.perpetrator_organisation))
        ]
        return self._with_citations(out, a)

    def recognition(self, r):
        out = self._base("recognition", r)
        if out["person"] is None:  # the person is not in this export: neither is what is said of them
            return None
        return self._with_citations(out, r)

    def target(self, t):
        return self._base("target", t)

    def urgent_action(self, ua):
        out = self._base("urgent_action", ua)
        out["persons"] = [u for u in (self._ref("person", p) for p in ua.persons.all()) if u]
        out["acts"] = [u for u in (self._ref("act", a) for a in ua.acts.all()) if u]
        out["targets"] = [{"target": self._ref("target", t.target), "kind": t.kind}
                          for t in ua.ua_targets.all() if self._ref("target", t.target)]
        counts = dict(ActionReport.objects.filter(urgent_action=ua).values("channel")
                      .annotate(n=Sum("count")).values_list("channel", "n"))
        out["action_counts"] = {channel: counts.get(channel, 0) for channel in Channel.values}
        if not self.public:
            out["action_reports"] = [
                {"channel": r.channel, "count": r.count, "country": r.country or None, "date": r.date.isoformat()}
                for r in ua.action_reports.all()
            ]
        return out

    def judgement(self, j):
        return {"type": "judgement", "id": j.uid, "left": j.left_uid, "right": j.right_uid,
                "decision": j.decision, "actor": j.actor_label or None, "at": j.at.isoformat(),
                "note": j.note or None, "superseded_by": j.superseded_by.uid if j.superseded_by else None}

    # The stream ----------------------------------------------------------------------------

    def lines(self):
        yield {"type": "header", "format": "qorgau", "version": FORMAT_VERSION,
               "exported_at": timezone.now().replace(microsecond=0).isoformat().replace("+00:00", "Z"),
               "public": self.public}
        self._load_citations()
        plan = [
            ("place", m.Place, lambda r: self.named("place", r), ["names"]),
            ("organization", m.Organisation, lambda r: self.named("organization", r), ["names"]),
            ("person", m.Person, self.person, ["names", "affiliations__organisation", "relations__other"]),
            ("provision", m.Provision, self.provision, []),
            ("document", Document, self.document, []),
            ("event", m.Event, self.event, ["places", "tallies__place", "links__other"]),
            ("act", m.Act, self.act, ["act_provisions__provision", "involvements__perpetrator_person",
                                      "involvements__perpetrator_organisation"]),
            ("recognition", m.Recognition, self.recognition, []),
            ("target", Target, self.target, []),
            ("urgent_action", UrgentAction, self.urgent_action, ["persons", "acts", "ua_targets__target",
                                                                 "action_reports"]),
        ]
        # References are resolved against what this export writes, so first
        # learn every visible uid, then write.
        for record_type, model, _, _ in plan:
            self.visible[record_type] = dict(self._records(model, record_type).values_list("id", "uid"))
        for record_type, model, shape, prefetch in plan:
            queryset = self._records(model, record_type).prefetch_related(*prefetch)
            for record in queryset.iterator(chunk_size=2000):
                line = shape(record)
                if line is not None:
                    yield line
        if not self.public:
            for judgement in Judgement.objects.select_related("superseded_by").order_by("id"):
                yield self.judgement(judgement)


def write_export(stream, **options):
    count = 0
    for line in Exporter(**options).lines():
        stream.write(json.dumps(line, ensure_ascii=False, sort_keys=False) + "\n")
        count += 1
    return count - 1
