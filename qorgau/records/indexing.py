"""Keeping the search index in step with records, and asking it.

Each record gets one SearchEntry row per sensitivity level of its text, so a
confidential alias lives in a confidential row that less cleared readers never
match. The index is derived data: `rebuild_index()` recreates it.
"""

import re

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from qorgau.keys.blind import blind_terms, token
from qorgau.lib import sensitivity as levels
from qorgau.lib.personnames import _is_patronymic as is_patronymic
from qorgau.lib.personnames import compare, latin_apostrophes, name_search_terms, query_alternatives, skeleton_terms
from qorgau.lib.personnames import parse as parse_name
from qorgau.lib.textfold import fold as fold_word
from qorgau.lib.textfold import query_words, search_terms

from .models import Event, Organisation, Person, PersonName, Place, Provision, SearchEntry
from .registry import listeners


def _texts_by_level(record):
    """(level, text) pairs for one record; the text of each level only."""
    kind = index_kind(record)
    by_level = {}

    def add(level, text):
        if text:
            by_level.setdefault(levels.highest(record.sensitivity, level), []).append(text)

    if kind in {"person", "organisation", "place"}:
        add(None, record.name)
        for name in record.names.all():
            add(name.sensitivity, name.name)
    elif kind == "event":
        add(None, record.title)
        add(record.field_sensitivity.get("description"), record.description)
    elif kind == "provision":
        add(None, " ".join([record.uid, record.code, record.article, record.title_en, record.title_ru,
                             record.title_kk]))
    elif kind == "document":
        add(None, record.title)
        add(record.field_sensitivity.get("text"), record.text)
    if kind == "person":   # plus spelling-blind keys of every name: "Qazyhanov" finds Kazykhanov
        pairs = [(level, search_terms(" ".join(texts)) + " " + name_search_terms(" ".join(texts)))
                 for level, texts in by_level.items()]
    else:
        pairs = [(level, search_terms(" ".join(texts))) for level, texts in by_level.items()]
    return [(level, _stored_terms(level, terms)) for level, terms in pairs]


def _stored_terms(level, terms):
    # Confidential rows hold keyed tokens, not words (a blind index: qorgau/keys/blind.py).
    return blind_terms(terms) if level == levels.CONFIDENTIAL else terms


def index_kind(record):
    return type(record).__name__.lower()


def reindex(record):
    """Replace the search rows of one record. Costs one delete and a few inserts."""
    kind = index_kind(record)
    SearchEntry.objects.filter(kind=kind, record_id=record.pk).delete()
    SearchEntry.objects.bulk_create(
        [SearchEntry(kind=kind, record_id=record.pk, level=level, text=text) for level, text in _texts_by_level(record)]
    )
    if kind == "person":
        for listener in listeners():
            listener.refresh([record])


def reindex_many(records):
    """Replace the search rows of many records of any kinds: one delete per kind, names fetched in one query per
    kind, one insert."""
    from django.db.models import prefetch_related_objects

    by_kind = {}
    for record in records:
        by_kind.setdefault(index_kind(record), []).append(record)
    rows = []
    for kind, group in by_kind.items():
        for at in range(0, len(group), 500):
            part = group[at:at + 500]
            SearchEntry.objects.filter(kind=kind, record_id__in=[r.pk for r in part]).delete()
            if hasattr(part[0], "names"):
                prefetch_related_objects(part, "names")
        rows += [SearchEntry(kind=kind, record_id=r.pk, level=level, text=text)
                 for r in group for level, text in _texts_by_level(r)]
    SearchEntry.objects.bulk_create(rows, batch_size=2000)
    if by_kind.get("person"):
        for listener in listeners():
            listener.refresh(by_kind["person"])


def unindex(record):
    SearchEntry.objects.filter(kind=index_kind(record), record_id=record.pk).delete()
    if index_kind(record) == "person":
        for listener in listeners():
            listener.forget(record)


# Other data derived from a person's names is kept when its search rows are: `registry.listeners()`, modules with
# refresh(persons), forget(person) and rebuild(). The resolver's stored blocking keys register there
# (resolution/apps.py), so every action that changes a person's names keeps them without records importing resolution.


