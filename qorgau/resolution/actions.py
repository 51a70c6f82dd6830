"""Keeping one record per human being: candidates, judgements, merge and unmerge.

Invariants:
- Judgements are never deleted; a new one for the same pair supersedes the last.
- A merge records every row it moved; unmerge moves exactly those back, so no mention, citation, act or name
  is lost either way.
- Automatic links are made only above a threshold, only between records of the same sensitivity, and never
  for confidential records: joining those is a reviewer's decision. Placeholders ("Anonymous detainee A") are
  not names and are never compared.
"""


import contextvars
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from qorgau.audit.log import actor_label, write_entries, write_entry
from qorgau.lib.identifiers import new_uid
from qorgau.lib.personnames import compare_weights, parse
from qorgau.lib.sensitivity import highest
from qorgau.records import indexing
from qorgau.records.actions import bump_version
from qorgau.records.models import Act, Citation, Person, PersonName

from .models import Candidate, Judgement, Merge

from .scoring import AUTO, REVIEW  # the thresholds live with the model


def names_of(person):
    """(name, level) pairs: the primary name at the record's level, other names at their own (never lower)."""
    return [(person.name, person.sensitivity)] + [
        (n.name, highest(n.sensitivity, person.sensitivity)) for n in person.names.all()]


def _shown(name, level):
    # Evidence is read in the queue by reviewers who may not be cleared: a confidential name is not quoted.
    return "a confidential name" if level == "confidential" else f"“{name}”"


def score_persons(a, b, names=None, context=None, threshold=None):
    """The probability that two records are one person, and its evidence: the best pair of their names, plus what
    the records say (context). Evidence is a list of {feature, text, detail, bits}; the first item says which names
    were compared. A confidential name is never quoted, nor are its keys. Below `threshold` (if given) the evidence
    is not built (None)."""
    from . import scoring

    names = names or {}
    context = context if context is not None else scoring.contexts([a, b], reader=scoring.SYSTEM)
    best, best_bits, shown = None, None, ""
    for x, x_level in names.get(a.pk) or names_of(a):
        for y, y_level in names.get(b.pk) or names_of(b):
            weights = _name_weights(x, y)
            bits = sum(w for _, w, _ in weights)
            if best_bits is None or bits > best_bits:
                secret = "confidential" in {x_level, y_level}
                best, best_bits = [(f, w, "" if secret else d) for f, w, d in weights], bits
                shown = f"{_shown(x, x_level)} / {_shown(y, y_level)}"
    if best is None:
        return 0.0, []
    extra = scoring.one_document(best, scoring.context_weights(a.pk, b.pk, context.get(a.pk, scoring.Context()),
                                                               context.get(b.pk, scoring.Context())))
    probability = scoring.score(best, extra)
    if threshold is not None and round(probability, 3) < threshold:
        return round(probability, 3), None   # below the caller's threshold: its evidence is never read
    evidence = [{"feature": "names", "text": shown, "detail": "", "bits": None}] + scoring.explain(best + extra)
    return round(probability, 3), evidence


@lru_cache(maxsize=100_000)
def _name_weights(x, y):
    """compare_weights of two names (strings): a pure function of the pair (parse is one of the string), and a run
    compares the same pair of printed names many times (10,382 pairs of records, far fewer pairs of names)."""
    return tuple(compare_weights(parse(x), parse(y)))


def current_judgement(a_uid, b_uid):
    return (Judgement.objects.filter(superseded_by__isnull=True)
            .filter(left_uid__in=[a_uid, b_uid], right_uid__in=[a_uid, b_uid]).order_by("-at", "-id").first())


