"""Ingesting a file: read, repair, store encrypted, extract, save proposals. The database is only at the edge.

Invariants:
- A file that cannot be read writes nothing (IngestError before any write).
- The same file twice is one document (SHA-256); ingesting it again re-runs extraction, which never
  duplicates a proposal and never changes one a reviewer has decided (each proposal has a key).
- Everything extraction writes is `suggested` until a reviewer accepts it.
- Every write goes through the record actions (qorgau/records/actions.py): persons, acts, provisions, events,
  sources and citations made here are audited and indexed like those made by hand.
"""

import time
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from qorgau.lib.language import detect_language
from qorgau.lib.sensitivity import LEVELS, RANK
from qorgau.records import actions as record_actions
from qorgau.records.models import (Citation, Organisation, OrganisationName, Person, PersonName, Place, PlaceName,
                                   Provision)
from qorgau.records.models.persons import PERSON_ROLES
from qorgau.records.models.provisions import CURRENT_EDITION

from . import storage
from .extract.acts import find_acts, find_tallies
from .extract.ages import birth_year, text_year
from .extract.dates import find_dates
from .extract.names import find_persons, maiden_name, natasha_spans
from .extract.provisions import find_provisions, record_uid
from .extract.targets import find_targets, find_urgent_action
from .ingest import IngestError
from .ingest.reading import limit, read_document
from .ingest.repair import canonicalise
from .models import Document, DocumentKind, Processing, ReviewState


@dataclass
class Result:
    document: Document
    created: bool
    proposals: int


def known_articles():
    return set(Provision.objects.values_list("article", flat=True))


def ingest(filename, data, *, actor, language="auto", sensitivity="internal", progress=None, placeholder=None):
    """Read and store one file, then extract. Returns Result. Raises IngestError, writing nothing.

    `placeholder` is a queued Document made by an upload that returned at once: it is filled in.
    """
    report = progress or (lambda stage, fraction: None)
    report("reading", 0.1)
    raw = read_document(filename, data)
    canonical = canonicalise(raw, known_articles())
    digest = storage.sha256_of(data)
    deleted = Document._base_manager.filter(sha256=digest, deleted_at__isnull=False).first()
    # A deleted document is named only to an uploader who may read its level: to one who may not, a confidential
    # document's file having been here at all is what the level hides (the file is read as held elsewhere below).
    hidden_deleted = deleted is not None and placeholder is not None and not _may_read_level(actor, deleted.sensitivity)
    if deleted is not None and not hidden_deleted:
        raise IngestError("This file belongs to a deleted document; an administrator can restore it.")
    existing = Document.objects.filter(sha256=digest).exclude(pk=getattr(placeholder, "pk", None)).first()
    # An upload of a file already held (at a level the uploader may not see, or the view would have said so) is
    # read into the uploader's own document, exactly as a new file would be: nothing tells them it is held.
    held_elsewhere = (existing is not None or hidden_deleted) and placeholder is not None
    if existing is not None and not held_elsewhere:
        report("extracting", 0.5)
        count = extract_into(existing, actor=actor)
        report("done", 1.0)
        return Result(existing, False, count)
    _, newly_stored = storage.store(data)  # content-addressed: a file held elsewhere is stored once
    try:
        with transaction.atomic():
            title = next((line.strip() for line in canonical.text.splitlines() if len(line.strip()) > 8), filename)
            fields = dict(
                title=title[:300], filename=filename[:300], sha256="" if held_elsewhere else digest, size=len(data),
                encoding=raw.encoding, kind=_kind_of(canonical.text),
                language=detect_language(canonical.text) if language == "auto" else language,
                text=canonical.text, pages=canonical.pages, markers=canonical.markers,
                footnotes={str(n): t for n, t in canonical.footnotes.items()},
                processing=Processing.EXTRACTING, review_state=ReviewState.AWAITING)
            if held_elsewhere:
                fields["extra"] = dict(placeholder.extra or {}, file_sha256=digest)
            if placeholder is not None:
                document = record_actions.do_update_document(placeholder, actor=actor, **fields)
            else:
                document = record_actions.do_create_document(actor=actor, sensitivity=sensitivity, **fields)
            _save_sources(document, canonical, actor)
            report("extracting", 0.5)
            count = extract_into(document, actor=actor)
            record_actions.set_processing(document, actor=actor, processing=Processing.DONE, progress=100)
            document.refresh_from_db()
    except Exception:
        if newly_stored:
            storage.discard(digest)
        raise
    report("done", 1.0)
    return Result(document, True, count)


def _may_read_level(actor, level):
    from qorgau.lib.sensitivity import SYSTEM, may_read

    if actor is SYSTEM or actor is None or isinstance(actor, str):
        return True  # the commands and system jobs read every level
    return may_read(actor, level)