def rebuild_index():
    """Recreate every row. Used by `qorgau init` and after bulk imports."""
    from qorgau.documents.models import Document

    SearchEntry.objects.all().delete()
    rows = []
    for model in (Person, Organisation, Place, Event, Provision, Document):
        queryset = model.objects.all()
        if model is Person:  # a person merged away is unindexed by the merge (its names live on the kept one)
            queryset = queryset.filter(merged_into__isnull=True)
        if hasattr(model, "names"):
            queryset = queryset.prefetch_related("names")
        for record in queryset.iterator(chunk_size=2000):
            kind = index_kind(record)
            rows.extend(SearchEntry(kind=kind, record_id=record.pk, level=lv, text=tx)
                        for lv, tx in _texts_by_level(record))
            if len(rows) >= 5000:
                SearchEntry.objects.bulk_create(rows)
                rows = []
    SearchEntry.objects.bulk_create(rows)
    for listener in listeners():
        listener.rebuild()


def matching_record_ids(kind, query, user, *, exact=False):
    """A subquery of the ids of `kind` records whose visible text matches every word, as prefixes.

    For persons each word may also match by its name keys (any spelling, declined forms, phonetic key);
    `exact=True` asks for the words as written only (used to rank those matches first).

    Plain rows are matched on their words; confidential rows (for cleared readers) on blind tokens of the
    same alternatives (qorgau/keys/blind.py)."""
    if kind == "person":
        query = latin_apostrophes(query or "")
    words = query_words(query)
    allowed = levels.levels_for(user)
    plain_levels = [level for level in allowed if level != levels.CONFIDENTIAL]
    blind = levels.CONFIDENTIAL in allowed
    rows = SearchEntry.objects.filter(kind=kind, level__in=allowed)
    if not words:
        return rows.none().values("record_id")
    names = kind == "person" and not exact
    raw = re.findall(r"\w+", query or "")[:8]   # as typed: ş, ğ, ı of the Kazakh Latin alphabet not yet folded
    raw = raw if len(raw) == len(words) else words
    if names:
        # Initials and patronymics need not match a word of the row (a record may lack them): the name comparison
        # below (`near_person_ids`) weighs them. Without any other word, they are all that is asked.
        kept = [(w, t) for w, t in zip(words, raw) if len(w) >= 3 and not is_patronymic(w)]
        words, raw = ([w for w, _ in kept], [t for _, t in kept]) if kept else (words, raw)
    groups = [query_alternatives(word, typed) if names else ([word], []) for word, typed in zip(words, raw)]
    near = near_person_ids(query, user) if names else []
    token_groups = [[token(w) for w in [*prefixes, *whole]] for prefixes, whole in groups] if blind else []
    if connection.vendor == "sqlite":
        fts = "SELECT rowid FROM records_search_fts WHERE records_search_fts MATCH %s"
        match = " AND ".join("(" + " OR ".join([f'"{w}"*' for w in prefixes] + [f'"{w}"' for w in whole]) + ")"
                             for prefixes, whole in groups)
        condition = Q(level__in=plain_levels, id__in=RawSQL(fts, [match]))
        if near:
            condition |= Q(level__in=plain_levels, record_id__in=near)
        if blind:
            blind_match = " AND ".join("(" + " OR ".join(f'"{t}"' for t in tokens) + ")" for tokens in token_groups)
            condition |= Q(level=levels.CONFIDENTIAL, id__in=RawSQL(fts, [blind_match]))
        return rows.filter(condition).values("record_id")
    # PostgreSQL: OFFSET 0 keeps the planner from turning this into a semi-join that walks the
    # outer table in name order and tests each row (slow when the matches sort late); it
    # evaluates the GIN index match first instead.
    tsquery = " & ".join("(" + " | ".join([f"{w}:*" for w in prefixes] + list(whole)) + ")" for prefixes, whole in groups)
    sql = ("SELECT record_id FROM records_searchentry WHERE kind = %s AND level = ANY(%s) "
           "AND to_tsvector('simple', text) @@ to_tsquery('simple', %s)")
    params = [kind, plain_levels, tsquery]
    if blind:
        sql += (" UNION ALL SELECT record_id FROM records_searchentry WHERE kind = %s AND level = %s "
                "AND to_tsvector('simple', text) @@ to_tsquery('simple', %s)")
        params += [kind, levels.CONFIDENTIAL, " & ".join("(" + " | ".join(tokens) + ")" for tokens in token_groups)]
    if near:
        sql += " UNION ALL SELECT unnest(%s::bigint[])"
        params.append(near)
    return RawSQL(f"SELECT record_id FROM ({sql}) AS matches OFFSET 0", params)


NEAR_CANDIDATES = 2000     # records fetched by any one word before the names are compared (bounded work)
NEAR_AT = 0.1              # the review threshold of resolution: a name this close is worth showing