def find_candidates(persons=None, threshold=None):
    """Scored pairs among persons (or between the given persons and everyone), best first: blocked by family-name
    prefix, its phonetic form and given name + family ending, then scored on names and context."""
    from . import scoring

    threshold = REVIEW if threshold is None else threshold
    if persons is not None:
        return _pairs_for(persons, threshold)
    everyone = list(Person.objects.filter(merged_into__isnull=True).prefetch_related("names"))
    names = {p.pk: names_of(p) for p in everyone}
    blocks = scoring.group_by_block((p.pk, parse(name)) for p in everyone for name, _level in names[p.pk])
    by_id = {p.pk: p for p in everyone}
    pairs_to_score = set()
    for ids in blocks.values():
        if len(ids) > BLOCK_CAP:
            continue
        ids = sorted(ids)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                pairs_to_score.add((a, b))
    # A record named by one word that is another's given name ("Asya" after "Asya Tulesova") shares no family block:
    # it is paired with the records that have that given name.
    by_given = {}
    for p in everyone:
        for name, _level in names[p.pk]:
            for alts in parse(name).given_alts:
                for given in alts:
                    by_given.setdefault(given, set()).add(p.pk)
    for p in everyone:
        for name, _level in names[p.pk]:
            parsed = parse(name)
            if parsed.given or parsed.initials or parsed.order_known or not parsed.family:
                continue
            for other in by_given.get(parsed.family, ()):
                pair = (min(p.pk, other), max(p.pk, other))
                if other != p.pk:
                    pairs_to_score.add(pair)
    # A record named by one word shares no block with the full name when the word is mistyped ("Tutsynov") or is
    # the other half of the name ("Tulesova" beside "Asya"): it is paired with the records cited in its documents.
    pairs_to_score |= _document_pairs(everyone, names, None)
    return _scored(pairs_to_score, by_id, names, threshold)


BLOCK_CAP = 2000   # a key shared by thousands says nothing; its pairs come from other blocks


def _pairs_for(persons, threshold):
    """find_candidates for the given persons only: the records sharing a stored blocking key with one of them
    (`blocking.partners`, indexed queries) instead of every person; the same pairs, scores and order."""
    from . import blocking

    # The persons as they are now (names included), not merged away; their keys are computed here, the others' read.
    wanted = sorted({p.pk for p in persons if p.pk is not None})
    focus = []
    for at in range(0, len(wanted), 500):
        focus += Person.objects.filter(pk__in=wanted[at:at + 500], merged_into__isnull=True).prefetch_related("names")
    blocks, lone = blocking.partners(focus)
    focus_ids = {p.pk for p in focus}
    pairs_to_score = set()
    for ids in blocks.values():
        if len(ids) > BLOCK_CAP:
            continue
        for a in ids & focus_ids:
            for b in ids:
                if a != b:
                    pairs_to_score.add((min(a, b), max(a, b)))
    for a, b in lone:
        pairs_to_score.add((min(a, b), max(a, b)))
    pairs_to_score |= _document_pairs_near(focus_ids)
    involved = {pk for pair in pairs_to_score for pk in pair}
    by_id = {p.pk: p for p in focus if p.pk in involved}
    others = sorted(pk for pk in involved if pk not in by_id)
    for at in range(0, len(others), 500):
        by_id.update((p.pk, p) for p in Person.objects.filter(pk__in=others[at:at + 500], merged_into__isnull=True)
                     .prefetch_related("names"))
    pairs_to_score = {(a, b) for a, b in pairs_to_score if a in by_id and b in by_id}
    names = {pk: names_of(p) for pk, p in by_id.items()}
    return _scored(pairs_to_score, by_id, names, threshold)


def _scored(pairs_to_score, by_id, names, threshold):
    from . import scoring

    involved = {pk for pair in pairs_to_score for pk in pair}
    context = scoring.contexts([by_id[pk] for pk in involved], reader=scoring.SYSTEM) if involved else {}
    pairs = []
    for a, b in sorted(pairs_to_score):
        score, evidence = score_persons(by_id[a], by_id[b], names, context, threshold=threshold)
        if score >= threshold:
            pairs.append((by_id[a], by_id[b], score, evidence))
    return sorted(pairs, key=lambda p: -p[2])


DOCUMENT_PERSONS = 200   # a document citing more persons (a list) pairs its one-word records through blocks only


