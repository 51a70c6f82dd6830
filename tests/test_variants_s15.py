"""Every variant kind of issue 12 on NEW names (session 15): each spelling of a made-up person must be merged or
queued by resolution AND found by search (the person list, the picker's autocomplete, the API: docs/search.md).

Persons are built from parts (tests/generative/apart_s15: the lexicon's given names, family names from an ancestor's
given name), with another seed than the apart set; the variants come from the generators' own rules (Russian and
Kazakh cases, the plain and 2021 Latin tables), written apart from `qorgau.lib.personnames`.

    PYTHONPATH=$PWD pytest tests/test_variants_s15.py -s      # prints found / linked counts by kind
"""

import random
from collections import Counter

import pytest

from qorgau.records import actions
from qorgau.resolution.scoring import REVIEW, pair_probability
from tests.generative import kk, ru
from tests.generative.apart import LATIN_SWAP, family, latin, typo
from tests.generative.apart_s15 import Names, latin2021, other_spelling
from tests.searching import search_hits

SEED = 15015


def _typo_latin(word, r):
    return typo(r, word, LATIN_SWAP)


def _kh(word):
    return word.replace("kh", "h") if "kh" in word else word.replace("h", "kh")


def persons(n=8, seed=SEED):
    """(recorded name, male, [(kind, spelling)]) for n made-up persons, men and women in turn."""
    r = random.Random(seed)
    names = Names(r)
    out = []
    for i in range(n):
        male = i % 2 == 0
        fam = family(names.stem())
        given = r.choice(names.men if male else names.women)
        fam = fam if male else fam + "а"
        v = []
        for case in ("gen", "dat", "ins", "prep"):
            v.append((f"ru {case}", f"{ru.decline_given(given, male, case)} {ru.decline_family(fam, male, case)}"))
        for case in ("gen", "acc", "dat", "ins"):
            v.append((f"kk {case}", f"{given} {kk.decline(fam, case)}"))
        v.append(("ru given alone, declined", ru.decline_given(given, male, 'dat')))
        v.append(("latin", f"{latin(given)} {latin(fam)}"))
        v.append(("latin -yev/ye", f"{latin(given, 1)} {latin(fam, 1)}"))
        v.append(("latin 2021", f"{latin2021(given)} {latin2021(fam)}"))
        v.append(("kh/h", f"{_kh(latin(given))} {_kh(latin(fam))}"))
        v.append(("initial dotted", f"{latin(given)[0]}. {latin(fam)}"))
        v.append(("initial no dot", f"{latin(given)[0]} {latin(fam)}"))
        v.append(("initial glued", f"{given[0]}.{fam}"))
        v.append(("family first, capitals", f"{fam.upper()} {given}"))
        v.append(("family first, capitals, Latin", f"{latin(fam).upper()} {latin(given)}"))
        alt = other_spelling(latin(fam, 1))
        if alt:
            v.append(("family alone, another spelling", alt))
        v.append(("typo, Latin", f"{latin(given)} {_typo_latin(latin(fam), r)}"))
        v.append(("typo, Cyrillic", f"{given} {fam[:3]}{'о' if fam[3] != 'о' else 'а'}{fam[4:]}"))
        out.append((f"{given} {fam}", male, v))
    return out


KK_RU = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
                       "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И"})


def _kk_given():
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "qorgau" / "documents" / "extract" / "lexicon" / "kk" / \
        "given_names.tsv"
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8") if "\t" in line
            and not line.startswith("#")]
    return [(n, g == "m") for n, g in rows if any(ch in n for ch in "әғқңөұүһі")]


