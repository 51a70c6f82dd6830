"""Each dev round's first run, kept as training data for the learned act layer (tools/train_extraction.py).

    python tools/first_runs.py            # writes tests/evaluation/first-runs.json.gz (15-20 minutes on a loaded machine)
    python tools/first_runs.py --reuse    # rounds already in that file are kept as they are: only new ROUNDS run

A round's documents and gold were committed before any rule was written for them (docs/evaluation.md), so the tree
of that commit holds the rules that had never seen them. For each round below, the commit's `qorgau` package and
evaluation files are taken out of git (`git archive`) into a temporary folder, and that tree's own pipeline reads the
round's new documents (those of the commit's part file not in its parent's) — the proposals, mentions and dates it
found are written with the gold entry and the text. Those are the rules' errors on unseen text (precision ~0.6, as
on the test split), which the tuned dev split no longer shows. Only dev rounds: never the test split.
"""

import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "evaluation" / "first-runs.json.gz"
PYTHON = sys.executable

# part file (gold-dev-<part>.json) and the commit that added a round of its documents, before the rules changed;
# "part@name" when the part file had another name at that commit (its documents keep the part's fold)
ROUNDS = """h15-en 55e5837 030cbe2
h15-ru a4887e5 0a2559b
h15-kk f349239 b07178c 341b4d7
h16-en 99b70d9 af61df5 37257de
h16-kk 7e66f7a 7007bd3 645dd05
h16-ru 2e5d038 8f82040 d8334ec
h17-en 1699aa6 be7aa78
h17-kk 53eaba0 a53b106 06fa5a8
h17-ru 5d58342 2ad97c7
h18-en 76a6e56 b6f987e
h18-kk 19cb3d9 576d794 d557871
h18-ru e9ff2ce c488dde 9bc15d2
h20-kk e551a19
h19-en b1d6ecc
h19-ru 7f3598d
h19-kk 51d15dd
h20-en 76c7027
h20-ru 777d0d0
h21-acts 347c322 06240dd
h21-date c7679a2
h21-kk dfd310c
h21-kk2 59b9f95
h21-kk3 93e5f41
h21-round2@h21-date-b af279e6
h22-date 0d4842d
h22-date2 a58dd60
h22-group 10b81c9
h22-group2 7d7fa3d
h22-group3 4fd8d90
h22-link 94244b2
s9retired@s9test 8bea267
s12retired-a 7e314c0
s12retired-b 7e314c0
s12retired-c 7e314c0
w23p c4f800d ae6942d 0a9db68
w23s 59da154 f4f8a83 75d1695
w23u a6fb095 0bc82b5 9d9c3ba
h23-formats 8a35c2d"""

# Run inside the old tree (its own package on the path): its rules on the round's new documents, as JSON.
RUNNER = r'''
import dataclasses, json, os, sys
from pathlib import Path
tree, part, files = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
import django
django.setup()
from qorgau.documents import evaluation
seen = {}
real = evaluation.find_acts
def wrapped(text, mentions, dates, provisions, *a, **k):
    found = real(text, mentions, dates, provisions, *a, **k)
    seen["last"] = (text, list(getattr(mentions, "items", mentions)), list(getattr(dates, "items", dates)), found,
                    k.get("published", a[0] if a else ""))
    return found
evaluation.find_acts = wrapped
out = []
for entry in json.loads(Path(tree, part).read_text(encoding="utf-8"))["documents"]:
    if entry["file"] not in files:
        continue
    path = Path(tree, "tests/evaluation/genres/dev", entry["file"])
    from qorgau.documents.ingest.reading import read_document
    from qorgau.documents.ingest.repair import canonicalise
    c = canonicalise(read_document(entry["file"], path.read_bytes()))
    score = evaluation.score_document(c.text, entry, entry.get("published", ""), footnotes=c.footnotes,
                                      markers=c.markers)["acts"]
    text, mentions, dates, proposals, published = seen["last"]
    out.append({"entry": entry, "text": text, "published": published, "acts_score": [score.tp, score.fp, score.fn],
                "mentions": [dataclasses.asdict(m) for m in mentions], "dates": [dataclasses.asdict(d) for d in dates],
                "proposals": [dataclasses.asdict(p) for p in proposals]})
print(json.dumps(out, ensure_ascii=False))
'''


def git(*args):
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def new_files(commit, part_file):
    now = json.loads(git("show", f"{commit}:{part_file}"))["documents"]
    try:
        before = {d["file"] for d in json.loads(git("show", f"{commit}~1:{part_file}"))["documents"]}
    except subprocess.CalledProcessError:
        before = set()
    return [d["file"] for d in now if d["file"] not in before]


def main():
    # A round's first run depends only on its commit's tree: --reuse keeps what the file holds for (part, commit).
    old = {}
    if "--reuse" in sys.argv[1:] and OUT.exists():
        for item in json.loads(gzip.decompress(OUT.read_bytes()).decode("utf-8")):
            old.setdefault((item["part"], item["commit"]), []).append(item)
    items = []
    with tempfile.TemporaryDirectory() as tmp:
        for line in ROUNDS.splitlines():
            part, *commits = line.split()
            part, _, then = part.partition("@")
            part_file = f"tests/evaluation/gold-dev-{then or part}.json"
            for commit in commits:
                if (part, commit) in old:
                    items += old[(part, commit)]
                    continue
                tree = Path(tmp, f"{part}-{commit}")
                tree.mkdir()
                archive = subprocess.run(["git", "archive", commit, "qorgau", "tests/evaluation/genres/dev", part_file],
                                         cwd=ROOT, capture_output=True, check=True).stdout
                subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
                files = new_files(commit, part_file)
                done = subprocess.run([PYTHON, "-c", RUNNER, str(tree), part_file, ",".join(files)], cwd=tree,
                                      capture_output=True, text=True, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin",
                                                                           "QORGAU_DATA_DIR": str(Path(tmp, "data"))})
                if done.returncode:
                    sys.exit(f"{part} {commit}: {done.stderr[-2000:]}")
                found = json.loads(done.stdout.strip().splitlines()[-1])
                for item in found:
                    item.update(part=part, commit=commit)
                items += found
                print(part, commit, [i["entry"]["file"] for i in found], [i["acts_score"] for i in found], flush=True)
    OUT.write_bytes(gzip.compress(json.dumps(items, ensure_ascii=False, sort_keys=True).encode("utf-8"), mtime=0))
    tp, fp, fn = (sum(i["acts_score"][k] for i in items) for k in range(3))
    print(f"{OUT}: {len(items)} documents; first-run acts P/R {tp / (tp + fp):.3f}/{tp / (tp + fn):.3f}")


if __name__ == "__main__":
    main()