def _document_pairs(everyone, names, focus):
    """(a, b) pairs of a record named by one word only and another record cited in one of its documents."""
    one_word = set()
    for p in everyone:
        for name, _level in names[p.pk]:
            parsed = parse(name)
            if parsed.family and not parsed.given and not parsed.initials:
                one_word.add(p.pk)
                break
    if not one_word:
        return set()
    live = {p.pk for p in everyone}
    person_type = ContentType.objects.get_for_model(Person)
    cited = Citation.objects.filter(content_type=person_type)
    documents = set(cited.filter(object_id__in=one_word).values_list("document_id", flat=True))
    by_document = {}
    for document, pk in cited.filter(document_id__in=documents).values_list("document_id", "object_id"):
        if pk in live:
            by_document.setdefault(document, set()).add(pk)
    pairs = set()
    for ids in by_document.values():
        if len(ids) > DOCUMENT_PERSONS:
            continue
        for a in ids & one_word:
            for b in ids - {a}:
                pair = (min(a, b), max(a, b))
                if focus is None or pair[0] in focus or pair[1] in focus:
                    pairs.add(pair)
    return pairs


def _document_pairs_near(focus_ids):
    """_document_pairs for the given records only: the persons cited in the documents that cite them."""
    if not focus_ids:
        return set()
    person_type = ContentType.objects.get_for_model(Person)
    cited = Citation.objects.filter(content_type=person_type)
    documents = set(cited.filter(object_id__in=focus_ids).values_list("document_id", flat=True))
    near = sorted(set(cited.filter(document_id__in=documents).values_list("object_id", flat=True)) | set(focus_ids))
    people = []
    for at in range(0, len(near), 500):
        people += Person.objects.filter(pk__in=near[at:at + 500], merged_into__isnull=True).prefetch_related("names")
    return _document_pairs(people, {p.pk: names_of(p) for p in people}, set(focus_ids))


# Evidence that joins two records only through the document citing both: queued for a reviewer, never linked
# automatically, whatever else the records share.
QUEUE_ONLY = {"given word, family word"}


# Evidence from a name known only in part (a family name, initials, one word): linked only when one record could
# be meant. "given alone" since session 15: "Ерсин" said in a quote after "Ерсин Миратов" and "Ерсин Дамиров"
# joined the two.
PARTIAL = {"given missing", "initials agree", "given alone", "given alone, initial"}


def _known_by_one_word(person):
    """Every name of the record is one word (a given name, or a family name, alone)."""
    return all(len(name.split()) == 1 for name, _level in names_of(person))


def _known_partly(person):
    """No name of the record gives a given name: it is known by a family name or initials only."""
    return not any(parse(name).given for name, _level in names_of(person))


def _queue_only(evidence):
    """Two one-word halves of a name, or a family name alone only near the other's: a reviewer decides."""
    features = {e.get("feature") for e in evidence if isinstance(e, dict)}
    return bool(features & QUEUE_ONLY) or {"family near", "given missing"} <= features


def _context_only(evidence, auto):
    """Family names only near (two letters or more apart: Bulatov / Bulatetov, Maksova / Maksatova) whose names alone
    stay under the link, lifted over it by what the records say (session 14): queued, not linked. What two strangers
    share -- a day of mass fines, a city, one document -- is what the context weighs, and a near family name is
    another family's more often than a misprint (a one-letter typo is "alike", and the context still links it)."""
    import math

    from .scoring import CONTEXT

    features = {e.get("feature") for e in evidence if isinstance(e, dict)}
    if "family near" not in features:
        return False
    names = sum(e.get("bits") or 0.0 for e in evidence if isinstance(e, dict) and e.get("feature") not in CONTEXT)
    return names < math.log2(auto / (1 - auto)) if 0 < auto < 1 else False


def _standing_judgements(uids):
    """current_judgement for pairs among `uids`, read in one query (per 500 uids on each side): a function of the pair.
    Each pair of a run is judged at most once, so judgements the run makes are never asked for again."""
    uids = sorted(uids)
    by_pair = {}
    for at in range(0, len(uids), 500):
        for other_at in range(0, len(uids), 500):
            for judgement in Judgement.objects.filter(superseded_by__isnull=True, left_uid__in=uids[at:at + 500],
                                                      right_uid__in=uids[other_at:other_at + 500]):
                by_pair.setdefault((judgement.left_uid, judgement.right_uid), []).append(judgement)

    def current(a_uid, b_uid):
        found = [j for key in {(a_uid, b_uid), (b_uid, a_uid), (a_uid, a_uid), (b_uid, b_uid)}
                 for j in by_pair.get(key, ())]
        return max(found, key=lambda j: (j.at, j.id)) if found else None

    return current


