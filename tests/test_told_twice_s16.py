"""Session 16 (h26-date2): one act told twice, once with its date and once without.

A detention told with its day and then again as a state ("remains in custody", "тергеу изоляторында отыр"), as a
vague summary ("бірнеше рет қамалған", "had been arrested twice before"), as an attributive ("сотталған белсенді")
beside the dated verdict, or in a list entry as "in custody" / an administrative arrest beside the entry's dated
detention: the annotators of the dev parts record one act, dated. acts.without_undated_restatements keeps the dated
telling. Built sentences, detention date shapes x tellings x languages; every case of the first tests failed on
h26-date (7ecd4d2: an undated second act stayed); the guards (true second acts) pass on both. No sentence of the
corpus or of the evaluation documents.
"""

import pytest

from tests.extracting import acts
from tests.test_dating_s16 import DETAINED, NAME  # the detention with its own date: a day, a month, a numeric day

# The same custody told again without a date: a state, or a summary of earlier detentions.
STATE = {
    "en": ["Marat Akhmetov remains in a pre-trial detention centre.",
           "Marat Akhmetov is still held in a pre-trial detention centre.", "Marat Akhmetov remains in custody."],
    "kk": ["Марат Ахметов әлі тергеу изоляторында отыр."],
}
SUMMARY = {
    "en": ["Marat Akhmetov had been arrested twice before."],
    "ru": ["Ранее его уже несколько раз задерживали."],
    "kk": ["Оған дейін де ол бірнеше рет ұсталған.", "Марат Ахметов бұған дейін де бірнеше рет қамалған."],
}
DEPRIVATION = {"detained", "arrested", "pretrial_detention", "house_arrest", "administrative_detention", "imprisoned"}


def _deprivations(text, name):
    return {(t, d) for v, t, d in acts(text, "2024-06-20") if v == name and t in DEPRIVATION}


@pytest.mark.parametrize("lang, detained, state, sep", [
    (lang, d, s, sep) for lang in STATE for d in DETAINED[lang] for s in STATE[lang] for sep in (" ", "\n\n")])
def test_a_custody_state_without_a_date_is_the_dated_detention(lang, detained, state, sep):
    first, day = detained
    assert _deprivations(first + sep + state, NAME[lang]) == {("detained", day)}


@pytest.mark.parametrize("lang, detained, summary", [
    (lang, d, s) for lang in SUMMARY for d in DETAINED[lang] for s in SUMMARY[lang]])
def test_an_undated_summary_of_detentions_adds_no_act(lang, detained, summary):
    first, day = detained
    assert _deprivations(f"{first} {summary}", NAME[lang]) == {("detained", day)}


VERDICT = [("2022 жылғы 5 қазанда сот Марат Ахметовты бес жылға бас бостандығынан айырды.", "2022-10-05"),
           ("05.10.2022 сот Марат Ахметовты бес жылға бас бостандығынан айырды.", "2022-10-05"),
           ("Марат Ахметов 2022 жылғы қазанда бес жылға сотталған еді.", "2022-10")]


@pytest.mark.parametrize("verdict, day", VERDICT)
def test_a_convicted_activist_is_the_dated_verdict(verdict, day):
    text = f"Сотталған белсенді Марат Ахметов аштық жариялады. {verdict}"
    assert {d for v, t, d in acts(text, "2024-06-20") if v == NAME["kk"] and t == "sentenced"} == {day}


ENTRY = {
    "en": ["1. AKHMETOV Marat (Almaty) — detained 21.03.2024. Art. 488 of the Administrative Code. "
           "7 days of administrative arrest.",
           "1. AKHMETOV Marat, activist, Almaty — detained 21.03.2024; sentenced 28.11.2024 to 5 years' imprisonment "
           "under CC Art. 174 — in custody."],
    "ru": ["1. АХМЕТОВ Марат (Алматы) — задержан 21.03.2024. Ст. 488 КоАП. 7 суток административного ареста.",
           "1. АХМЕТОВ Марат, активист, Алматы — задержан 21.03.2024; осуждён 28.11.2024 к 5 годам лишения свободы "
           "по ст. 174 УК — под стражей."],
    "kk": ["1. АХМЕТОВ Марат (Алматы) — 21.03.2024 ұсталды. ӘҚБтК 488-бабы. 7 тәулік әкімшілік қамау."],
}


@pytest.mark.parametrize("lang, entry", [(lang, e) for lang in ENTRY for e in ENTRY[lang]])
def test_a_list_entry_tells_its_custody_once(lang, entry):
    found = _deprivations(entry, NAME[lang])
    assert ("detained", "2024-03-21") in found
    assert all(d for _, d in found)  # no undated second custody beside the entry's dated one


# Guards: true second acts stay two.
AGAIN = {"en": "On 2 May 2023 police detained Marat Akhmetov again.",
         "ru": "2 мая 2023 года полиция снова задержала Марата Ахметова.",
         "kk": "2023 жылғы 2 мамырда полиция Марат Ахметовты қайтадан ұстады."}
LATER = {"en": "A court later jailed Marat Akhmetov for 10 days.",
         "ru": "Позднее суд арестовал Марата Ахметова на 10 суток.",
         "kk": "Кейінірек сот Марат Ахметовты 10 тәулікке әкімшілік қамауға алды."}


@pytest.mark.parametrize("lang", NAME)
@pytest.mark.parametrize("shape", [0, 2])
def test_a_re_arrest_on_another_day_stays_a_second_act(lang, shape):  # guard
    first, day = DETAINED[lang][shape]
    assert _deprivations(f"{first} {AGAIN[lang]}", NAME[lang]) == {("detained", day), ("detained", "2023-05-02")}


@pytest.mark.parametrize("lang", NAME)
def test_a_later_step_without_a_date_stays(lang):  # guard
    first, day = DETAINED[lang][0]
    found = _deprivations(f"{first} {LATER[lang]}", NAME[lang])
    assert ("detained", day) in found and len(found) == 2


@pytest.mark.parametrize("lang, sentence", [("en", "Marat Akhmetov is under house arrest."),
                                            ("kk", "Марат Ахметов үй қамағында отыр.")])
def test_an_undated_house_arrest_stays(lang, sentence):  # guard: another measure, counted by the annotators
    first, day = DETAINED[lang][0]
    assert _deprivations(f"{first} {sentence}", NAME[lang]) == {("detained", day), ("house_arrest", "")}
