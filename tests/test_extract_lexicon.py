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
    assert len([row for row in lexicon.table("months", "kk") if lexicon.CYRILLIC_LETTER.search(row[0])]) == 12


def test_kazakh_rows_are_read_in_the_latin_alphabet_of_2021_too():
    """kk/latin.tsv: each Cyrillic row has a Latin twin, so a text in Latin letters meets the same rules."""
    triggers = [pattern for act_type, pattern in lexicon.table("triggers", "kk") if act_type == "detained"]
    assert any("ūstaldy" in pattern for pattern in triggers)
    months = dict(lexicon.table("months", "kk"))
    assert months["qañtar\\w*"] == "1" and months["jeltoqsan\\w*"] == "12"
    assert lexicon.transliterate("Қылмыстық кодекстің 405-бабы", lexicon._alphabet("kk")) == "Qylmystyq kodekstıñ 405-baby"
    # a short word that would become an English one gets no twin: "он" (ten) is not "on"
    assert "on" not in {word for word, _ in lexicon.table("numbers", "kk")}
    assert not any(row == ("bystander_ending", "men|pen|ben") for row in lexicon.table("modifiers", "kk"))
    for name in ("triggers", "months", "codes", "penalties", "relative", "case_endings"):
        for row in lexicon.table(name, "kk"):
            for cell in row:
                re.compile(cell, re.I)


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
