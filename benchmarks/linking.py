"""Linking a generated list with realistic Kazakh and Russian names: time, peak memory, precision, recall.

    python benchmarks/linking.py --sizes 10000 100000 1000000 [--detail] [--engine bulk|splink] [--threshold P]

The engine is qorgau.resolution.bulk (numpy, rapidfuzz) by default, or the Splink model (qorgau.resolution.lists).
With --detail, the share of true pairs kept by blocking, by scoring and by clustering is printed per kind of
variant; each record's kind is noted by the generator apart from the record, so the linker never sees it.

Each size is run in a fresh process. Records are generated here (`--names realistic`, the default since session 7):
people with Kazakh and Russian given names drawn Zipf-like from a few hundred men's and women's names, family names
made as in Kazakhstan from an ancestor's given name (about 2,500 ancestors' names, the commonest real ones first,
-ov/-ev/-ova/-eva, some -uly/-kyzy or without -ov) or Russian, Korean, Uzbek family names (about 200), so that the
commonest family name covers about 0.5% of the people and the 33 commonest about 8% (real: 0.43% and 4.9%); a
patronymic from the father's name; birth years spread around 1975 (1935-2006) and cities weighted by population;
brothers and sisters (one family name and patronymic). `--names small` is sessions 5-6's generator (about 100 men's
and 70 women's names and 640 family roots, drawn uniformly: a full name held by seven people on average), kept to
compare. Each person is recorded 1-3 times with the variants lists carry: Latin transliterations (zh/j, kh/h, y/i,
-yev/-ev), the Kazakh Latin alphabet of 2021, Cyrillic, lists' FAMILY Given Patronymic, Russian declension,
initials, typos, and a typo with an initial. Precision and recall are pairwise against the generated truth.
"""

import argparse
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GIVEN_M = ["Aidos", "Arman", "Askar", "Azamat", "Bakhyt", "Bauyrzhan", "Berik", "Daniyar", "Dauren", "Erlan", "Galym",
           "Kairat", "Kanat", "Marat", "Murat", "Nurlan", "Ruslan", "Serik", "Talgat", "Timur", "Yerzhan", "Zhandos",
           "Almas", "Bolat", "Daulet", "Duman", "Ermek", "Nurzhan", "Samat", "Yerbol", "Alikhan", "Rustem", "Sanzhar",
           "Abzal", "Adil", "Aibek", "Aidar", "Akhmet", "Alibek", "Altynbek", "Amir", "Arsen", "Aset", "Asylbek",
           "Ayan", "Azat", "Baglan", "Bakytzhan", "Batyrkhan", "Beibit", "Bekzat", "Bekzhan", "Birzhan", "Chingiz",
           "Dias", "Dinmukhamed", "Eldar", "Erbolat", "Erkin", "Gabit", "Ilyas", "Islam", "Kaisar", "Kuanysh",
           "Madi", "Makhambet", "Maksat", "Medet", "Miras", "Mukhtar", "Nurbolat", "Nursultan", "Olzhas", "Rakhat",
           "Rinat", "Sabit", "Saken", "Sayat", "Serikbol", "Sultan", "Syrym", "Talgatbek", "Temirlan", "Ulan",
           "Yerlan", "Yermek", "Yesset", "Zhanbolat", "Zhasulan", "Zhomart", "Aleksandr", "Sergey", "Dmitriy",
           "Andrey", "Vladimir", "Igor", "Oleg", "Viktor", "Yevgeniy", "Pavel", "Maksim", "Denis", "Vadim", "Anton"]
