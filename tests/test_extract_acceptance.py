"""The learned act layer over the rules (extract/acceptance.py): what it drops and keeps, switched off, bad weights,
and deterministic training.

Texts are made up in shapes the rules get wrong on unseen documents: a prosecutor's request told with an act verb
("asked the court to sentence X to seven years") and the same detention told again with only its month — both are
emitted by the rules as acts, neither is one of the annotation (a request is no act; the month restates the day);
a companion detained with the activist whom the rules give no act (a candidate).
"""

import json
import logging
import sys
from pathlib import Path

import pytest

from qorgau.documents.extract import acceptance, learned
from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

NAMES = ["Serik Bekov", "Dana Iskakova", "Yerlan Nurov"]
TOWNS = ["Almaty", "Taraz", "Aktobe"]


def acts(text, published="2021-06-01"):
    found = find_acts(text, find_persons(text), find_dates(text, published), find_provisions(text), published=published)
    return {(p.victims[0], p.act_type, p.date) for p in found if p.kind == "act"}


def family(name):
    return name.split()[-1]


def request_text(name, town):
    return (f"On 3 May 2021 police detained activist {name} in {town}. "
            # (a demand the rules themselves do not read as one: "asked the court to sentence …" they now drop)
            f"The prosecutor appealed to the court to give {family(name)} seven years in prison.")


def restated_text(name, town):
    return f"On 3 May 2021 police detained activist {name} in {town}. In May {family(name)} was detained."


def _rules(text, monkeypatch):
    monkeypatch.setenv("QORGAU_LEARNED", "0")
    found = acts(text)
    monkeypatch.delenv("QORGAU_LEARNED")
    return found


# A model in the shape training writes, set by hand so the test checks the layer (features, probability, threshold),
# not what one training run happened to weigh: a demand before the trigger and a more precise date of the same act
# elsewhere each make an act unlikely.
HAND_SET = {"weights": {"bias": 3.0, "cue_before:demand": -6.0, "dup_other_more_precise": -6.0},
            "threshold": 0.5, "candidate_threshold": 1.01}


@pytest.fixture
def hand_set(monkeypatch):
    monkeypatch.setattr(acceptance, "override", HAND_SET)


@pytest.mark.parametrize("name,town", list(zip(NAMES, TOWNS)))
def test_the_layer_drops_a_request_told_as_a_verdict_and_keeps_the_detention(name, town, monkeypatch, hand_set):
    text = request_text(name, town)
    rules = _rules(text, monkeypatch)
    assert (name, "sentenced", "2021-05-03") in rules  # the rules take the request for a verdict
    found = acts(text)
    assert (name, "detained", "2021-05-03") in found  # the true act stays
    assert not any(t in {"sentenced", "imprisoned"} for _, t, _ in found)


@pytest.mark.parametrize("name,town", list(zip(NAMES, TOWNS)))
def test_the_layer_drops_a_detention_restated_with_its_month_only(name, town, monkeypatch, hand_set):
    text = restated_text(name, town)
    rules = _rules(text, monkeypatch)
    assert {(name, "detained", "2021-05-03"), (name, "detained", "2021-05")} <= rules  # two acts for one
    found = acts(text)
    assert (name, "detained", "2021-05-03") in found
    assert (name, "detained", "2021-05") not in found


# (shapes the rules do not read themselves: since session 15 they pass an act to a companion named with "together
# with" / "вместе с", acts.py `_companions`)
COMPANION = ["On 3 May 2021 police detained activist {a} in {town}; his lawyer {b} was detained too.",
             "On 3 May 2021 police detained activist {a} in {town}, and {b} with him.",
             "3 мая 2021 года полиция задержала активиста Серика Бекова, приехавшего в Алматы с {b}."]


@pytest.mark.parametrize("shape", COMPANION)
def test_a_person_the_rules_left_without_the_act_is_a_candidate_kept_only_when_the_model_says_so(shape, monkeypatch):
    text = shape.format(a="Serik Bekov", b="Dana Iskakova" if "police" in shape else "Даной Искаковой", town="Almaty")
    rules = _rules(text, monkeypatch)
    iskakova = {v for v, _, _ in rules if "Iskakov" in v or "Искаков" in v}
    assert not iskakova  # the rules give the companion no act
    monkeypatch.setattr(acceptance, "override", dict(HAND_SET, candidate_threshold=0.5))
    found = acts(text)
    assert rules <= found and any(("Iskakov" in v or "Искаков" in v) and t == "detained" for v, t, _ in found)
    monkeypatch.setattr(acceptance, "override", dict(HAND_SET, candidate_threshold=0.99))  # 0.95: not enough
    assert acts(text) == rules