def _kind_of(text):
    head = text[:3000].lower()
    if "urgent action" in head or "срочная акция" in head:
        return DocumentKind.URGENT_ACTION
    return DocumentKind.REPORT


def _save_sources(document, canonical, actor):
    """Each link a document cites becomes a source of its own, tied to the document and its footnote (written
    together: one batch, the same rows, audit entries and search rows as one do_create_document each)."""
    urls = [url for url in canonical.links[:500] if url.startswith(("http://", "https://")) and len(url) <= 1000]
    if not urls:
        return
    known = set(Document.objects.filter(cited_by=document, url__in=set(urls)).values_list("url", flat=True))
    batch = record_actions.RecordBatch()
    for url in urls:
        if url in known:
            continue
        footnote = next((n for n, t in canonical.footnotes.items() if url in t), None)
        try:
            batch.document(title=url[:500], url=url, kind=DocumentKind.WEB_PAGE, cited_by=document,
                           sensitivity=document.sensitivity, extra={"footnote": footnote} if footnote else {})
        except ValidationError:
            continue  # a link that is not a valid address is not a source
        known.add(url)
    record_actions.do_create_records(batch, actor=actor)


# Extraction into the database -----------------------------------------------------------------------

class Saver:
    """Saves proposals for one document, skipping every key that was proposed before."""

    def __init__(self, document, actor):
        self.document, self.actor = document, actor
        self.keys = set(Citation.objects.filter(document=document).exclude(key="").values_list("key", flat=True))
        self.count = 0
        self.persons = {}
        self.others = {}
        self.created = []
        self.batch = record_actions.RecordBatch()   # new persons, acts and proposals, written at the end
        self.level = document.sensitivity
        # the levels the document covers: records and names at these levels may be tied to it, or read for it
        self.levels = [level for level in LEVELS if RANK[level] <= RANK[self.level]]
        self.prefetched, self.known = set(), {}
        self.limit = limit("MAX_PROPOSALS")
        self.deadline = time.monotonic() + limit("MAX_PROCESSING_SECONDS")

    def check(self):
        """Stop (and so roll back) a document that makes too many proposals or takes too long."""
        if self.count >= self.limit:
            raise IngestError(f"{self.document.filename or self.document.title}: extraction would make more than "
                              f"{self.limit:,} proposals (QORGAU_MAX_PROPOSALS); nothing was proposed. "
                              "Split the document into parts.")
        if time.monotonic() > self.deadline:
            raise IngestError(f"{self.document.filename or self.document.title}: extraction took longer than "
                              f"{limit('MAX_PROCESSING_SECONDS')} s (QORGAU_MAX_PROCESSING_SECONDS); "
                              "nothing was proposed.")

    def cite(self, record, start, end, method, key, field=""):
        if key in self.keys:
            return False
        self.check()
        self.keys.add(key)
        # Planned, and written with the rest of the document's proposals by do_create_records.
        self.batch.cite(record, self.document, start=start, end=end, field=field, page=self.document.page_at(start),
                        text=self.document.text[start:end], method=method, key=key)
        self.count += 1
        return True

    def prefetch(self, names):
        """Look up every name of the document at once (two queries, not two per name)."""
        allowed = self.levels
        candidates = Person.objects.filter(sensitivity__in=allowed, merged_into__isnull=True)
        names = set(names) - set(self.persons)
        primary, other = {}, {}
        for person in candidates.filter(name__in=names).order_by("name", "pk"):
            primary.setdefault(person.name, person)
        for row in PersonName.objects.filter(name__in=names, sensitivity__in=allowed, person__in=candidates).select_related(
                "person").order_by("person__name", "person__pk"):
            other.setdefault(row.name, row.person)
        self.prefetched = names
        self.known = {name: primary.get(name) or other.get(name) for name in names}

    def person(self, name, role="", born=None):
        """The person of that exact name (primary or other), or a new one, kept at the document's level.

        `role`: the role the text names before the mention (judge, activist …). A new person keeps it; a record of
        that name whose recorded roles are all on the other side (an official's against a victim's: a judge who
        shares an activist's name) is not taken for it -- a new record is made and the resolver weighs the pair
        (queued with "an official on one side, a victim on the other"). `born`: the year of birth the text gives
        for the mention (extract/ages.py): a new person keeps it, and a record of that name born more than a year
        apart is not taken for it (two namesakes; the resolver weighs "different years of birth")."""
        if name in self.persons and _conflict(self.persons[name], role, born, self.level):
            return self._another(name, role, born)
        if name not in self.persons:
            # Only records, and names, no more sensitive than the document: a mention in an internal report must
            # not be tied to a person whose identity, or alias, is confidential. Merged records are skipped.
            allowed = self.levels
            if name in self.prefetched:
                found = self.known.get(name)
            else:
                candidates = Person.objects.filter(sensitivity__in=allowed, merged_into__isnull=True)
                found = (candidates.filter(name=name).first()
                         or candidates.filter(names__name=name, names__sensitivity__in=allowed).first())
            if found is not None and _conflict(found, role, born, self.level):
                found = None
            if found is None:
                found = self._new(name, role, born)
            self.persons[name] = found
        return self.persons[name]

    def _new(self, name, role, born=None):
        self.check()
        found = self.batch.person(name=name, sensitivity=self.level, roles=[role] if role in PERSON_ROLE_KEYS else [],
                                  birth_year=born, notes=f"Found by extraction in “{self.document.title[:200]}”.")
        self.created.append(found)
        return found

    def _another(self, name, role, born):
        """A second record of one name in one document, for a mention whose role or year of birth is another."""
        key = (name, role if _conflict(self.persons[name], role, None, self.level) else "", born)
        if key not in self.others:
            self.others[key] = self._new(name, role, born)
        return self.others[key]