@transaction.atomic
def claim_open_pair(candidate):
    """Hold an open pair's row until the caller's transaction ends (the judgement that follows is the only one); False
    when it is no longer open (another reviewer's judgement committed meanwhile). An UPDATE rather than SELECT … FOR
    UPDATE so that SQLite, which has no row locks, takes its write lock here too."""
    return bool(Candidate.objects.filter(pk=candidate.pk, status="open").update(status="open"))


def do_judge(left, right, *, actor, decision, note=""):
    """Record a decision on a pair; "same" merges them (the older record is kept)."""
    previous = current_judgement(left.uid, right.uid)
    judgement = Judgement.objects.create(uid=new_uid("jdg_"), left_uid=left.uid, right_uid=right.uid,
                                         decision=decision, actor=actor if getattr(actor, "pk", None) else None,
                                         actor_label=actor_label(actor), at=timezone.now(), note=note)
    if previous:
        previous.superseded_by = judgement
        previous.save(update_fields=["superseded_by"])
    Candidate.objects.filter(left__in=[left, right], right__in=[left, right]).update(status="judged")
    write_entry("judge", actor=actor, record_type="Person", record_uid=left.uid,
                changes={"other": right.uid, "decision": decision})
    if decision == "same" and left.merged_into_id is None and right.merged_into_id is None:
        keep, other = (left, right) if left.pk < right.pk else (right, left)
        do_merge_persons(keep, other, actor=actor)
    return judgement


# Relations to Person that a merge does not move as plain rows, and why. Everything else that points at a person
# is moved (and moved back by unmerge), found from the models: a new foreign key to Person is moved without
# editing this file (tests/test_resolution.py checks that each relation is either moved or listed here).
HANDLED_APART = {
    ("records.personname", "person"): "names move with the levels they had, kept for unmerge",
    ("campaigns.urgentaction_persons", "person"): "Urgent Actions: many-to-many, `keep` added and `other` removed",
    ("records.person", "merged_into"): "records folded into `other` stay folded into it; unmerge needs them so",
    ("resolution.candidate", "left"): "the review queue: do_judge marks the pair judged",
    ("resolution.candidate", "right"): "the review queue: do_judge marks the pair judged",
    ("resolution.merge", "kept"): "the history of merges is never rewritten",
    ("resolution.merge", "merged"): "the history of merges is never rewritten",
    ("resolution.blockingkey", "person"): "derived from the names: recomputed (indexing) when a merge moves them",
    ("analysis.personsummary", "person"): "derived statistics: rebuilt for both persons after the merge",
}
# Keys merges recorded before the table was derived from the models, so that old merges can still be undone.
LEGACY_KEYS = {("records.act", "victim_person"): "acts", ("records.involvement", "perpetrator_person"): "involvements",
               ("records.affiliation", "person"): "affiliations", ("records.personrelation", "person"): "relations",
               ("records.personrelation", "other"): "relations_to", ("records.recognition", "person"): "recognitions",
               ("campaigns.target", "holder"): "targets"}


def relations_to_person():
    """(model label, field name, model) of every foreign key that points at Person, hidden ones included."""
    return [(rel.related_model._meta.label_lower, rel.field.name, rel.related_model)
            for rel in Person._meta.get_fields(include_hidden=True)
            if rel.is_relation and not rel.concrete and not rel.many_to_many]


def _pointing_rows():
    """(key in Merge.moved, model, field): the rows that point at a person, which a merge moves and unmerge moves
    back. Derived from the models; HANDLED_APART lists the relations that need more than one field changed."""
    return [(LEGACY_KEYS.get((label, field), f"{label}.{field}"), model, field)
            for label, field, model in relations_to_person() if (label, field) not in HANDLED_APART]