def test_switched_off_the_rules_acts_are_kept_and_no_candidate_is_made(monkeypatch):
    text = ("On 3 May 2021 police detained activist Serik Bekov in Almaty; his lawyer Dana Iskakova was "
            "detained too. " + restated_text("Yerlan Nurov", "Taraz"))
    monkeypatch.setenv("QORGAU_LEARNED", "0")
    found = find_acts(text, find_persons(text), find_dates(text, "2021-06-01"), find_provisions(text),
                      published="2021-06-01")
    assert found and not any(acceptance.is_candidate(p) for p in found)
    assert ("Yerlan Nurov", "detained", "2021-05") in {(p.victims[0], p.act_type, p.date) for p in found}


@pytest.mark.parametrize("content", [None, b"not json", b'{"weights": {"bias": "x"}, "threshold": 0.5, '
                                     b'"candidate_threshold": 1.01}', b'{"weights": {"bias": NaN}, "threshold": 0.5, '
                                     b'"candidate_threshold": 1.01}', b'{"weights": {}, "threshold": 7, '
                                     b'"candidate_threshold": 1.01}', b'{"weights": {}}', b"[" * 100_000,
                                     b" " * (acceptance.MAX_MODEL_BYTES + 10)])
def test_missing_or_hostile_weights_leave_the_rules_acts_with_a_log_line(content, tmp_path, monkeypatch, caplog):
    text = restated_text("Serik Bekov", "Almaty") + " " + request_text("Dana Iskakova", "Taraz")
    monkeypatch.setattr(acceptance, "accept", lambda t, proposals, *a, **k:
                        [p for p in proposals if not acceptance.is_candidate(p)])
    expected = acts(text)
    monkeypatch.undo()
    path = tmp_path / "acts.json"
    if content is not None:
        path.write_bytes(content)
    monkeypatch.setenv("QORGAU_LEARNED_ACTS", str(path))
    monkeypatch.setattr(acceptance, "_loaded", {})
    with caplog.at_level(logging.WARNING, logger="qorgau.documents.extract.acceptance"):
        assert acts(text) == expected
        assert acts(text) == expected
    lines = [r for r in caplog.records if "learned act layer off" in r.getMessage()]
    assert len(lines) == 1 and str(path) in lines[0].getMessage()  # once, naming the file


def test_the_trained_model_loads_and_names_no_test_split():
    trained = acceptance.MODELS / "acts-trained.json"
    data = json.loads(trained.read_text(encoding="utf-8"))
    model = acceptance.model(trained)
    assert model["weights"] == data["weights"] and 0 <= model["threshold"] <= 1
    assert data["proposals"] > 1000 and not any("test" in name for name in data["trained_on"])


def test_training_is_deterministic():
    import train_extraction

    text = restated_text("Serik Bekov", "Almaty") + " " + request_text("Dana Iskakova", "Taraz")
    entry = {"persons": {"Serik Bekov": ["Serik Bekov", "Bekov"], "Dana Iskakova": ["Dana Iskakova", "Iskakova"]},
             "acts": [{"victim": "Serik Bekov", "group": "DEPRIVATION", "type": "detained", "date": "2021-05-03"},
                      {"victim": "Dana Iskakova", "group": "DEPRIVATION", "type": "detained", "date": "2021-05-03"}]}
    learned.capture = []
    try:
        acts(text)
        captured = learned.capture
    finally:
        learned.capture = None
    doc = ("fold", entry, None, [], None, captured, "first")
    rows, gold = train_extraction.act_rows(doc, None)
    labels = train_extraction.labelled(rows, gold)
    assert 0 < sum(labels) < len(labels)  # true and false proposals among them
    examples = [(f, y, 1.0) for (f, _, _), y in zip(rows, labels)] * 3
    first, second = train_extraction.fit_acts(examples), train_extraction.fit_acts(examples)
    assert first == second and first