PERSON_ROLE_KEYS = {key for key, _ in PERSON_ROLES}


def _add_maiden_names(maiden, saver, actor):
    """A woman this document adds, printed with her maiden name ("… (урождённая Бекова)"), gets her given name with it
    as a name of kind "maiden", at the document's level (session 15): the resolver and search then meet her records
    under that name. Only persons the document creates: extraction does not rename a record others made."""
    for person, name in dict.fromkeys(maiden):
        if name != person.name and not person.names.filter(name=name).exists():
            record_actions.do_add_name(person, actor=actor, name=name, kind="maiden", sensitivity=saver.level)


def _conflict(person, role, born, level):
    """The mention cannot be this record: its year of birth is more than a year from the record's, or its role and
    the roles recorded on the person are on opposite sides (an official's and a victim's: the resolver's rule).

    `level`: the document's. A field the record keeps above it (field_sensitivity: a confidential year of birth or
    roles) is not read: whether a mention joins the record must not tell the uploader of a public document
    anything about a value its level hides (a new record "because the years differ" would)."""
    from qorgau.resolution.scoring import roles_conflict

    def readable(field):
        return RANK[person.field_level(field)] <= RANK[level]

    if born and getattr(person, "birth_year", None) and readable("birth_year") and abs(person.birth_year - born) > 1:
        return True
    return bool(role) and readable("roles") and roles_conflict({role}, set(getattr(person, "roles", None) or []))


def _gazetteer_mentions(text, saver):
    """Organisations and places the database knows, wherever their names stand in the text.

    Only records no more sensitive than the document, as for persons (`Saver.person`): a public report is never
    tied to a confidential safe house of the name it prints. Such a proposal was hidden from an uncleared reviewer
    but kept the document waiting for a decision, which told them the hidden record exists (session 16 audit)."""
    import re

    allowed = saver.levels
    for model, name_model, owner, method in ((Organisation, OrganisationName, "organisation", "gazetteer:org"),
                                             (Place, PlaceName, "place", "gazetteer:place")):
        names = {}
        for record in model.objects.filter(sensitivity__in=allowed).only("id", "name", "uid"):
            names.setdefault(record.name, record)
        for row in name_model.objects.select_related(owner).filter(
                sensitivity="public", **{f"{owner}__sensitivity__in": allowed, f"{owner}__deleted_at__isnull": True}):
            names.setdefault(row.name, getattr(row, owner))
        for name, record in names.items():
            if len(name) < 4 or name not in text:   # most names are not in the text: a plain search says so fast
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                saver.cite(record, m.start(), m.end(), method, f"{method}:{m.start()}:{record.uid}", field="mention")