GIVEN_F = ["Aigerim", "Aizhan", "Akmaral", "Aliya", "Asel", "Aruzhan", "Botagoz", "Dana", "Dinara", "Gaukhar",
           "Gulnara", "Madina", "Saule", "Zhanar", "Zarina", "Ainur", "Aisulu", "Gulmira", "Kamila", "Laura", "Meruert",
           "Aida", "Aiman", "Akbota", "Almagul", "Altynai", "Anar", "Aygul", "Balzhan", "Bibigul", "Dariga", "Dilnaz",
           "Elmira", "Gulzhan", "Indira", "Karlygash", "Kuralai", "Lyazzat", "Maira", "Moldir", "Nazira", "Nurgul",
           "Raushan", "Roza", "Sabina", "Sandugash", "Shynar", "Togzhan", "Tomiris", "Ulzhan", "Zhanna", "Zhuldyz",
           "Ainagul", "Asem", "Bakhyt", "Gulshat", "Kulpash", "Mariyam", "Nazym", "Saltanat", "Symbat", "Yerkezhan",
           "Olga", "Tatyana", "Yelena", "Natalya", "Irina", "Svetlana", "Marina", "Yuliya", "Anna", "Larisa"]
# Most Kazakh family names are an ancestor's given name with -ov/-ev (-ova/-eva): Nurlanov, Serikbayev. Ancestors'
# names are the given names above and older names built from the same parts (Nur+bek, Kara+bai, Tur+sun …).
OLD = ["Abai", "Abil", "Aman", "Amangeldi", "Asan", "Baiken", "Baimurat", "Bazar", "Beisen", "Dauletbai", "Dosan",
       "Duisen", "Esen", "Ibrai", "Isa", "Kadyr", "Kasym", "Kenzhe", "Kulzhan", "Kusain", "Mussa", "Nurmagambet",
       "Omarbek", "Orazaly", "Ospan", "Sarsen", "Seit", "Sultanbek", "Tasbolat", "Temir", "Tolegen", "Utebai",
       "Zhaksylyk", "Zhuman", "Zhunus", "Kaliaskar", "Maksut", "Zhakup", "Tursyn", "Yeskendir", "Shaimerden",
       "Sagyndyk", "Rakhym", "Oraz", "Serikbai", "Medeu", "Kuanyshbai", "Tleu", "Zhylan", "Okas", "Smagul", "Kenes"]
HEADS = ["Nur", "Ser", "Zhan", "Asyl", "Bek", "Er", "Bol", "Kair", "Dau", "Aman", "Kuan", "Tur", "Sar", "Altyn", "Bai",
         "Ak", "Kara", "Or", "Sul", "Tol", "Zhak", "Kul", "Es", "Mukhamed", "Sagyn", "Tas", "Temir", "Kydyr"]
TAILS = ["bek", "bai", "khan", "zhan", "bol", "gali", "tai", "lan", "ali", "kul", "murat", "beg", "gazy", "bergen",
         "baev", "kozha", "tay", "ym", "sun", "daulet"]
ANCESTORS = sorted(set(GIVEN_M[:93] + OLD + [h + t for h in HEADS for t in TAILS]))
OTHER_FAMILIES = ["Ivanov", "Petrov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Lebedev", "Kozlov", "Novikov",
                  "Morozov", "Volkov", "Alekseev", "Fedorov", "Mikhailov", "Belov", "Tarasov", "Belyaev", "Kovalenko",
                  "Bondarenko", "Shevchenko", "Kim", "Li", "Tsoi", "Pak", "Ten", "Khan", "Shmidt", "Miller", "Ismailov",
                  "Aliev", "Karimov", "Rakhimov", "Yusupov", "Nazarov", "Umarov", "Gafurov", "Khasanov", "Sharipov"]
PLACES = ["Almaty"] * 6 + ["Astana"] * 4 + ["Shymkent"] * 3 + ["Karaganda", "Aktobe", "Atyrau", "Oral", "Pavlodar",
          "Semey", "Kostanay", "Taraz", "Oskemen", "Kyzylorda", "Aktau", "Petropavl", "Turkistan", "Zhanaozen",
          "Kokshetau", "Taldykorgan", "Ekibastuz", "Temirtau"]