def _point_rows(moved, person):
    for key, model, field in _pointing_rows():
        if moved.get(key):
            model._base_manager.filter(id__in=moved[key]).update(**{field: person})


def _row_reads(person):
    """(key in Merge.moved, query set) of the ids of every row that points at `person`: what a merge moves."""
    person_type = ContentType.objects.get_for_model(Person)
    return [(key, model._base_manager.filter(**{field: person}).values_list("id", flat=True))
            for key, model, field in _pointing_rows()] + [
        ("names", person.names.values_list("id", flat=True)),
        ("citations", Citation.objects.filter(content_type=person_type, object_id=person.pk)
         .values_list("id", flat=True)),
        ("urgent_actions", person.urgent_actions.values_list("id", flat=True)),
    ]


_PROBES = (2_147_000_123, 2_147_000_129)   # stand for the persons' ids in compiled reads (no other parameter)
_COMPILED = {}


def _compiled(name, build):
    """Run the reads `build(*persons)` gives ([(key, query set)]) as compiled once per database (and content type
    of Person, which some reads name) with probe persons: the same SQL, run with the persons' ids instead of the
    probes'. A merge runs ~20 such reads; Django's building and compiling of them cost more than running them."""
    from django.db import connection, connections

    at = (name, ContentType.objects.get_for_model(Person).pk, connection.vendor, connection.settings_dict["NAME"])
    reads = _COMPILED.get(at)
    if reads is None:
        probes = []
        for pk in _PROBES:
            probe = Person(pk=pk)
            probe._state.adding = False
            probes.append(probe)
        reads = _COMPILED[at] = [(key, queryset.db, *queryset.query.sql_with_params())
                                 for key, queryset in build(*probes)]

    def run(*persons):
        ids = dict(zip(_PROBES, (p.pk for p in persons)))
        out = {}
        for key, db, sql, params in reads:
            with connections[db].cursor() as cursor:
                cursor.execute(sql, [ids.get(value, value) if isinstance(value, int) else value for value in params])
                out[key] = cursor.fetchall()
        return out

    return run


def _rows_of(person):
    """{key: [ids]} of _row_reads(person), in their order (compiled once: _compiled)."""
    reads = _compiled("moved", lambda probe, _second: _row_reads(probe))
    return {key: [row[0] for row in rows] for key, rows in reads(person).items()}


def _merge_reach(left, right):
    """What a merge of the two can change beyond them: the records related to either (ids of both ends), the
    (type, date) of the acts of either, whatever their level, and which of the two was folded away."""
    from django.db.models import Q

    from qorgau.records.models import PersonRelation

    def build(a, b):
        pair = [a.pk, b.pk]
        return [("related", PersonRelation._base_manager.filter(Q(person_id__in=pair) | Q(other_id__in=pair))
                 .values_list("person_id", "other_id")),
                ("acts", Act._base_manager.filter(victim_person_id__in=pair).values_list("act_type", "date")),
                ("folded", Person._base_manager.filter(pk__in=pair, merged_into__isnull=False).values_list("pk"))]

    return _compiled("merge reach", build)(left, right)


@transaction.atomic
def do_merge_persons(keep, other, *, actor):
    """Move everything of `other` to `keep`; `other` stays, folded away, for unmerge."""
    moved = _rows_of(other)
    # Names keep at least the level of the record they came from: an internal record's names do not become
    # public by joining a public record. The levels they had are kept for unmerge.
    moved["name_levels"] = dict(PersonName.objects.filter(id__in=moved["names"]).values_list("id", "sensitivity")) \
        if moved["names"] else {}
    for name_id, level in moved["name_levels"].items():
        PersonName.objects.filter(id=name_id).update(person=keep, sensitivity=highest(level, other.sensitivity))
    primary = PersonName.objects.create(person=keep, name=other.name, kind="alias", sensitivity=other.sensitivity)
    moved["primary_name"] = primary.id
    if moved["citations"]:
        Citation.objects.filter(id__in=moved["citations"]).update(object_id=keep.pk)
    _point_rows(moved, keep)
    for ua in other.urgent_actions.all() if moved["urgent_actions"] else ():
        ua.persons.add(keep)
        ua.persons.remove(other)
    Person.objects.filter(pk=other.pk).update(merged_into=keep)
    merge = Merge.objects.create(kept=keep, merged=other, moved=moved, actor_label=actor_label(actor), at=timezone.now())
    # An edit form of the folded record opened before the merge must not save into it afterwards.
    folded = {"merged_into": [None, keep.uid], "version": bump_version(other)}
    write_entries([("merge", "Person", keep.uid, {"merged": other.uid}),
                   ("update", "Person", other.uid, folded)], actor=actor)
    run = _RUN.get()
    if run is not None:   # inside resolve: the index and derived data of all its merges are renewed once, at its end
        run.merged(keep, other)
    else:
        indexing.reindex(keep)
        indexing.unindex(other)
        _derived_changed(keep, other)
    return merge