def extract_into(document, *, actor):
    """Run every rule on the document's text and save what is new. Returns how many proposals were added."""
    text = document.text
    saver = Saver(document, actor)
    with transaction.atomic():
        # Names that make a word a person: public name rows of records the document's level covers (a confidential
        # person's name row is public by default; reading it told an uploader that a word is a hidden person's name).
        known = list(PersonName.objects.filter(sensitivity="public", person__sensitivity__in=saver.levels)
                     .values_list("name", flat=True)[:50000])
        from django.conf import settings

        use_ner = getattr(settings, "QORGAU_RUSSIAN_NER", False) and document.language == "ru"
        mentions = find_persons(text, known, extra_spans=natasha_spans(text) if use_ner else ())
        saver.prefetch({m.name for m in mentions})
        dates = find_dates(text, document.published or "")
        provisions = find_provisions(text)
        year = text_year(dates, document.published or "")
        maiden = []
        for mention in mentions:
            person = saver.person(mention.name, mention.role, birth_year(text, mention.start, mention.end, year))
            if maiden_name(mention) and person in saver.created:
                maiden.append((person, maiden_name(mention)))
            saver.cite(person, mention.start, mention.end, f"rule:person:{mention.how}",
                       f"person:{mention.start}:{mention.end}", field="mention")
        _gazetteer_mentions(text, saver)
        provision_records = {p.uid: p for p in Provision.objects.all()}
        for proposal in find_acts(text, mentions, dates, provisions, published=document.published or "",
                                  footnotes=document.footnotes, markers=document.markers):
            victim = saver.person(proposal.victims[0])
            key = f"act:{proposal.rule}:{proposal.start}:{victim.uid}"
            if key in saver.keys:
                continue
            penalty = proposal.penalty or {}
            links = {}
            for uid, relation in proposal.provisions:
                provision = provision_records.get(record_uid(uid))
                if provision is None and record_uid(uid) not in provision_records:
                    code, _, rest = uid.partition("-")
                    article, _, part = rest.partition(".")
                    code, edition = ("CC", "1997") if code == "CC1997" else (code, CURRENT_EDITION.get(code, ""))
                    if Provision._base_manager.filter(uid=record_uid(uid)).exists():
                        provision = None  # deleted by an editor: not made again behind their back
                    else:
                        provision = record_actions.do_create_provision(
                            actor=actor, code=code, article=article, part=part, edition=edition)
                    provision_records[record_uid(uid)] = provision
                if provision is not None:
                    links.setdefault(provision, relation)
            perpetrators = {}   # by uid: a person planned in this batch has no primary key yet (unhashable)
            for name in proposal.perpetrators:
                perpetrator = saver.person(name)
                perpetrators.setdefault(perpetrator.uid, (perpetrator, "carried_out"))
            act = saver.batch.act(
                act_type=proposal.act_type, victim=victim, date=proposal.date or "",
                date_end=proposal.date_end or "", review="suggested", status="alleged", sensitivity=saver.level,
                penalty_kind=penalty.get("kind", ""), penalty_amount=penalty.get("amount"),
                penalty_unit=penalty.get("unit", ""), provisions=list(links.items()),
                perpetrators=list(perpetrators.values()))
            saver.cite(act, proposal.start, proposal.end, proposal.rule, key)
        for tally in find_tallies(text, dates):
            key = f"tally:{tally.start}"
            if key in saver.keys:
                continue
            event = record_actions.do_create_event(
                actor=actor, title=text[tally.start:tally.end][:300], event_type="crackdown", start=tally.date or "",
                end=tally.date_end or "", sensitivity=saver.level,
                tallies=[{"act_type": tally.act_type, "minimum": tally.minimum, "maximum": tally.maximum}])
            saver.cite(event, tally.start, tally.end, tally.rule, key)
        extra = dict(document.extra or {})
        targets = find_targets(text)
        if targets:
            # Offices already added to the directory stay added when extraction runs again.
            added = {(t.get("office"), t.get("holder")): t["target"] for t in extra.get("targets", []) if t.get("target")}
            extra["targets"] = [dict(t.__dict__, **({"target": added[(t.office, t.holder)]}
                                                    if (t.office, t.holder) in added else {})) for t in targets]
        ua = find_urgent_action(text, dates)
        if ua:
            extra["urgent_action"] = ua
        record_actions.update_record(document, actor=actor, extra=extra)
        record_actions.do_create_records(saver.batch, actor=actor)
        _add_maiden_names(maiden, saver, actor)
        if saver.created:
            from qorgau.resolution.actions import resolve

            resolve(actor=actor, persons=saver.created)  # link new persons to the records they duplicate
    return saver.count



def ingest_in_background(document, data, *, actor, language="auto"):
    """Fill a queued placeholder document from `data` in a thread, recording progress and failure on it."""
    import threading

    from django.conf import settings
    from django.db import connection

    def set_state(processing, progress=0, error=""):
        record_actions.set_processing(document, actor=actor, processing=processing, progress=progress, error=error)

    def run(in_thread=True):
        try:
            ingest(document.filename, data, actor=actor, language=language, placeholder=document,
                   progress=lambda stage, fraction: stage != "done" and set_state(
                       Processing.READING if stage == "reading" else Processing.EXTRACTING, int(fraction * 90)))
        except IngestError as error:
            set_state(Processing.FAILED, 0, str(error))
        except Exception:  # the thread must record the failure: nobody else will see it
            import logging

            logging.getLogger(__name__).exception("ingest failed")
            set_state(Processing.FAILED, 0, "The document could not be processed; nothing was extracted.")
        finally:
            if in_thread:
                connection.close()  # the thread's own connection

    if getattr(settings, "QORGAU_INGEST_IN_BACKGROUND", True):
        threading.Thread(target=run, daemon=True).start()
    else:
        run(in_thread=False)