# The realistic name space (default; `--names small` gives the session 5-6 generator above, kept for comparison).
# Real figures it is set against: the 2021 census (about 9.3 million men, 9.7 million women) counted Azamat 63,000
# men (0.68% of men), Serik 53,000, Marat 50,000, Aruzhan 73,000 women (0.75%); 136 men's and 146 women's names are
# borne by more than 10,000 people each, and over 33,000 names by more than 10; the Ministry of Justice (2014, 17.2
# million people) counted Akhmetov(a) 73,627 (0.43%), Omarov(a) 45,123, Kim 42,274, Ospanov(a) 41,068, Ivanov(a)
# 39,296: the 33 commonest family names together 4.9% of the people, and the census found 29,000 family names borne
# by more than 100 people each. The small generator draws about 100 men's and 70 women's names uniformly (each name
# 1% of men, more than the commonest real one) and its 38 Russian, Korean and Uzbek family names 0.53% each (its 33
# commonest family names cover 17%, against 4.9%; a full name is held by seven people on average at a million
# records). Here names are drawn Zipf-like (weight rank^-0.4) from 594 men's and 394 women's given names and about
# 2,500 ancestors' names (given names and names built from the same parts), the real commonest first. Measured at a
# million records (555,600 people; checked by tests/test_linking_generator.py): commonest family name 0.49%,
# the 33 commonest 7.7%, an effective number (1/sum p^2) of 1,660 family names against 537 before; 983 given names
# (effective 698, before 173). So the name space is still NARROWER than the country's (33 commonest 7.7% against
# 4.9%; commonest given names 1.3% of men and 1.7% of women against 0.68% and 0.75%), on purpose: names follow
# fashions by decade, and a list's people born in one year share fewer names than the whole country -- namesakes
# here are if anything more frequent than real, never less. Full name + birth year + city: 187 pairs of people
# share all three at a million records, against 2,194 with the small generator.
M_HEADS = HEADS + ["Ab", "Ad", "Al", "Ar", "As", "Bag", "Bak", "Ber", "Dos", "Ed", "Eg", "Gal", "Is", "Kai", "Kan",
                   "Mak", "Mar", "Mur", "Ol", "Ora", "Rakh", "Sab", "Sag", "Sam", "Sei", "Tal", "Tel", "Ul", "Ut",
                   "Zhar", "Zhum", "Zhol", "Kop", "Ken", "Ulug", "Ermek", "Mels", "Kosh", "Shyn", "Akyl"]
M_TAILS = [t for t in TAILS if t != "baev"] + ["bergen", "gul", "tas", "bay", "mukhamed", "amir", "sultan", "zhar",
                                                  "at", "an", "en", "eke", "dos", "nazar", "ghali", "hat", "erke"]
F_HEADS = ["Ai", "Gul", "Nur", "Zhan", "Ak", "Bal", "Dil", "Kun", "Sau", "Altyn", "Ar", "Mol", "Sha", "Zhu", "Kar",
           "Tol", "Ul", "Bot", "Ana", "Ba", "Da", "Sal", "Ult", "Zer", "Mei", "Kam", "Ras", "Sym"]
F_TAILS = ["gul", "zhan", "nur", "sulu", "dana", "gerim", "zhamal", "shat", "bike", "kul", "mira", "ana", "lym",
           "tay", "aru", "nar", "sha", "ym", "kerim", "zada", "bota"]
# Ministry of Justice order of the commonest family names: their ancestors' names come first.
TOP_ANCESTORS = ["Akhmet", "Omar", "Ospan", "Suleimen", "Iskak", "Abdrakhman", "Ibragim", "Kali", "Sadyk", "Ibrai",
                 "Smagul", "Abdulla", "Isa", "Sultan", "Yusup", "Ismail", "Nurgali", "Karim", "Serik", "Amangeldi",
                 "Bolat", "Marat", "Serikbai", "Murat", "Kusain"]
