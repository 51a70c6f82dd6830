"""tools/act_errors.py sorts each missed or false act of an evaluation document by the component that failed."""

import importlib.util
from pathlib import Path

import pytest

spec = importlib.util.spec_from_file_location("act_errors", Path(__file__).resolve().parent.parent / "tools" / "act_errors.py")
act_errors = importlib.util.module_from_spec(spec)
spec.loader.exec_module(act_errors)

TEXT = ("On 3 March 2021 police detained the blogger Aidar Serikov in Almaty. "
        "On 5 May 2022 a court in Almaty fined Dana Omarova 100,000 tenge.")


def entry(acts, persons=None):
    return {"file": "x.txt", "language": "en", "published": "2022-06-01", "provisions": [],
            "persons": persons or {"Aidar Serikov": ["Aidar Serikov"], "Dana Omarova": ["Dana Omarova"]},
            "acts": acts}


@pytest.mark.parametrize("gold_act, component", [
    ({"victim": "Aidar Serikov", "group": "DEPRIVATION", "date": "2021-03-04"}, "d"),  # right victim and group, date off
    ({"victim": "Aidar Serikov", "group": "PENALTY", "date": "2021-03-03"}, "c"),      # no act of that group for him
    ({"victim": "Dana Omarova", "group": "DEPRIVATION", "date": "2021-03-03"}, "e"),   # his act, given to her in the gold
])
def test_a_missed_act_is_put_down_to_the_component_that_failed(gold_act, component):
    missed, false = act_errors.explain(TEXT, entry([gold_act]))
    assert [kind for kind, _ in missed] == [component]
    assert false  # what was proposed instead is a false act


def test_a_victim_whose_name_is_never_found_is_a_name_miss():
    persons = {"Aidar Serikov": ["Aidar Serikov"], "Dana Omarova": ["Dana Omarova"], "Yerlan Zhakupov": ["Zhakupov"]}
    missed, _ = act_errors.explain(TEXT, entry([{"victim": "Yerlan Zhakupov", "group": "PENALTY", "date": "2022"}],
                                               persons))
    assert [kind for kind, _ in missed] == ["a"]


def test_a_proposed_act_matching_the_gold_is_neither_missed_nor_false():
    acts = [{"victim": "Aidar Serikov", "group": "DEPRIVATION", "date": "2021-03-03"}]
    missed, false = act_errors.explain(TEXT, entry(acts))
    assert missed == []
    assert all(act[0] != "Aidar Serikov" or act[1] != "DEPRIVATION" for _, act, _ in false)