class _Merges:
    """The merges of one resolve run. Each merge re-indexes the kept record, un-indexes the folded one and
    announces both as saved; a run with many merges does that once per record at its end, in one transaction
    with the merges, from the records as they are then: the same search rows, blocking keys and rebuilt
    derived data as after the last of its merges (nothing the run does between its merges reads them)."""

    def __init__(self):
        self.index = {}       # pk -> True (re-index) / False (un-index): the last merge touching it decides
        self.announce = {}    # pk -> None, in the order the merges announced them

    def merged(self, keep, other):
        self.index[keep.pk], self.index[other.pk] = True, False
        self.announce.update({keep.pk: None, other.pk: None})

    def finish(self):
        if not self.announce:
            return
        fresh = {}
        ids = list(self.announce)
        for at in range(0, len(ids), 500):
            fresh.update((p.pk, p) for p in Person._base_manager.filter(pk__in=ids[at:at + 500]))
        for pk, index in self.index.items():
            if not index:
                indexing.unindex(fresh[pk])
        indexing.reindex_many([fresh[pk] for pk, index in self.index.items() if index])
        _derived_changed(*(fresh[pk] for pk in self.announce), read=False)


_RUN = contextvars.ContextVar("qorgau_resolve_run", default=None)


def _derived_changed(*persons, read=True):
    """The rows a merge moves with plain updates (acts, above all) change what is derived from them: both persons
    are announced as saved, as a save would (records.actions._notify), so the listeners of higher layers rebuild
    their custody episodes and statistics summaries after the commit and renew cached counts."""
    from django.db import router
    from django.db.models import signals

    for person in persons:
        fresh = Person._base_manager.get(pk=person.pk) if read else person   # read=False: read just now
        signals.post_save.send(sender=Person, instance=fresh, created=False, update_fields=None, raw=False,
                               using=router.db_for_write(Person))


@transaction.atomic
def do_unmerge(merge, *, actor, note=""):
    """Move back exactly what the merge moved, and record that the two are different people."""
    if merge.undone_at:
        return merge
    keep, other, moved = merge.kept, merge.merged, merge.moved
    for name_id in moved["names"]:
        level = moved.get("name_levels", {}).get(str(name_id)) or moved.get("name_levels", {}).get(name_id)
        PersonName.objects.filter(id=name_id).update(person=other, **({"sensitivity": level} if level else {}))
    PersonName.objects.filter(id=moved.get("primary_name")).delete()
    person_type = ContentType.objects.get_for_model(Person)
    Citation.objects.filter(id__in=moved["citations"], content_type=person_type).update(object_id=other.pk)
    _point_rows(moved, other)
    from qorgau.campaigns.models import UrgentAction

    for ua in UrgentAction.objects.filter(id__in=moved["urgent_actions"]):
        ua.persons.add(other)
        if not Act.objects.filter(victim_person=keep, urgent_actions=ua).exists():
            ua.persons.remove(keep)
    Person.objects.filter(pk=other.pk).update(merged_into=None)
    merge.undone_at = timezone.now()
    merge.save(update_fields=["undone_at"])
    write_entry("unmerge", actor=actor, record_type="Person", record_uid=keep.uid, changes={"restored": other.uid})
    other.refresh_from_db()
    indexing.reindex(keep)
    indexing.reindex(other)
    _derived_changed(keep, other)
    previous = current_judgement(keep.uid, other.uid)
    judgement = Judgement.objects.create(uid=new_uid("jdg_"), left_uid=keep.uid, right_uid=other.uid,
                                         decision="different", actor=actor if getattr(actor, "pk", None) else None,
                                         actor_label=actor_label(actor), at=timezone.now(),
                                         note=note or "unmerged")
    if previous:
        previous.superseded_by = judgement
        previous.save(update_fields=["superseded_by"])
    return merge