OTHER_TOP = ["Kim", "Ivanov", "Kuznetsov", "Popov", "Li", "Tsoi", "Bondarenko", "Aliev", "Smirnov", "Pak", "Petrov",
             "Ten", "Karimov", "Ismailov", "Sokolov", "Shevchenko", "Kovalenko", "Yusupov", "Volkov", "Nazarov"]
RU_ROOTS = ["Lebed", "Kozl", "Novik", "Moroz", "Aleks", "Fedor", "Mikhail", "Bel", "Taras", "Orl", "Andre", "Makar",
            "Nikit", "Zakhar", "Zait", "Solov", "Vasil", "Pavl", "Semen", "Golub", "Bogdan", "Vorob", "Fil", "Gus",
            "Tit", "Kuzmin", "Kudryav", "Baran", "Kulik", "Step", "Yakovl", "Sorok", "Serge", "Roman", "Bor",
            "Korol", "Gerasim", "Ponomar", "Grigor", "Lazar", "Medved", "Ersh", "Nikifor", "Dmitri", "Gromov",
            "Krylov", "Markov", "Denis", "Chern", "Sidor", "Kovalev", "Tkach", "Melnik", "Savch", "Klim", "Shved"]


def _zipf(names, exponent=0.4):
    """Cumulative weights rank^-exponent over `names` (in the given order, commonest first)."""
    total, cumulative = 0.0, []
    for rank in range(1, len(names) + 1):
        total += rank ** -exponent
        cumulative.append(total)
    return names, cumulative


def _unique(names):
    seen, out = set(), []
    for name in names:
        if name not in seen and len(name) > 2:
            seen.add(name)
            out.append(name)
    return out


def _realistic_tables():
    table_rng = random.Random(2026)            # the tables are the same for every seed; only the draws change
    men_built = [h + t for h in M_HEADS for t in M_TAILS]
    table_rng.shuffle(men_built)
    men = _unique(GIVEN_M + men_built[:500])
    women_built = [h + t for h in F_HEADS for t in F_TAILS]
    table_rng.shuffle(women_built)
    women = _unique(GIVEN_F + women_built[:330])
    rest = _unique(GIVEN_M + OLD + men_built)
    table_rng.shuffle(rest)
    ancestors = _unique(TOP_ANCESTORS + rest)
    other = _unique(OTHER_TOP + OTHER_FAMILIES + [root + end for root in RU_ROOTS for end in ("ov", "in", "enko")])
    return {"men": _zipf(men), "women": _zipf(women), "ancestors": _zipf(ancestors), "other": _zipf(other)}


REALISTIC = _realistic_tables()


def _draw(rng, table):
    names, cumulative = table
    return rng.choices(names, cum_weights=cumulative)[0]


CYR = {"zh": "ж", "kh": "х", "sh": "ш", "ch": "ч", "ts": "ц", "yu": "ю", "ya": "я", "ye": "е",
       "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и", "y": "ы", "k": "к", "l": "л",
       "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф", "h": "х", "j": "ж"}
LATIN_2021 = [("zh", "j"), ("sh", "ş"), ("kh", "h"), ("y", "ı"), ("ch", "ç")]


def cyrillic(latin):
    low = re.sub(r"(?<=[aeiou])y(?![aeiou])", "й", latin.lower())      # Sergey, Mamay: й
    out, i = "", 0
    while i < len(low):
        pair = low[i:i + 2]
        if pair in CYR:
            out, i = out + CYR[pair], i + 2
        else:
            out, i = out + CYR.get(low[i], low[i]), i + 1
    return out[:1].upper() + out[1:]


