import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from qorgau.records.models import Act, Citation, Person

from .conftest import DEMO

ROOT = Path(__file__).resolve().parent.parent


def demo_rows():
    return [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()[1:]]


def test_the_demo_file_is_what_the_builder_writes(tmp_path):
    before = DEMO.read_bytes()
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_demo.py")], check=True, capture_output=True)
    assert DEMO.read_bytes() == before


def test_the_demo_is_large_enough_and_every_fact_cites_a_publication():
    rows = demo_rows()
    documents = {r["id"]: r for r in rows if r["type"] == "document"}
    persons = [r for r in rows if r["type"] == "person"]
    acts = [r for r in rows if r["type"] == "act"]
    assert len(persons) >= 60 and len(acts) >= 120
    for row in persons + acts:
        assert row["citations"], row["id"]
        for citation in row["citations"]:
            document = documents[citation["document"]]
            assert document["title"] and document["publisher"] and document["published"]


def test_the_anonymous_victims_of_ua_63_18_are_confidential():
    rows = demo_rows()
    anonymous = [r for r in rows if r["type"] == "person" and r["name"].startswith("Anonymous detainee")]
    assert len(anonymous) == 2 and all(r["sensitivity"] == "confidential" for r in anonymous)
    for act in (r for r in rows if r["type"] == "act" and r["victim"] in {a["id"] for a in anonymous}):
        assert act["sensitivity"] == "confidential"


def test_ua_63_18_has_its_targets_and_deadline():
    rows = demo_rows()
    ua = next(r for r in rows if r["type"] == "urgent_action")
    assert (ua["number"], ua["issued"], ua["deadline"]) == ("63/18", "2018-03-27", "2018-06-08")
    targets = {r["id"]: r for r in rows if r["type"] == "target"}
    offices = {targets[t["target"]]["office"]: targets[t["target"]] for t in ua["targets"]}
    assert offices["Prosecutor General"]["fax"] == "+7 7172 506 402"
    assert offices["Prosecutor General"]["salutation"] == "Dear Prosecutor General"


@pytest.mark.django_db
def test_the_loaded_demo_links_cases_to_provisions_and_penalties():
    bokaev = Person.objects.get(uid="per_bokaev")
    sentence = Act.objects.get(victim_person=bokaev, date="2016-11-28")
    assert sorted(ap.provision.uid for ap in sentence.act_provisions.all()) == ["CC-174", "CC-274", "CC-400"]
    assert sentence.penalty_text() == "imprisonment: 5 years"
    assert Citation.objects.filter(object_id=sentence.pk, document__uid="doc_ai_think_before_you_post").exists()


def _sentences(text, words=10):
    """Runs of ten words that read as prose (addresses and numbers, which are facts, are left out)."""
    tokens = re.findall(r"\w+", text.lower())
    runs = (tokens[i:i + words] for i in range(0, max(len(tokens) - words, 0)))
    return {" ".join(run) for run in runs if sum(1 for t in run if t.isalpha() and len(t) >= 4) >= 7}


def test_the_project_contains_no_sentence_of_the_corpus(corpus):
    corpus_runs = set()
    for path in corpus.glob("*.txt"):
        corpus_runs |= _sentences(path.read_text(encoding="utf-8"))
    # Citing a publication means naming it: titles are allowed.
    for row in demo_rows():
        if row["type"] == "document":
            corpus_runs -= _sentences(row["title"] + " . " + row["title"])
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    for name in tracked:
        path = ROOT / name
        if path.suffix in {".py", ".jsonl", ".md", ".html", ".json", ".po", ".txt"} and path.exists():
            overlap = _sentences(path.read_text(encoding="utf-8", errors="ignore")) & corpus_runs
            assert not overlap, f"{name} repeats the corpus: {sorted(overlap)[:2]}"
