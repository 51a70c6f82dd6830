"""Where act dates go wrong, by the cue that gave the date, and what a coarser date would have done.

    python tools/date_errors.py --split dev [--language ru] [--list]
    python tools/date_errors.py --gold tests/evaluation/gold-dev-h21-date.json --corpus tests/evaluation/genres/dev

Every proposed act whose victim and act group the gold has is put in one class by where its date came from (the
learned chooser's candidate positions, learned.candidates): sentence/same-clause, sentence/other-clause (a clause
break or another person between date and trigger), previous sentence, heading above, line head, paragraph before,
publication date, none. Each is scored as the evaluation scores (one to one, partial dates agreeing):
  right      the act matches a gold act of its victim and group (exactly or as a partial date)
  wrong      the victim and group are in the gold, no gold act of theirs is left for this date
For wrong dated acts: would its month (its year) have matched a gold act of the victim and group left unmatched?
`day` counts the right acts whose date equals the gold's to the day (the strict score a census needs).
--by-gold: the wrong acts again, by (where the predicted date came from) x (where the gold's date is, by the same
candidate positions: the gold act of the victim and group left unmatched, its date found among the act's candidates;
`none` the gold leaves it undated, `elsewhere` its date is none of the candidates — further back, or not printed).
Never run it on the test split while writing rules.
"""

import argparse
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ORDER = ["sentence/same-clause", "sentence/other-clause", "previous", "heading", "line_head", "previous_paragraph",
         "published", "rule_only", "none"]


def analyse(text, entry, footnotes=None, markers=None):
    """Today's rules on one document: rows (see rows_of)."""
    from qorgau.documents.evaluation import score_document
    from qorgau.documents.extract.acts import join_entry_fields
    from qorgau.documents.extract.dates import find_dates

    found = {}
    published = entry.get("published", "")
    score_document(text, entry, published, footnotes=footnotes, markers=markers, found=found)
    joined = join_entry_fields(text, found["mentions"])
    return rows_of(joined, found["proposals"], find_dates(joined, published), found["mentions"], entry)


def rows_of(text, proposals, dates, mentions, entry):
    """[(key, cue, date source, passage, gold hit, month would match, year would match)] for the proposed acts whose
    victim and group the gold has, matched one to one as the score matches them."""
    from qorgau.documents.evaluation import GROUP_OF, _resolver, dates_agree
    from qorgau.documents.extract import learned
    from qorgau.documents.extract.backoff import cue_of

    published = entry.get("published", "")
    doc = learned.Document(text, dates, mentions, published)
    resolve = _resolver(entry["persons"])
    gold = sorted({(a["victim"], a["group"], a["date"] or "") for a in entry["acts"]})
    pairs = {(v, g) for v, g, _ in gold}
    predicted, seen = [], set()
    for p in proposals:
        if p.kind != "act" or not p.victims:
            continue
        victim = resolve(p.victims[0])
        date = f"{p.date}/{p.date_end}" if p.date and p.date_end else p.date
        key = (victim, GROUP_OF.get(p.act_type, ""), date)
        if victim is None or key[:2] not in pairs or key in seen:
            continue
        seen.add(key)
        predicted.append((key, cue_of(doc, p), p.date_source or "-", text[p.start:p.end].replace("\n", " ")[:150], p))
    unmatched = list(gold)
    rows = []
    for key, cue, source, passage, p in sorted(predicted, key=lambda t: (-len(t[0][2]), t[0])):
        hit = next((g for g in sorted(unmatched, key=lambda t: (t[2] != key[2], -len(t[2]), t))
                    if g[:2] == key[:2] and dates_agree(key[2], g[2])), None)
        if hit:
            unmatched.remove(hit)
        rows.append([key, cue, source, passage, hit, p])
    out = []
    for key, cue, source, passage, hit, p in rows:
        month = year = False
        gold_cue = ""
        if not hit:
            left = [g for g in unmatched if g[:2] == key[:2]]
            if key[2]:
                month = len(key[2]) >= 7 and any(g[2] and dates_agree(key[2][:7], g[2]) for g in left)
                year = any(g[2] and dates_agree(key[2][:4], g[2]) for g in left)
            gold_cue = gold_cue_of(doc, p, left)
        out.append((key, cue, source, passage, hit, month, year, gold_cue))
    return out


def gold_cue_of(doc, proposal, left):
    """Where the date of the gold act this proposal missed is, among the act's candidate positions (nearest first):
    `none` (the gold leaves it undated), a position, `elsewhere` (none of the candidates), `nothing left` (every gold
    act of the victim and group is matched already: a duplicate)."""
    from qorgau.documents.evaluation import dates_agree
    from qorgau.documents.extract import learned

    if not left:
        return "nothing left"
    if any(not g[2] for g in left):
        return "none"
    options = learned.candidates(doc, proposal)
    for g in left:
        for value, value_end, f in options:
            date = f"{value}/{value_end}" if value and value_end else value
            if date and dates_agree(date, g[2]):
                if "pos:sentence" in f:
                    return ("sentence/same-clause" if "same_clause" in f and "person_between" not in f
                            else "sentence/other-clause")
                return next(k[4:] for k in f if k.startswith("pos:") and "|" not in k)
    return "elsewhere"