def family_name(rng, female, realistic=False):
    """A family name as a person's documents spell it."""
    if rng.random() < 0.2:
        family = _draw(rng, REALISTIC["other"]) if realistic else rng.choice(OTHER_FAMILIES)
        if family[-2:] in ("ov", "ev", "in"):
            return family + ("a" if female else "")
        return family
    ancestor = _draw(rng, REALISTIC["ancestors"]) if realistic else rng.choice(ANCESTORS)
    form = rng.random()
    if form < 0.06:
        return ancestor + ("kyzy" if female else "uly")
    if form < 0.1:
        return ancestor                                        # the -ov dropped (Mamay, Tokmadi)
    if ancestor.endswith("ai") or ancestor.endswith("ay"):
        ancestor = ancestor[:-1] + "y"
    family = ancestor + ("ev" if ancestor[-1] in "aeiouy" else "ov")
    return family + ("a" if female else "")


def typo(word, rng):
    position = rng.randrange(1, len(word))
    return word[:position] + rng.choice("aeiouy") + word[position + 1:]


def variant(given, family, patronymic, rng):
    """One record's spelling of a name, as lists carry them, and its kind (kept apart from the record)."""
    kind = rng.random()
    if kind < 0.22:
        return f"{given} {family}", "latin"
    if kind < 0.34:
        return f"{cyrillic(given)} {cyrillic(family)}", "cyrillic"
    if kind < 0.44:                                            # a list: FAMILY Given Patronymic
        return f"{family.upper()} {given}" + (f" {patronymic}" if patronymic and rng.random() < 0.6 else ""), "list"
    if kind < 0.5:
        return f"{cyrillic(family)} {cyrillic(given)}" + (f" {cyrillic(patronymic)}" if patronymic else ""), "cyrillic list"
    if kind < 0.58:
        return (f"{given[0]}. {family}" if rng.random() < 0.6 else f"{family} {given[0]}."), "initial"
    if kind < 0.68:
        spelled = family.replace("zh", "j").replace("kh", "h") if rng.random() < 0.5 else \
            family.replace("ev", "yev").replace("aev", "ayev")
        return f"{given.replace('y', 'i')} {spelled}", "transliteration"
    if kind < 0.73:                                            # the Kazakh Latin alphabet of 2021
        spelled = [given, family]
        for a, b in LATIN_2021:
            spelled = [w.replace(a, b).replace(a.capitalize(), b.upper()) for w in spelled]
        return " ".join(spelled), "Latin 2021"
    if kind < 0.82:   # Russian declension: "… Абеновой" (f), "… Абенова" (m, genitive), "… Абенову" (dative)
        cyr = cyrillic(family)
        if cyr.endswith(("ов", "ев", "ова", "ева")):
            declined = cyr[:-1] + rng.choice(["ой", "у"]) if cyr.endswith("а") else cyr + rng.choice(["а", "у", "ым"])
        else:
            declined = cyr
        return f"{cyrillic(given)} {declined}", "declined"
    if kind < 0.92:
        return f"{given} {typo(family, rng)}", "typo"
    return f"{given[0]}. {typo(family, rng)}", "typo+initial"