def persons_kk(n=8, seed=SEED):
    """Persons written in Kazakh Cyrillic (given names with Kazakh letters, family names from another such name, some
    with -ұлы/-қызы), and their Russian-form, Latin, 2021 Latin, declined and -uly spellings."""
    r = random.Random(seed + 1)
    pool = _kk_given()
    r.shuffle(pool)
    men = [g for g, m in pool if m]
    out = []
    for i in range(n):
        given, male = pool[i % len(pool)]
        stem = men[(i * 7 + 3) % len(men)]
        if stem == given:
            stem = men[(i * 7 + 4) % len(men)]
        uly = i % 4 == 3
        fam = stem + ("ұлы" if male else "қызы") if uly else stem + ("ов" if stem[-1] not in "жш" else "ев") + \
            ("" if male else "а")
        ru_given, ru_fam = given.translate(KK_RU), fam.translate(KK_RU)
        v = [("kk Russian form", f"{ru_given} {ru_fam}"),
             ("kk Latin (press)", f"{latin(given)} {latin(fam)}"),
             ("kk Latin 2021", f"{latin2021(given)} {latin2021(fam)}"),
             ("kk gen", f"{given} {kk.decline(fam, 'gen')}"),
             ("kk dat", f"{given} {kk.decline(fam, 'dat')}"),
             ("kk Russian form, ru dat",
              f"{ru.decline_given(ru_given, male, 'dat')} {ru.decline_family(ru_fam, male, 'dat')}"),
             ("kk initial, Latin", f"{latin(given)[0]}. {latin(fam)}"),
             ("kk family first, capitals", f"{fam.upper()} {given}")]
        if uly:
            v.append(("kk -uly written -uly/-kyzy", f"{latin(given)} {latin(stem)}{'uly' if male else 'kyzy'}"))
        out.append((f"{given} {fam}", male, v))
    return out


def persons_yo():
    """Russian names with ё, printed with е and in Latin (yo, e, io)."""
    out = []
    for given, fam, male in (("Фёдор", "Клёнов", True), ("Артём", "Зелёнов", True), ("Алёна", "Семёнова", False),
                             ("Пётр", "Берёзкин", True)):
        flat = lambda w: w.replace("ё", "е")   # noqa: E731
        yo = lambda w, t: latin(w).replace("yo", t)   # noqa: E731
        v = [("ё written е", f"{flat(given)} {flat(fam)}"), ("ё as yo", f"{latin(given)} {latin(fam)}"),
             ("ё as e", f"{yo(given, 'e')} {yo(fam, 'e')}"), ("ё as io", f"{yo(given, 'io')} {yo(fam, 'io')}"),
             ("ё written е, ru gen", f"{flat(ru.decline_given(given, male, 'gen'))} "
                                    f"{flat(ru.decline_family(fam, male, 'gen'))}")]
        out.append((f"{given} {fam}", male, v))
    return out


def every_table():
    return persons() + persons_kk() + persons_yo()


def test_every_variant_is_merged_or_queued_by_resolution():
    """Names alone (a one-word mention with its document's weight, as `evaluate --resolution` scores)."""
    missed, counts = [], Counter()
    for name, _male, variants in every_table():
        for kind, spelling in variants:
            p = pair_probability(name, spelling)
            counts[kind, "linked" if p >= 0.9 else "queued" if p >= REVIEW else "missed"] += 1
            if p < REVIEW:
                missed.append((kind, name, spelling, round(p, 3)))
    print()
    for kind in sorted({k for k, _ in counts}):
        print(f"{kind:34} linked {counts[kind, 'linked']:2}  queued {counts[kind, 'queued']:2}  "
              f"missed {counts[kind, 'missed']:2}")
    assert not missed, missed


@pytest.mark.django_db
def test_every_variant_is_found_by_search_autocomplete_and_api(client, alice):
    client.force_login(alice)
    table = every_table()
    uids = {}
    for name, male, _ in table:
        uids[name] = actions.do_create_person(actor=alice, name=name, sensitivity="public", roles=["activist"],
                                              gender="m" if male else "f").uid
    unfound, counts = [], Counter()
    for name, _male, variants in table:
        for kind, spelling in variants:
            for path in ("/persons/", "/persons/suggest/", "/api/persons/"):
                hits = search_hits(client, path, spelling)
                ok = uids[name] in hits
                counts[kind, ok] += 1
                if not ok:
                    unfound.append((kind, path, name, spelling))
    print()
    for kind in sorted({k for k, _ in counts}):
        print(f"{kind:34} found {counts[kind, True]:3}  not found {counts[kind, False]:3}")
    assert not unfound, unfound
