"""Stored blocking keys: which records a new person is compared with.

`find_candidates` pairs two records when a name of each shares a block key (`scoring.blocking_keys`: family-name
prefix, its phonetic form, given name + family ending), or when one record is named by a single word that is the
other's given name. Reading every person to build those blocks costs time that grows with the database; for new
persons (an ingest, a list import) the keys are stored per person (`BlockingKey`), so the records sharing a key
are one indexed query. Kinds of stored key:

- the block keys themselves ("f:…", "p:…", "g:…");
- "n:<given>" for every given-name key of every name (`parse(name).given_alts`);
- "l:<family>" for a name that is a single word read as a family name (no given name, no initials, order not
  known): paired with the records having "n:<that word>".
Stored as keyed tokens (HMAC with the search index's key), never in the clear.

Kept by `qorgau.records.indexing` wherever a person's search rows are (re)written, so every action that changes
a person's names keeps them; `rebuild()` recomputes all (after a change to the keys' rules: `qorgau init`
rebuilds the search index, and these with it).
"""

import hashlib
import hmac

from qorgau.lib.personnames import parse


def name_keys(name):
    """The keys of one name, in the clear (never stored so: see `Stored`)."""
    from . import scoring

    parsed = parse(name)
    keys = set(scoring.blocking_keys(parsed))
    for alts in parsed.given_alts:
        for given in alts:
            keys.add("n:" + given)
    if parsed.family and not (parsed.given or parsed.initials or parsed.order_known):
        keys.add("l:" + parsed.family)
    return keys


def person_keys(names):
    """Keys of a person from its names (strings): the union over the names."""
    keys = set()
    for name in names:
        keys |= name_keys(name)
    return keys


class Stored:
    """Keys as stored: HMAC(index key, key), so the table shows no name, not even a confidential name's first
    letters (as the blind search index: qorgau/keys/blind.py). Equal keys give equal tokens, so blocks still meet."""

    def __init__(self):
        from qorgau.keys import keyring

        self.secret, self.cache = keyring.secret("index"), {}

    def __call__(self, key):
        token = self.cache.get(key)
        if token is None:
            token = self.cache[key] = hmac.new(self.secret, b"block:" + key.encode("utf-8"),
                                               hashlib.sha256).hexdigest()[:40]
        return token


def _names(person):
    # The primary name and every other name, at any level (blocking ignores levels, as find_candidates does).
    return [person.name] + [n.name for n in person.names.all()]


def refresh(persons, stored=None):
    """Replace the keys of these persons (Person objects; their names are read, prefetched or not). Merged-away
    records keep none."""
    from .models import BlockingKey

    persons = [p for p in persons if p.pk is not None]
    if not persons:
        return
    stored = stored or Stored()
    ids = [p.pk for p in persons]
    for at in range(0, len(ids), 500):
        BlockingKey.objects.filter(person_id__in=ids[at:at + 500]).delete()
    # the same rows as bulk_create of BlockingKey instances, in the same order, without an instance per key
    from qorgau.lib.bulk import insert_values

    insert_values(BlockingKey, ("person", "key"), [(p.pk, stored(key)) for p in persons if p.merged_into_id is None
                                                   for key in sorted(person_keys(_names(p)))])


def forget(person):
    from .models import BlockingKey

    BlockingKey.objects.filter(person_id=person.pk).delete()


def rebuild():
    """Recompute every person's keys."""
    from qorgau.records.models import Person

    from .models import BlockingKey

    BlockingKey.objects.all().delete()
    if not Person.objects.exists():
        return
    stored, batch = Stored(), []
    for person in Person.objects.filter(merged_into__isnull=True).prefetch_related("names").iterator(chunk_size=2000):
        batch.append(person)
        if len(batch) >= 2000:
            refresh(batch, stored)
            batch = []
    refresh(batch, stored)


def partners(focus):
    """For find_candidates restricted to pairs with a focus person (Person objects, not merged away, names
    prefetched): (blocks, lone).
    blocks = {block key: set of person ids} for every block key of a focus person, complete (every record not
    merged away holding the key, so a block's size is known); lone = set of (id named by one word, id with that word
    as a given name) with a focus person on one side. One indexed query per 500 keys."""
    from .models import BlockingKey

    stored = Stored()
    own = {}
    for person in focus:
        for key in person_keys(_names(person)):
            own.setdefault(key, set()).add(person.pk)
    wanted = {}   # stored token -> clear key
    for key in own:
        kind, _, rest = key.partition(":")
        other = {"l": "n:", "n": "l:"}.get(kind, kind + ":") + rest
        wanted[stored(other)] = other
    holders = {}
    tokens = sorted(wanted)
    live = BlockingKey.objects.filter(person__merged_into__isnull=True)
    for at in range(0, len(tokens), 500):
        for pk, token in live.filter(key__in=tokens[at:at + 500]).values_list("person_id", "key"):
            holders.setdefault(wanted[token], set()).add(pk)
    blocks = {key: holders.get(key, set()) | ids for key, ids in own.items() if key[:2] not in {"l:", "n:"}}
    focus_ids = {p.pk for p in focus}
    lone = set()
    for word in {key[2:] for key in own if key[:2] in {"l:", "n:"}}:
        lone_ids = own.get("l:" + word, set()) | holders.get("l:" + word, set())
        given_ids = own.get("n:" + word, set()) | holders.get("n:" + word, set())
        for a in lone_ids:
            for b in given_ids:
                if a != b and (a in focus_ids or b in focus_ids):
                    lone.add((a, b))
    return blocks, lone
