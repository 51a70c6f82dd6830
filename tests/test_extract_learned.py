"""The learned date chooser over the act rules (extract/learned.py): what it changes, switched off, and bad weights.

Texts are made up in the shape the chooser learned from the annotated documents: an act told in a paragraph of its own
with no date, after a paragraph that gives the episode's day. The rules date it by the narrative to the month; the
annotators (and the chooser trained on them) give it the day.
"""

import json
import logging
import sys
from pathlib import Path

import pytest

from qorgau.documents.extract import learned
from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))


def acts(text, published="2021-06-01"):
    found = find_acts(text, find_persons(text), find_dates(text, published), find_provisions(text), published=published)
    return {(p.victims[0], p.act_type, p.date) for p in found if p.kind == "act"}


EPISODE = {
    "en": "On {day} March 2021 police detained activist Nurlan Omarov in {town}.",
    "ru": "{day} марта 2021 года полиция задержала активиста Нурлана Омарова в {town}.",
}
VERDICT = {
    "en": ["The court sentenced activist {name} to {n} years in prison.",
           "Activist {name} was sentenced to {n} years in prison by the city court.",
           "A judge sentenced {name}, a blogger, to {n} years of imprisonment."],
}
SECOND = ["Serik Bekov", "Dana Iskakova", "Yerlan Nurov"]


def shapes():
    for day, town in (("12", "Almaty"), ("3", "Taraz")):
        for verdict in VERDICT["en"]:
            for name in SECOND:
                yield day, EPISODE["en"].format(day=day, town=town) + "\n\n" + verdict.format(name=name, n="five"), name


@pytest.mark.parametrize("day,text,name", list(shapes())[:9])
def test_an_undated_verdict_after_a_dated_paragraph_takes_its_day(day, text, name, monkeypatch):
    monkeypatch.setenv("QORGAU_LEARNED", "1")
    monkeypatch.setenv("QORGAU_DATE_CHOOSER", "1")  # off by default since session 11
    on = acts(text)
    assert (name, "sentenced", f"2021-03-{int(day):02d}") in on
    assert ("Nurlan Omarov", "detained", f"2021-03-{int(day):02d}") in on  # the act with its own day keeps it
    monkeypatch.setenv("QORGAU_LEARNED", "0")
    off = acts(text)
    assert (name, "sentenced", "2021-03") in off  # the rules alone: the month


@pytest.mark.parametrize("text", [
    "Activist Nurlan Omarov, detained on 2 February 2021, was charged on 5 February under Article 174.",
    "The trial of blogger Dana Iskakova opened on 3 May 2021. On 20 May she was sentenced to two years in prison.",
    "12 марта 2021 года полиция задержала активиста Нурлана Омарова.\n\nЧерез два дня его арестовали на два месяца.",
])
def test_acts_with_their_own_day_keep_it(text, monkeypatch):
    monkeypatch.setenv("QORGAU_LEARNED", "0")
    off = acts(text)
    monkeypatch.setenv("QORGAU_LEARNED", "1")
    monkeypatch.setenv("QORGAU_DATE_CHOOSER", "1")
    assert acts(text) == off


def test_an_undated_act_stays_undated(monkeypatch):
    text = ("On 12 March 2021 police detained activist Nurlan Omarov.\n\n"
            "For example, blogger Aigerim Sadykova was tortured in a detention facility.")
    monkeypatch.setenv("QORGAU_LEARNED", "1")
    monkeypatch.setenv("QORGAU_DATE_CHOOSER", "1")
    assert ("Aigerim Sadykova", "ill_treatment", "") in acts(text)


def _text():
    return next(shapes())[1]


@pytest.mark.parametrize("content", [None, "not json", json.dumps({"weights": {"is_rule": "high"}}),
                                     json.dumps({"weights": {"is_rule": float("nan")}}), json.dumps({"no": 1})])
def test_missing_or_bad_weights_leave_the_rules_dates_with_a_log_line(content, tmp_path, monkeypatch, caplog):
    path = tmp_path / "dates.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setenv("QORGAU_LEARNED", "0")
    rules = acts(_text())
    monkeypatch.setenv("QORGAU_LEARNED", "1")
    monkeypatch.setenv("QORGAU_DATE_CHOOSER", "1")
    monkeypatch.setenv("QORGAU_LEARNED_DATES", str(path))
    with caplog.at_level(logging.WARNING, logger="qorgau.documents.extract.learned"):
        assert acts(_text()) == rules
    assert any("learned date chooser off" in r.getMessage() and str(path) in r.getMessage() for r in caplog.records)


def test_the_shipped_weights_load():
    data = json.loads(learned.DATE_MODEL.read_text(encoding="utf-8"))
    assert learned.weights(learned.DATE_MODEL) == data["weights"]
    assert data["acts"] > 100 and "_margin" in data["weights"]
    assert not any("test" in name for name in data["trained_on"])  # never the test split


def test_training_is_deterministic():
    import train_extraction

    text = _text()
    entry = {"persons": {"Nurlan Omarov": ["Nurlan Omarov"], "Serik Bekov": ["Serik Bekov"]},
             "acts": [{"victim": "Serik Bekov", "group": "DEPRIVATION", "type": "imprisoned", "date": "2021-03-12"},
                      {"victim": "Serik Bekov", "group": "PENALTY", "type": "sentenced", "date": "2021-03-12"}]}
    learned.capture = []
    try:
        acts(text)
        captured = learned.capture
    finally:
        learned.capture = None
    groups = train_extraction.groups_of(entry, captured)
    assert groups  # the verdict's acts are labelled: the day above is a candidate, the rules' month is not right
    first, second = train_extraction.fit(groups), train_extraction.fit(groups)
    assert first == second and first