def resolve(*, actor="resolver", persons=None, auto=AUTO):
    """Link what is certain, queue what is likely. Respects every standing judgement. Returns counts.

    A record known only by a family name or initials is linked automatically only when a single record could be
    meant: "Bokaev" after "Maks Bokaev" in one document, but not when two Bokaevs are recorded."""
    if not transaction.get_connection().in_atomic_block or _RUN.get() is not None:
        return _resolve(actor, persons, auto)   # each merge its own transaction, renewing what it changed
    # Inside the caller's transaction (an ingest): the run's merges renew the index and derived data once, at
    # its end (_Merges), in that transaction.
    run = _Merges()
    token = _RUN.set(run)
    try:
        counts = _resolve(actor, persons, auto)
        run.finish()
    finally:
        _RUN.reset(token)
    return counts


class _StaffReader:
    """A staff member without clearance: what a reader of internal records may read."""

    is_authenticated = True
    is_active = True
    cleared_confidential = False
    pk = None
    username = "resolver"


def _reader_of(person):
    """The reader of a record's own level: the public for a public record, staff without clearance otherwise."""
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser() if person.sensitivity == "public" else _StaffReader()


def _certain_at_their_level(left, right, auto, views=None):
    """Whether the pair is as certain from what a reader of the records' own level may read (their names and context
    at that level). A merge publishes itself: the old page of the merged record leads to the kept one and its name
    becomes the kept one's name at its level, so a merge of two public records resting on a confidential alias (or a
    confidential act, relative...) would tell the public what the alias's level hides (session 14 audit).
    `views` (a run's _LevelViews): the contexts at that level kept for the run, the same as read afresh."""
    from qorgau.lib.sensitivity import levels_for

    from . import scoring

    reader = _reader_of(left)
    allowed = set(levels_for(reader))
    names = {p.pk: [(name, level) for name, level in names_of(p) if level in allowed] for p in (left, right)}
    if not names[left.pk] or not names[right.pk]:
        return False
    context = views.contexts([left, right], reader) if views is not None \
        else scoring.contexts([left, right], reader=reader)
    score, evidence = score_persons(left, right, names, context)
    return _links(score, evidence, auto)


class _LevelViews:
    """The run's persons as a reader of each record level reads them (scoring.contexts), for the re-check before each
    automatic merge (_certain_at_their_level): read once for every pair of the run that may come to it, and after each
    merge read again only for the records the merge can change (session 16; before, one `contexts` call of ~8
    queries per merge, ~0.8 s of a 50,000-word ingest). A merge of `other` into `keep` moves rows that point at
    `other` (citations, Urgent Actions, acts and their articles and places, involvements, relations) to `keep`, and
    changes nothing of any record's own fields. So it changes the context of: the two records; every record related
    to either (its relation now points at `keep`); every record with an act of a (type, date) that either has (the
    count of distinct victims of such acts, `act_victims`, may drop). Those are dropped and read again when asked;
    every other record's context stays exactly what a fresh `contexts` gives (tests/test_resolution_views.py
    compares the two after every merge of a generated run). Used by a run inside its caller's transaction only
    (`resolve` in an ingest), where nothing but the run writes between its merges."""

    def __init__(self, candidates, auto):
        self.wanted = {}   # reader's level kind -> {pk: person} of the pairs that may be re-checked at that level
        for left, right, score, evidence in candidates:
            if left.sensitivity == right.sensitivity != "confidential" and _links(score, evidence, auto):
                self.wanted.setdefault(self._kind(left), {}).update({left.pk: left, right.pk: right})
        self.kept = {}     # kind -> {pk: Context}
        self.gone = set()  # records merged away: never asked again

    @staticmethod
    def _kind(person):
        return "public" if person.sensitivity == "public" else "staff"

    def contexts(self, persons, reader):
        from . import scoring

        kind = self._kind(persons[0])
        kept = self.kept.setdefault(kind, {})
        if any(p.pk not in kept for p in persons):
            # every record of this level not kept now (first call, or dropped by merges), in one reading
            read = {pk: p for pk, p in self.wanted.get(kind, {}).items() if pk not in kept and pk not in self.gone}
            read.update((p.pk, p) for p in persons)
            ids = sorted(read)
            for at in range(0, len(ids), 500):
                kept.update(scoring.contexts([read[pk] for pk in ids[at:at + 500]], reader=reader))
        return {p.pk: kept[p.pk] for p in persons}

    def merged(self, left, right):
        """After a merge of the two: drop what it may have changed (see the class)."""
        reach = _merge_reach(left, right)
        self.gone.update(pk for pk, in reach["folded"])
        stale = {left.pk, right.pk} | {pk for row in reach["related"] for pk in row}
        acts = {(act_type, date) for act_type, date in reach["acts"] if date}
        for kept in self.kept.values():
            for pk in [pk for pk, context in kept.items() if pk in stale or context.acts & acts]:
                del kept[pk]