def first_run_documents(path, back_off=False):
    """(entry, rows) for each document of tests/evaluation/first-runs.json.gz: the rules of each round's own commit
    on the round's documents, before any rule was written for them (unseen text)."""
    import dataclasses
    import gzip
    import json

    from qorgau.documents.extract.spans import DateRef, Mention, Proposal

    def build(cls, data):
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    for item in json.loads(gzip.decompress(Path(path).read_bytes()).decode("utf-8")):
        proposals = [build(Proposal, p) for p in item["proposals"]]
        dates, mentions = [build(DateRef, d) for d in item["dates"]], [build(Mention, m) for m in item["mentions"]]
        if back_off:  # today's back-off over the old rules' proposals: what it does to unseen text
            from qorgau.documents.extract.backoff import unstated_day_to_month

            proposals = unstated_day_to_month(item["text"], proposals, dates, mentions, item["entry"]["published"])
        yield item["entry"], rows_of(item["text"], proposals, dates, mentions, item["entry"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold")
    parser.add_argument("--corpus")
    parser.add_argument("--split", choices=["dev", "corpus"])
    parser.add_argument("--language")
    parser.add_argument("--list", action="store_true", help="print every wrong date")
    parser.add_argument("--by-gold", action="store_true",
                        help="also the wrong acts by (predicted date's cue) x (the gold date's position)")
    parser.add_argument("--first-runs", action="store_true",
                        help="the dev rounds' first runs (tests/evaluation/first-runs.json.gz): unseen text")
    parser.add_argument("--back-off", action="store_true",
                        help="with --first-runs: apply today's back-off (extract/backoff.py) to the old proposals")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    import django

    django.setup()
    from qorgau.documents.evaluation import SPLITS, read_gold
    from qorgau.documents.ingest.reading import read_document
    from qorgau.documents.ingest.repair import canonicalise

    gold_path = corpus = None
    if args.first_runs:
        documents = first_run_documents(Path(__file__).resolve().parent.parent / "tests" / "evaluation" /
                                        "first-runs.json.gz", back_off=args.back_off)
    elif args.split:
        _, gold_path, corpus = next(s for s in SPLITS if s[0] == args.split)
        corpus = corpus or Path(os.environ.get("QORGAU_CORPUS",
                                               Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    else:
        gold_path, corpus = args.gold, args.corpus
    if not args.first_runs and (not gold_path or not corpus):
        parser.error("give --split, --first-runs, or --gold and --corpus")
    if not args.first_runs and ("gold-test" in Path(gold_path).name or Path(corpus).name == "test"):
        parser.error("the test split is scored by the lead only, never analysed while writing rules")

    def read_all():
        for entry in read_gold(gold_path)["documents"]:
            path = Path(corpus) / entry["file"]
            if path.exists():
                canonical = canonicalise(read_document(entry["file"], path.read_bytes()))
                yield entry, analyse(canonical.text, entry, canonical.footnotes, canonical.markers)

    table, crossed = defaultdict(Counter), Counter()
    for entry, rows in (documents if args.first_runs else read_all()):
        if args.language and entry.get("language") != args.language:
            continue
        for key, cue, source, passage, hit, month, year, gold_cue in rows:
            row = table[cue]
            row["n"] += 1
            row["right"] += bool(hit)
            row["day"] += bool(hit) and hit[2] == key[2]
            row["wrong"] += not hit
            row["month"] += month
            row["year"] += year
            if not hit:
                crossed[cue, gold_cue] += 1
            if args.list and not hit:
                print(f"{entry['file']:34} {cue:22} {source:8} {key}  month={month:d} year={year:d} "
                      f"gold={gold_cue} | {passage}")
    print(f"{'cue':24}{'acts':>6}{'right':>7}{'day':>6}{'wrong':>7}{'→month':>8}{'→year':>7}")
    total = Counter()
    for cue in ORDER:
        if cue in table:
            r = table[cue]
            total.update(r)
            print(f"{cue:24}{r['n']:>6}{r['right']:>7}{r['day']:>6}{r['wrong']:>7}{r['month']:>8}{r['year']:>7}")
    print(f"{'all':24}{total['n']:>6}{total['right']:>7}{total['day']:>6}{total['wrong']:>7}{total['month']:>8}"
          f"{total['year']:>7}")
    if args.by_gold:
        print("\nwrong acts: predicted date from -> gold date at")
        for (cue, gold_cue), n in sorted(crossed.items(), key=lambda t: (-t[1], t[0])):
            print(f"  {cue:24} -> {gold_cue:24}{n:>4}")


if __name__ == "__main__":
    main()
