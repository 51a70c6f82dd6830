"""Linking names from a spreadsheet to our persons: blocking by family-name prefix, then the resolver's scoring.

Shared by the list importer (`qorgau.analysis.listimport`) and the table importer (`qorgau.interchange.tables`).
A row is any object with `name`, `name_ru` (optional `birth_year`, `gender`); it gets `person` (our person when
the score reaches the resolver's automatic threshold, else None) and `score`. Confidential persons are never
offered: an import's preview and outcome would say whom we record.
"""

from collections import defaultdict
from types import SimpleNamespace

from qorgau.lib.personnames import parse


def match_rows(rows, *, reader):
    """`reader`: who reads the outcome (`policy.SYSTEM` for the command line). Only names and context that reader
    may see count: a confidential alias or a confidential birth year of an internal person must not decide, or
    show, a match to an uncleared editor."""
    from qorgau.lib.sensitivity import levels_for
    from qorgau.records.models import Person
    from qorgau.records.policy import SYSTEM

    from . import scoring
    from .actions import AUTO, names_of, score_persons

    people = Person.objects.all() if reader is SYSTEM else Person.objects.visible_to(reader)
    everyone = list(people.filter(merged_into__isnull=True).exclude(sensitivity="confidential")
                    .prefetch_related("names"))
    allowed = None if reader is SYSTEM else set(levels_for(reader)) - {"confidential"}
    blocks, names = defaultdict(list), {}
    for person in everyone:
        names[person.pk] = [(n, level) for n, level in names_of(person) if allowed is None or level in allowed]
        for name, _level in names[person.pk]:
            family = parse(name).family
            if family:
                blocks[family[:4]].append(person)
    probes, wanted = [], {}
    for index, row in enumerate(rows):
        probe = SimpleNamespace(pk=-(index + 1))
        names[probe.pk] = [(n, "internal") for n in (row.name, getattr(row, "name_ru", "")) if n]
        candidates = {p.pk: p for n, _ in names[probe.pk] for p in blocks.get((parse(n).family or "")[:4], [])}
        probes.append((row, probe, candidates))
        wanted.update(candidates)
    context = scoring.contexts(list(wanted.values()), reader=reader) if wanted else {}
    for row, probe, candidates in probes:
        context[probe.pk] = scoring.Context(birth_year=getattr(row, "birth_year", None),
                                            gender=getattr(row, "gender", "") or "")
        best, best_score = None, 0.0
        for person in candidates.values():
            score, _evidence = score_persons(probe, person, names, context)
            if score > best_score:
                best, best_score = person, score
        row.score = best_score
        row.person = best if best is not None and best_score >= AUTO else None
    return rows