def near_person_ids(query, user):
    """Ids of persons whose visible name is close to the query by the resolver's name comparison, found through
    ANY query word (or its keys): a typo in one word ("Bekzhn Dauletov"), an initial ("Б. Даулетову"), a
    patronymic the record lacks. Only plain (not confidential) names are compared; at most NEAR_CANDIDATES rows.
    """
    query = latin_apostrophes(query or "")
    words = [w for w in query_words(query) if len(w) >= 3 and not is_patronymic(w)]
    if not words:
        return []
    allowed = [level for level in levels.levels_for(user) if level != levels.CONFIDENTIAL]
    raw = re.findall(r"\w+", query or "")[:8]
    candidates = set()
    for word in words:
        typed = next((r for r in raw if fold_word(r) == word), None)
        prefixes, whole = query_alternatives(word, typed)
        # A typo past the first letters: the first four letters of each key (three for a one-word query) find the
        # record too; the name comparison below decides.
        cut = 3 if len(words) == 1 else 4
        prefixes = list(dict.fromkeys(prefixes + [k[:cut] for k in prefixes if len(k) > cut + 1 and k.isalpha()]))
        whole = list(whole) + skeleton_terms([k for k in prefixes if k.isalpha()])
        if connection.vendor == "sqlite":
            match = " OR ".join([f'"{w}"*' for w in prefixes if len(w) >= cut] + [f'"{w}"' for w in whole]
                                + [f'"{w}"' for w in prefixes if len(w) < cut])
            ids = SearchEntry.objects.filter(kind="person", level__in=allowed, id__in=RawSQL(
                "SELECT rowid FROM records_search_fts WHERE records_search_fts MATCH %s", [match]))
        else:
            tsquery = " | ".join([f"{w}:*" if len(w) >= cut else w for w in prefixes] + list(whole))
            ids = SearchEntry.objects.filter(kind="person", level__in=allowed, id__in=RawSQL(
                "SELECT id FROM records_searchentry WHERE kind = 'person' "
                "AND to_tsvector('simple', text) @@ to_tsquery('simple', %s)", [tsquery]))
        candidates.update(ids.values_list("record_id", flat=True)[:NEAR_CANDIDATES])
        if len(candidates) >= NEAR_CANDIDATES:
            break
    if not candidates:
        return []
    wanted = parse_name(query)
    close = set()
    records = Person.objects.filter(pk__in=list(candidates)[:NEAR_CANDIDATES], sensitivity__in=allowed)
    for pk, name in records.values_list("pk", "name"):
        if name_score(wanted, name) >= NEAR_AT:
            close.add(pk)
    for pk, name in PersonName.objects.filter(
            person_id__in=[pk for pk in candidates if pk not in close], person__sensitivity__in=allowed,
            sensitivity__in=allowed).values_list("person_id", "name"):
        if pk not in close and name_score(wanted, name) >= NEAR_AT:
            close.add(pk)
    return sorted(close)


def name_score(wanted, name):
    return compare(wanted, parse_name(name))[0]


def ranked(queryset, kind, query, user):
    """Search results best first: records matching the words as written, then by spelling keys, by name."""
    from django.db.models import Case, IntegerField, Value, When

    queryset = queryset.annotate(search_rank=Case(
        When(id__in=matching_record_ids(kind, query, user, exact=True), then=Value(0)),
        default=Value(1), output_field=IntegerField()))
    if kind != "person":
        return queryset.order_by("search_rank", "name")
    # Persons: by how close the name is to the query (the resolver's comparison), when the results are few enough
    # to compare (RANK_AT_MOST); then as typed first, then by name.
    allowed = [level for level in levels.levels_for(user) if level != levels.CONFIDENTIAL]
    rows = list(queryset.filter(sensitivity__in=allowed).values_list("pk", "name")[:RANK_AT_MOST + 1])
    if not rows or len(rows) > RANK_AT_MOST:
        return queryset.order_by("search_rank", "name")
    wanted = parse_name(query or "")
    scores = {pk: name_score(wanted, name) for pk, name in rows}
    for pk, name in PersonName.objects.filter(person_id__in=list(scores), sensitivity__in=allowed) \
            .values_list("person_id", "name"):
        scores[pk] = max(scores[pk], name_score(wanted, name))
    order = sorted(scores, key=lambda pk: -scores[pk])
    closeness = Case(*[When(pk=pk, then=Value(i)) for i, pk in enumerate(order)], default=Value(len(order)),
                     output_field=IntegerField())
    return queryset.annotate(name_rank=closeness).order_by("name_rank", "search_rank", "name")


RANK_AT_MOST = 300


def search(model, query, user):
    """Records of `model` visible to `user` whose visible names or text match `query`."""
    kind = model.__name__.lower()
    return model.objects.visible_to(user).filter(id__in=matching_record_ids(kind, query, user))
