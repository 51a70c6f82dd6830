"""Linking a generated list with realistic Kazakh and Russian names: time, peak memory, precision, recall.

    python benchmarks/linking.py --sizes 10000 100000 1000000

Each size is run in a fresh process. Records are generated here: people with Kazakh and Russian given and
family names (with gender endings; most family names made, as in Kazakhstan, from an ancestor's given name), birth years and places, each recorded 1–3 times with the variants lists
carry: Latin transliterations (zh/j, kh/h, y/i, -yev/-ev), Cyrillic and Kazakh Cyrillic spellings, Russian
declension, initials, swapped order, and typos. Precision and recall are pairwise against the generated truth.
"""

import argparse
import random
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
           "Almas", "Bolat", "Daulet", "Duman", "Ermek", "Nurzhan", "Samat", "Yerbol", "Alikhan", "Rustem", "Sanzhar"]
GIVEN_F = ["Aigerim", "Aizhan", "Akmaral", "Aliya", "Asel", "Aruzhan", "Botagoz", "Dana", "Dinara", "Gaukhar",
           "Gulnara", "Madina", "Saule", "Zhanar", "Zarina", "Ainur", "Aisulu", "Gulmira", "Kamila", "Laura", "Meruert"]
STEMS = ["Abenov", "Akhmetov", "Baimukhanov", "Bekov", "Dzhaksybekov", "Ermekov", "Iskakov", "Kassymov", "Mukanov",
         "Nurpeisov", "Omarov", "Sadykov", "Serikbaev", "Tokayev", "Utepov", "Zhumabaev", "Yessenov", "Karimov",
         "Suleimenov", "Abdrakhmanov", "Amanzholov", "Baitursynov", "Dosmukhamedov", "Esimov", "Kunaev", "Mamyrov",
         "Nazarov", "Orazov", "Rakhimov", "Satpaev", "Tulegenov", "Zhakupov", "Ismailov", "Kaliyev", "Medeuov"]
# Most Kazakh family names are an ancestor's given name with -ov/-ev (-ova/-eva): Nurlanov, Serikbayev.
ANCESTORS = ["Abai", "Abil", "Adil", "Akhmet", "Aman", "Amangeldi", "Asan", "Baiken", "Baimurat", "Bazar", "Beisen",
             "Dauletbai", "Dosan", "Duisen", "Esen", "Ibrai", "Isa", "Kadyr", "Kasym", "Kenzhe", "Kulzhan", "Kusain",
             "Mukhtar", "Mussa", "Nurmagambet", "Omarbek", "Orazaly", "Ospan", "Sarsen", "Seit", "Sultanbek",
             "Tasbolat", "Temir", "Tolegen", "Utebai", "Zhaksylyk", "Zhuman", "Zhunus", "Kaliaskar", "Maksut",
             "Zhakup", "Tursyn", "Yeskendir", "Shaimerden", "Sagyndyk", "Rakhym", "Kuanysh", "Oraz", "Serikbai"]
PLACES = ["Almaty", "Astana", "Shymkent", "Aktobe", "Atyrau", "Oral", "Pavlodar", "Semey", "Kostanay", "Taraz"]
CYR = {"zh": "ж", "kh": "х", "sh": "ш", "ch": "ч", "ts": "ц", "yu": "ю", "ya": "я", "ye": "е",
       "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и", "y": "ы", "k": "к", "l": "л",
       "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф", "h": "х", "j": "ж"}


def cyrillic(latin):
    out, i, low = "", 0, latin.lower()
    while i < len(low):
        pair = low[i:i + 2]
        if pair in CYR:
            out, i = out + CYR[pair], i + 2
        else:
            out, i = out + CYR.get(low[i], low[i]), i + 1
    return out[:1].upper() + out[1:]


def variant(given, family, rng):
    kind = rng.random()
    if kind < 0.25:
        return f"{given} {family}"
    if kind < 0.4:
        return f"{cyrillic(given)} {cyrillic(family)}"
    if kind < 0.5:
        return f"{family} {given}"
    if kind < 0.6:
        return f"{given[0]}. {family}"
    if kind < 0.72:
        spelled = family.replace("zh", "j").replace("kh", "h") if rng.random() < 0.5 else \
            family.replace("ev", "yev").replace("aev", "ayev")
        return f"{given.replace('y', 'i')} {spelled}"
    if kind < 0.82:  # Russian declension: "… Абеновой" (f), "… Абенова" (m, genitive)
        cyr = cyrillic(family)
        declined = cyr[:-1] + "ой" if cyr.endswith("а") else cyr + "а"
        return f"{cyrillic(given)} {declined}"
    # a typo
    position = rng.randrange(1, len(family))
    return f"{given} {family[:position] + rng.choice('aeiouy') + family[position + 1:]}"


def generate(size, truth, seed=7):
    """Yields records one at a time (as a CSV reader would) and appends each one's person to `truth`."""
    rng = random.Random(seed)
    person = 0
    while len(truth) < size:
        person += 1
        female = rng.random() < 0.45
        given = rng.choice(GIVEN_F if female else GIVEN_M)
        if rng.random() < 0.4:
            family = rng.choice(STEMS)
            if rng.random() < 0.5:  # many more family names than the stems alone
                family = family[:3] + rng.choice(["bek", "zhan", "tai", "bai", "mur", "kel"]) + family[3:]
        else:
            ancestor = rng.choice(ANCESTORS + GIVEN_M)
            if ancestor.endswith("ai"):
                ancestor = ancestor[:-1]
            family = ancestor + ("ev" if ancestor[-1] in "aeiou" else "ov")
        family += "a" if female else ""
        year, place = rng.randint(1950, 2004), rng.choice(PLACES)
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            if len(truth) == size:
                return
            truth.append(person)
            yield {"id": len(truth) - 1, "name": variant(given, family, rng), "birth_year": year,
                   "place": place if rng.random() < 0.9 else rng.choice(PLACES)}


def pairs(groups):
    return sum(n * (n - 1) // 2 for n in groups.values())


def run(size, threshold):
    from qorgau.resolution.lists import link

    truth = []
    started = time.perf_counter()
    clusters = link(generate(size, truth), threshold=threshold)
    elapsed = time.perf_counter() - started
    truth = {str(i): person for i, person in enumerate(truth)}
    predicted_pairs = pairs(Counter(clusters.values()))
    true_pairs = pairs(Counter(truth.values()))
    both = pairs(Counter((clusters[i], truth[i]) for i in clusters))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    precision = both / predicted_pairs if predicted_pairs else 0
    recall = both / true_pairs if true_pairs else 0
    print(f"{size:>9,} records: {elapsed:7.1f} s, peak {peak:,.0f} MB, precision {precision:.3f}, recall {recall:.3f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--threshold", type=float, default=0.9)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run(args.one, args.threshold)
        return
    for size in args.sizes:
        subprocess.run([sys.executable, __file__, "--one", str(size), "--threshold", str(args.threshold)], check=True)


if __name__ == "__main__":
    main()
