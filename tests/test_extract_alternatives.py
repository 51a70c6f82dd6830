"""Alternatives of the rules' acts (extract/acceptance.py `alternatives`, session 14): the layer may put a rule's act
right instead of only dropping it — the same act with a coarser date, another date of its sentence or paragraph, a
neighbouring group, or another person of its sentence — when the model prefers the alternative to the proposal.

Models here are set by hand in the shape training writes, so the tests check the mechanism (which alternatives are
made, that an accepted one stands in for its proposal, that without the threshold nothing changes), not what one
training run happened to weigh. Shapes x languages: each sentence in English, Russian and Kazakh.
"""

import sys
from pathlib import Path

import pytest

from qorgau.documents.extract import acceptance
from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

PUBLISHED = "2021-06-01"
DETAINED = {"en": "On 3 May 2021 police detained activist Serik Bekov in Almaty.",
            "ru": "3 мая 2021 года полиция задержала активиста Серика Бекова в Алматы.",
            "kk": "2021 жылғы 3 мамырда полиция белсенді Серік Бековты Алматыда ұстады."}


def acts(text):
    found = find_acts(text, find_persons(text), find_dates(text, PUBLISHED), find_provisions(text),
                      published=PUBLISHED)
    return {(p.victims[0], p.act_type, p.date) for p in found if p.kind == "act"}


def rules_alone(text, monkeypatch):
    monkeypatch.setenv("QORGAU_LEARNED", "0")
    found = acts(text)
    monkeypatch.delenv("QORGAU_LEARNED")
    return found


def model(**weights):
    # every rule act at 0.5 (kept at 0.3); an alternative kept at 0.6, so only the kind weighed up passes
    return {"weights": {"bias": 0.0, **weights}, "threshold": 0.3, "candidate_threshold": 1.01,
            "alternative_threshold": 0.6}


@pytest.mark.parametrize("lang", sorted(DETAINED))
def test_a_day_the_model_doubts_is_replaced_by_its_month(lang, monkeypatch):
    text = DETAINED[lang]
    rules = rules_alone(text, monkeypatch)
    day = {(v, t, d) for v, t, d in rules if t == "detained" and d == "2021-05-03"}
    assert len(day) == 1
    victim = next(iter(day))[0]
    monkeypatch.setattr(acceptance, "override", model(**{"candidate:alt_coarse": 3.0}))
    found = acts(text)
    assert (victim, "detained", "2021-05") in found and (victim, "detained", "2021-05-03") not in found


@pytest.mark.parametrize("lang", sorted(DETAINED))
def test_an_act_the_model_reads_as_a_neighbouring_group_changes_group(lang, monkeypatch):
    text = DETAINED[lang]
    victim = next(v for v, t, _ in rules_alone(text, monkeypatch) if t == "detained")
    monkeypatch.setattr(acceptance, "override", model(**{"alt_group|from:DEPRIVATION": 3.0,
                                                          "candidate:alt_group": 0.0}))
    found = acts(text)
    # DEPRIVATION's neighbours are a charge and a sentence: both made, both accepted, the detention replaced
    assert {(victim, "charged", "2021-05-03"), (victim, "sentenced", "2021-05-03")} <= found
    assert not any(t == "detained" for _, t, _ in found)


COMPANION = {"en": "On 3 May 2021 police detained activist Serik Bekov; his lawyer Dana Iskakova was there.",
             "ru": "3 мая 2021 года полиция задержала активиста Серика Бекова, его адвокат Дана Искакова была там.",
             "kk": "2021 жылғы 3 мамырда полиция белсенді Серік Бековты ұстады, оның адвокаты Дана Искакова сонда болды."}


@pytest.mark.parametrize("lang", sorted(COMPANION))
def test_an_act_given_to_the_wrong_person_of_the_sentence_moves_to_the_other(lang, monkeypatch):
    text = COMPANION[lang]
    rules = rules_alone(text, monkeypatch)
    given = {v for v, t, _ in rules if t == "detained"}
    assert len(given) == 1
    monkeypatch.setattr(acceptance, "override", model(**{"candidate:alt_victim": 3.0}))
    found = acts(text)
    moved = {v for v, t, _ in found if t == "detained"}
    assert moved and not moved & given  # the act went to the other person, and left the first


@pytest.mark.parametrize("lang", sorted(DETAINED))
def test_without_an_alternative_threshold_the_layer_is_session_13s(lang, monkeypatch):
    text = DETAINED[lang] + " " + COMPANION[lang]
    rules = rules_alone(text, monkeypatch)
    hand = model(**{"candidate:alt_coarse": 3.0, "candidate:alt_victim": 3.0})
    del hand["alternative_threshold"]  # a model file written before session 14
    monkeypatch.setattr(acceptance, "override", hand)
    assert acts(text) == rules


def test_an_alternative_stands_in_for_its_proposal_only_when_more_likely():
    import train_extraction

    rule, alt = ("A", "DEPRIVATION", "2021-05-03"), ("A", "DEPRIVATION", "2021-05")
    rows = [({}, rule, False), ({}, alt, rule)]
    assert train_extraction.kept_triples(rows, [0.4, 0.8], 0.3, 1.01, 0.6) == {alt}
    assert train_extraction.kept_triples(rows, [0.9, 0.8], 0.3, 1.01, 0.6) == {rule, alt}
    assert train_extraction.kept_triples(rows, [0.4, 0.8], 0.3, 1.01, 1.01) == {rule}


@pytest.mark.parametrize("alternatives", ['"alternative_weights": {"bias": "x"}', '"alternative_weights": [1, 2]',
                                          '"alternative_threshold": 3'])
def test_hostile_alternative_fields_leave_the_rules_acts(alternatives, tmp_path, monkeypatch, caplog):
    import logging

    text = DETAINED["en"]
    rules = rules_alone(text, monkeypatch)
    path = tmp_path / "acts.json"
    path.write_text('{"weights": {"bias": 0.0, "candidate:alt_coarse": 3.0}, "threshold": 0.3, '
                    f'"candidate_threshold": 1.01, "alternative_threshold": 0.6, {alternatives}}}')
    monkeypatch.setenv("QORGAU_LEARNED_ACTS", str(path))
    monkeypatch.setattr(acceptance, "_loaded", {})
    with caplog.at_level(logging.WARNING, logger="qorgau.documents.extract.acceptance"):
        assert acts(text) == rules
    assert any("learned act layer off" in r.getMessage() for r in caplog.records)