def generate(size, truth, seed=7, kinds=None, names="realistic"):
    """Yields records one at a time (as a CSV reader would) and appends each one's person to `truth`.

    People come in families: 20% have a brother or sister in the list (same family name and patronymic, another
    given name, a birth year a few years apart). Each is recorded 1-3 times; a record misses the birth year one
    time in ten and moves city one time in ten. `names`: "realistic" (the name space above, the default) or "small"
    (sessions 5-6: uniform draws from about 100 + 70 given names and 640 family roots)."""
    if names not in ("realistic", "small"):
        raise ValueError("names: realistic or small")
    realistic = names == "realistic"
    rng = random.Random(seed)
    person = 0
    while len(truth) < size:
        father = _draw(rng, REALISTIC["men"]) if realistic else rng.choice(GIVEN_M[:93])
        household = [rng.random() < 0.45 for _ in range(2 if rng.random() < 0.2 else 1)]
        base_year, home = int(rng.gauss(1975, 14)), rng.choice(PLACES)
        families = {}
        for female in household:
            person += 1
            if realistic:
                given = _draw(rng, REALISTIC["women" if female else "men"])
            else:
                given = rng.choice(GIVEN_F if female else GIVEN_M)
            if female not in families:
                families[female] = family_name(rng, female, realistic)
            family = families[female]
            if len(families) == 2:   # a brother and a sister: one family name in two genders
                other = families[not female]
                family = other[:-1] if other.endswith(("ova", "eva")) and not female else \
                    (other + "a" if other.endswith(("ov", "ev")) and female else family)
            suffix = ("ovna" if female else "ovich") if father[-1] not in "aeiouy" else ("evna" if female else "evich")
            patronymic = father + suffix if rng.random() < 0.7 else None
            year = min(2006, max(1935, base_year + rng.randint(-6, 6)))
            for _ in range(rng.choice([1, 1, 2, 2, 3])):
                if len(truth) == size:
                    return
                truth.append(person)
                name, kind = variant(given, family, patronymic, rng)
                if kinds is not None:
                    kinds.append(kind)
                yield {"id": len(truth) - 1, "name": name,
                       "birth_year": year if rng.random() < 0.9 else None,
                       "place": home if rng.random() < 0.9 else rng.choice(PLACES)}