def _links(score, evidence, auto):
    """The evidence links the pair without a reviewer: above the link, not joined only through a document, not lifted
    over the link by context alone -- asked of all the evidence and again of what the records' own level shows."""
    return score >= auto and not _queue_only(evidence) and not _context_only(evidence, auto)


def _resolve(actor, persons, auto):
    counts = {"merged": 0, "queued": 0, "kept apart": 0}
    candidates = find_candidates(persons)
    standing = _standing_judgements({p.uid for left, right, _s, _e in candidates for p in (left, right)})
    partners = {}
    for left, right, _score, evidence in candidates:
        if _queue_only(evidence):   # joined only through a document: not another record that could be meant
            continue
        partners.setdefault(left.pk, set()).add(right.pk)
        partners.setdefault(right.pk, set()).add(left.pk)
    touched = set()   # persons a merge of this run changed since they were read: read again before their next pair
    # (kept only inside one transaction, an ingest's: a run outside one lets others commit between its merges, and
    # reads afresh at every re-check, as before)
    views = _LevelViews(candidates, auto) if _RUN.get() is not None else None
    for left, right, score, evidence in candidates:
        for person in (left, right):
            if person.pk in touched:
                person.refresh_from_db()
                touched.discard(person.pk)
        for person in (left, right):   # names read when the pairs were found: a merge must read them anew
            getattr(person, "_prefetched_objects_cache", {}).clear()
        if left.merged_into_id or right.merged_into_id:
            continue
        judgement = standing(left.uid, right.uid)
        if judgement and judgement.decision in {"different", "same"}:
            counts["kept apart"] += judgement.decision == "different"
            continue
        partial = any(isinstance(e, dict) and e.get("feature") in PARTIAL for e in evidence)
        # Ambiguous: the record known by a family name or initials only could mean more than one record. (The full
        # record may have several such partners: "Asya" and "Tulesova" both mean "Asya Tulesova".)
        # (asked only of a partial pair: reading the names is two queries, and most pairs are full names)
        ambiguous = partial and any(len(partners.get(p.pk, ())) > 1
                                    for p in [p for p in (left, right) if _known_partly(p) or _known_by_one_word(p)]
                                    or [left, right])
        automatic = _links(score, evidence, auto) and left.sensitivity == right.sensitivity != "confidential" \
            and not ambiguous and _certain_at_their_level(left, right, auto, views)
        if automatic and not judgement:
            do_judge(left, right, actor=actor, decision="same", note=f"automatic, score {score:.2f}")
            if views is not None:
                views.merged(left, right)
            touched.update((left.pk, right.pk))
            counts["merged"] += 1
        else:
            Candidate.objects.update_or_create(left=left, right=right,
                                               defaults={"score": score, "evidence": evidence})
            counts["queued"] += 1
    return counts
