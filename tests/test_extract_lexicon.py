"""The rules' words are data: every lexicon file is well-formed, and a new language or trigger is a data change."""

import re
import shutil

from qorgau.documents.extract import lexicon
from qorgau.records.models.acts import GROUP_OF


def test_every_trigger_names_a_known_act_type_and_every_pattern_compiles():
    act_types = {row[0] for row in lexicon.table("act_types")}
    assert act_types <= set(GROUP_OF)
    for language in lexicon.languages():
        for act_type, pattern in lexicon.table("triggers", language):
            assert act_type in act_types, (language, act_type)
            re.compile(pattern, re.I)
        for name in ("modifiers", "codes", "perpetrators", "relative"):
            for row in lexicon.table(name, language):
                re.compile(row[0] if name == "relative" else row[1], re.I)


def test_every_language_has_triggers_months_codes_and_penalties():
    assert set(lexicon.languages()) >= {"en", "ru", "kk"}
    for language in lexicon.languages():
        for name in ("triggers", "months", "codes", "penalties", "roles", "modifiers", "numbers"):
            assert lexicon.table(name, language), (language, name)
    assert len(lexicon.table("months", "kk")) == 12


def test_a_new_language_is_a_folder_of_files(tmp_path, monkeypatch):
    copy = tmp_path / "lexicon"
    shutil.copytree(lexicon.HERE, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (copy / "de").mkdir()
    (copy / "de" / "triggers.tsv").write_text("# German\ndetained\tfestgenommen\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "HERE", copy)
    lexicon.table.cache_clear()
    try:
        assert "de" in lexicon.languages()
        assert "festgenommen" in lexicon.grouped("triggers")["detained"]
    finally:
        lexicon.table.cache_clear()