def pairs(groups):
    return sum(n * (n - 1) // 2 for n in groups.values())


def true_pairs(truth):
    """Every pair of records of one person, as two arrays (left < right)."""
    import numpy as np

    truth = np.asarray(truth)
    order = np.argsort(truth, kind="stable")
    left, right = [], []
    for distance in (1, 2, 3, 4):            # a person has at most three records, adjacent after sorting
        a, b = order[:-distance], order[distance:]
        same = truth[a] == truth[b]
        left.append(np.minimum(a[same], b[same]))
        right.append(np.maximum(a[same], b[same]))
    return np.concatenate(left), np.concatenate(right)


def diagnose(truth, kinds, clusters, stats):
    """Recall of each stage -- blocking (pair among the candidates), scoring (weight above the threshold), clustering
    (same cluster) -- over all true pairs and per variant kind (a pair counts for the kind of each of its records)."""
    import numpy as np

    left, right = true_pairs(truth)
    n = len(truth)
    features = stats["features"]
    packed = stats["left"].astype(np.int64) * n + stats["right"]
    wanted = left.astype(np.int64) * n + right
    position = np.searchsorted(packed, wanted)
    position[position >= len(packed)] = 0
    blocked = packed[position] == wanted
    scored = blocked & (stats["bits"][position] >= stats["threshold_bits"])
    cluster = np.asarray([clusters[i] for i in features.ids])
    merged = cluster[left] == cluster[right]
    kinds = np.asarray(kinds, dtype=object)
    no_year = (features.col["year"][left] < 0) | (features.col["year"][right] < 0)
    rows = [("all", np.ones(len(left), bool))] + [(kind, (kinds[left] == kind) | (kinds[right] == kind))
                                                    for kind in sorted(set(kinds.tolist()))] + [("a year missing", no_year)]
    print(f"    candidates {len(packed):,}; prior {stats['prior']:.1f} bits, threshold {stats['threshold_bits']:.1f} bits")
    print(f"    {'pairs with':<18} {'pairs':>9} {'blocking':>9} {'scoring':>9} {'clusters':>9}")
    for label, mask in rows:
        total = mask.sum()
        print(f"    {label:<18} {total:>9,} {blocked[mask].mean():>9.3f} {scored[mask].mean():>9.3f} "
              f"{merged[mask].mean():>9.3f}")


def run(size, threshold, engine, detail, names="realistic"):
    truth, kinds, stats = [], [], {}
    started = time.perf_counter()
    if engine == "bulk":
        from qorgau.resolution.bulk import link

        clusters = link(generate(size, truth, kinds=kinds, names=names), threshold=threshold, stats=stats)
    else:
        from qorgau.resolution.lists import link

        clusters = link(generate(size, truth, kinds=kinds, names=names), threshold=threshold)
    elapsed = time.perf_counter() - started
    cpu = time.process_time()
    by_id = {str(i): person for i, person in enumerate(truth)}
    predicted_pairs = pairs(Counter(clusters.values()))
    all_pairs = pairs(Counter(by_id.values()))
    both = pairs(Counter((clusters[i], by_id[i]) for i in clusters))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    precision = both / predicted_pairs if predicted_pairs else 0
    recall = both / all_pairs if all_pairs else 0
    print(f"{size:>9,} records ({engine}, {names} names): {elapsed:7.1f} s ({cpu:.1f} s CPU), peak {peak:,.0f} MB, "
          f"precision {precision:.3f}, recall {recall:.3f}", flush=True)
    if detail and engine == "bulk":
        diagnose(truth, kinds, clusters, stats)


def fit(size, seed=11, names="realistic"):
    """The m values of qorgau.resolution.bulk.M, fitted on a labelled generated list (another seed than the
    benchmark's, so the benchmark is not scored on what was fitted)."""
    import numpy as np

    from qorgau.resolution import bulk

    truth = []
    features = bulk.Features(generate(size, truth, seed=seed, names=names))
    left, right = bulk.candidates(features)
    truth = np.asarray(truth)
    same = truth[left] == truth[right]
    for key, values in bulk.fit_m(features, left, right, same).items():
        print(f"    {key!r}: [{', '.join(f'{v:.4f}' for v in values)}],")


def fit_corrections(size, seed=11, names="realistic", below=8.0, above=6.0):
    """The corrections of qorgau.resolution.bulk.CORRECTIONS_BY_SIZE for a list of `size` records, fitted on a labelled generated list of another seed than
    the benchmark's: the list is linked without corrections, and over the candidate pairs from `below` bits under to
    `above` bits over the threshold a logistic regression of "one person" on the weight and the indicators of
    bulk.correction_features (and a constant) is fitted by Newton's method; each indicator's coefficient divided by
    the weight's is its correction in bits (the constant is left to the calibrated threshold)."""
    import numpy as np

    from qorgau.resolution import bulk

    truth, stats = [], {}
    kept, bulk.CORRECTIONS_BY_SIZE = bulk.CORRECTIONS_BY_SIZE, ()
    try:
        bulk.link(generate(size, truth, seed=seed, names=names), stats=stats)
    finally:
        bulk.CORRECTIONS_BY_SIZE = kept
    features, threshold = stats["features"], stats["threshold_bits"]
    bits = stats["bits"]
    band = np.nonzero((bits >= threshold - below) & (bits < threshold + above))[0]
    a, b = stats["left"][band], stats["right"][band]
    flags = bulk.correction_features(features, a, b, bulk.levels(features, a, b))
    x = np.column_stack([bits[band] - threshold] + [np.asarray(v, float) for v in flags.values()] +
                        [np.ones(len(band))])
    truth = np.asarray(truth)
    y = (truth[a] == truth[b]).astype(float)
    w = np.zeros(x.shape[1])
    for _ in range(30):
        p = 1 / (1 + np.exp(-x @ w))
        w -= np.linalg.solve((x * (p * (1 - p))[:, None]).T @ x + 1e-3 * np.eye(len(w)), x.T @ (p - y) + 1e-3 * w)
    print(f"    {len(band):,} pairs within {below} bits under and {above} over the threshold; weight coefficient "
          f"{w[0]:.3f} (nats a bit)")
    for name, coefficient in zip(flags, w[1:]):
        print(f"    {name!r}: {coefficient / w[0]:.2f},")


def calibrate(size, target, seed=11, names="realistic"):
    """The threshold for a precision target, read off a labelled generated list of another seed than the benchmark's:
    link it once, re-cluster at thresholds around the engine's (its match probability 0.5 gives a weight in bits
    that rises with the list's size), and print precision and recall at each; the lowest offset whose precision,
    made monotone from above (isotonic: the least precision at this or any higher threshold), reaches the target is
    the one to use: the match probability 2**offset / (1 + 2**offset)."""
    import math

    from qorgau.resolution import bulk

    truth, stats = [], {}
    bulk.link(generate(size, truth, seed=seed, names=names), stats=stats)
    features, base = stats["features"], -stats["prior"]          # the weight of even odds (probability 0.5)
    person = {str(i): p for i, p in enumerate(truth)}
    total = pairs(Counter(person.values()))
    rows = []
    for offset in [x / 2 for x in range(-8, 5)]:
        cluster = dict(zip(features.ids, bulk.cluster(features, stats["left"], stats["right"], stats["bits"],
                                                      base + offset, stats["guard_bits"])))
        found = pairs(Counter(cluster.values()))
        right = pairs(Counter((cluster[i], person[i]) for i in cluster))
        rows.append((offset, right / found if found else 1.0, right / total))
    chosen, floor = None, 1.0
    for offset, precision, recall in reversed(rows):
        floor = min(floor, precision)
        if floor >= target:
            chosen = offset
    for offset, precision, recall in rows:
        print(f"    {base + offset:5.1f} bits (offset {offset:+.1f}): precision {precision:.3f}, recall {recall:.3f}")
    if chosen is None:
        print(f"    no threshold tried reaches precision {target}")
    else:
        probability = 2 ** chosen / (1 + 2 ** chosen)
        print(f"    precision >= {target}: offset {chosen:+.1f} bits, match probability {probability:.3f} "
              f"(log2 odds {math.log2(probability / (1 - probability)):+.1f})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--engine", choices=("bulk", "splink"), default="bulk",
                        help="bulk: qorgau.resolution.bulk (numpy, rapidfuzz); splink: qorgau.resolution.lists")
    parser.add_argument("--threshold", type=float,
                        help="match probability (default: the engine's own; bulk: calibrated by the list's size)")
    parser.add_argument("--detail", action="store_true", help="recall of each stage per variant kind (bulk)")
    parser.add_argument("--fit-m", type=int, metavar="SIZE",
                        help="print the bulk engine's m fitted on a generated list of SIZE records with another seed "
                             "(11, not the benchmark's 7): each level's share among the true candidate pairs")
    parser.add_argument("--names", choices=("realistic", "small"), default="realistic",
                        help="the generator's name space: realistic (default; see the comment above _realistic_tables) "
                             "or small (sessions 5-6: about 100 + 70 given names drawn uniformly)")
    parser.add_argument("--calibrate", type=int, metavar="SIZE",
                        help="on a generated list of SIZE records with another seed (11), print precision and recall "
                             "at thresholds around the default and the lowest reaching --target")
    parser.add_argument("--fit-corrections", type=int, metavar="SIZE",
                        help="print the bulk engine's corrections (bulk.CORRECTIONS) fitted on a generated list of SIZE "
                             "records with another seed (11)")
    parser.add_argument("--target", type=float, default=0.97, help="precision target for --calibrate (0.97)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    threshold = args.threshold or (None if args.engine == "bulk" else 0.9)     # bulk: its calibrated threshold
    if args.fit_m:
        fit(args.fit_m, names=args.names)
        return
    if args.fit_corrections:
        fit_corrections(args.fit_corrections, names=args.names)
        return
    if args.calibrate:
        calibrate(args.calibrate, args.target, names=args.names)
        return
    if args.one:
        run(args.one, threshold, args.engine, args.detail, args.names)
        return
    for size in args.sizes:
        subprocess.run([sys.executable, __file__, "--one", str(size), "--engine", args.engine, "--names", args.names]
                       + (["--threshold", str(threshold)] if threshold else []) + (["--detail"] if args.detail else []), check=True)


if __name__ == "__main__":
    main()
