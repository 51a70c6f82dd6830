"""The directory of offices to write to: one entry per office, holder and tenure."""


def office_key(target):
    """One office held by one person over one tenure: the same target however many sources gave its address."""
    holder = target.holder_id or " ".join((target.holder_name or "").casefold().split())
    return (" ".join(target.office.casefold().split()), holder, target.valid_from, target.valid_to)


def directory(targets, reader=None):
    """[(target, [other entries for the same office])]: the most recently changed entry stands for the office --
    changed as `reader` may see (a save of a field kept above their level moves `updated_at` too, and would tell
    them that it changed by which entry stands first; session 17)."""
    from qorgau.records.versions import last_seen_at

    groups = {}
    for target in targets:
        groups.setdefault(office_key(target), []).append(target)
    entries = []
    for group in groups.values():
        if len(group) > 1:
            group.sort(key=lambda t: (last_seen_at(t, reader), t.pk), reverse=True)
        entries.append((group[0], group[1:]))
    return sorted(entries, key=lambda entry: (entry[0].office.casefold(), entry[0].valid_from or ""))
