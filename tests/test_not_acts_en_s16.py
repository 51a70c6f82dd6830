"""English false acts by kind, generated (session 16, h26-enprec, issue 11): what a demand, a negation or a topic names
is no act — and the act told beside the same words stays one.

Generated from the verbs and nouns of the language, not from documents: every tense of the verbs that ask for
something ("called for", "urged", "pressed / appealed / campaigned / asked for", "insisted on", "call on … to")
× the acts one asks for (release, acquittal, arrest, punishment) × subjects × names; a determiner "no" before the act
noun and a negative quantifier's "including" list; "torture" as a topic ("spoke about torture", "a report on
torture", "the campaign against torture", "the anti-torture campaigner", "the torture trials"). Each kind has
positive siblings built from the same words ("she called for a rally and was detained", "charges were brought
against X", "X complained of torture") that must keep their act. The sentences are made up; names are invented.

Run `python tests/test_not_acts_en_s16.py` (PYTHONPATH set to a tree) for the counts of each kind.
"""

import itertools
import os

import pytest

if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    django.setup()

from qorgau.records.models.acts import GROUP_OF  # noqa: E402
from tests.test_extract_kazakh_pairs import acts, pairs  # noqa: E402

NAMES = ["Aset Nurov", "Dana Iskakova", "Ruslan Tokhtarov"]
DEMANDERS = ["Rights groups", "Amnesty International", "His family", "The OSCE"]
DEMAND_VERBS = ["called for", "are calling for", "call for", "urged", "pressed for", "appealed for", "campaigned for",
                "asked for", "insisted on"]
# what is asked for, and the act group it would name if it were an act
ASKED = [("{v}'s release", "RELEASE"), ("the release of {v}", "RELEASE"),
         ("the immediate and unconditional release of {v}", "RELEASE"), ("{v}'s acquittal", "RELEASE"),
         ("the acquittal of {v}", "RELEASE"), ("{v}'s arrest", "DEPRIVATION"), ("the arrest of {v}", "DEPRIVATION")]


def demands():
    out = []
    for (who, verb, (obj, group)), name in zip(itertools.product(DEMANDERS, DEMAND_VERBS, ASKED),
                                               itertools.cycle(NAMES)):
        out.append((group, f"On 15 March 2024 {who} {verb} {obj.format(v=name)}.", name))
    for verb, name in itertools.product(["called on", "urged", "calls on"], NAMES):
        out.append(("RELEASE", f"On 15 March 2024 the OSCE {verb} the authorities to release {name}.", name))
    return out


# the same verbs where the act did happen: the person who called for something and was detained for it
def demand_siblings():
    out = []
    for verb, name in itertools.product(["called for", "urged", "pressed for", "appealed for", "campaigned for",
                                         "insisted on"], NAMES):
        out.append(("DEPRIVATION", f"On 15 March 2024 {name} {verb} a boycott and was detained.", name))
        out.append(("DEPRIVATION", f"After {name} {verb} a boycott, police detained {name} on 15 March 2024.", name))
        out.append(("DEPRIVATION", f"{name}, who {verb} reforms, was detained on 15 March 2024.", name))
    return out


NEGATIONS = [
    ("PROSECUTION", "No charges were brought against {v}."),
    ("PROSECUTION", "On 15 March 2024 {v} was questioned as a witness; no charges were brought against him."),
    ("PROSECUTION", "No one, including {v}, was charged."),
    ("DEPRIVATION", "None of the protesters, including {v}, was detained."),
    ("DEPRIVATION", "Nobody, including {v}, was detained on 15 March 2024."),
]
NEGATION_SIBLINGS = [
    ("PROSECUTION", "Charges were brought against {v} on 15 March 2024."),
    ("DEPRIVATION", "Several protesters, including {v}, were detained on 15 March 2024."),
    ("DEPRIVATION", "{v} was detained on 15 March 2024 with no explanation."),
    ("DEPRIVATION", "On 15 March 2024, {v} was detained at Colony No. 2."),
    ("DEPRIVATION", "No sooner had {v} left the court than he was detained on 15 March 2024."),
]

TOPICS = [
    "{v} spoke about torture in prisons on 15 March 2024.",
    "On 15 March 2024 {v} presented a report on torture.",
    "On 15 March 2024 {v} joined the campaign against torture.",
    "On 15 March 2024 the anti-torture campaigner {v} spoke in Almaty.",
    "On 15 March 2024 {v} asked the court to open the torture trials to the public.",
    "{v}, who heads the group Relatives against torture, spoke on 15 March 2024.",
    "On 15 March 2024 {v} wrote about torture prevention in the colonies.",
]
TOPIC_SIBLINGS = [
    "{v} was tortured in custody on 15 March 2024.",
    "{v} said guards had tortured him on 15 March 2024.",
    "{v} complained of torture on 15 March 2024.",
    "On 15 March 2024 {v} was subjected to torture in the detention centre.",
]


def groups(text, who):
    return {GROUP_OF.get(t) for n, t, d in acts(text) if n == who}


def dated(text, who):
    return {(GROUP_OF.get(t), d) for n, t, d in acts(text) if n == who}


@pytest.mark.parametrize("group, text, who", demands())
def test_a_demand_for_an_act_is_no_act(group, text, who):
    assert group not in groups(text, who), text


@pytest.mark.parametrize("group, text, who", demand_siblings())
def test_who_demanded_something_and_was_detained_keeps_the_detention(group, text, who):
    assert (group, "2024-03-15") in dated(text, who), text


@pytest.mark.parametrize("group, frame, who", [(g, f, w) for (g, f), w in itertools.product(NEGATIONS, NAMES)])
def test_a_negated_act_noun_is_no_act(group, frame, who):
    text = frame.format(v=who)
    assert group not in groups(text, who), text


@pytest.mark.parametrize("group, frame, who",
                         [(g, f, w) for (g, f), w in itertools.product(NEGATION_SIBLINGS, NAMES)])
def test_the_act_beside_a_no_stays(group, frame, who):
    text = frame.format(v=who)
    assert (group, "2024-03-15") in dated(text, who), text


@pytest.mark.parametrize("frame, who", list(itertools.product(TOPICS, NAMES)))
def test_torture_as_a_topic_is_no_ill_treatment(frame, who):
    text = frame.format(v=who)
    assert "VIOLENCE" not in groups(text, who), text


@pytest.mark.parametrize("frame, who", list(itertools.product(TOPIC_SIBLINGS, NAMES)))
def test_torture_told_of_a_person_stays_ill_treatment(frame, who):
    text = frame.format(v=who)
    assert ("VIOLENCE", "2024-03-15") in dated(text, who), text


# An undated state or charge that restates the same person's dated act of its kind: the same act again, not a second
# one ("remains in a detention facility" after "detained on 6 January"; "was charged with …" before "his trial opened
# on 12 May"). Alone, the state or the charge stays an act.
CHARGES = ["was charged with inciting discord", "was accused of spreading false information",
           "was charged under Article 174"]
TRIALS = ["His trial opened on 12 May 2024.", "He went on trial on 12 May 2024.", "He stood trial on 12 May 2024."]
FEMALE = {"Dana Iskakova"}


def _trial(trial, name):  # the pronoun of the person's gender
    return trial.replace("His ", "Her ").replace("He ", "She ") if name in FEMALE else trial
DETENTIONS = ["Police detained {v} on 6 January 2024.", "{v} was arrested on 6 January 2024."]
STATES = ["{v}, the editor of a weekly, remains in a KNB detention facility in Taraz.",
          "{v}, who is held in a pre-trial detention centre, denies the charges."]


def restatements():
    out = [(f"{name} {charge}. {_trial(trial, name)}", name, ("PROSECUTION", "2024-05-12"))
           for charge, trial, name in itertools.product(CHARGES, TRIALS, NAMES)]
    out += [(f"{det.format(v=name)}\n\n{state.format(v=name)}", name, ("DEPRIVATION", "2024-01-06"))
            for det, state, name in itertools.product(DETENTIONS, STATES, NAMES)]
    return out


@pytest.mark.parametrize("text, who, kept", restatements())
def test_an_undated_restatement_of_a_dated_act_is_no_second_act(text, who, kept):
    got = dated(text, who)
    assert kept in got and not any(g == kept[0] and not d for g, d in got), (text, got)


@pytest.mark.parametrize("charge, trial, who", list(itertools.product(CHARGES[2:], TRIALS, NAMES)))
def test_the_restated_charges_article_stays_the_persons(charge, trial, who):
    assert (who, "174") in pairs(f"{who} {charge}. {_trial(trial, who)}"), charge


@pytest.mark.parametrize("frame, who, group", [(c, n, "PROSECUTION") for c, n in itertools.product(CHARGES, NAMES)]
                         + [(st, n, "DEPRIVATION") for st, n in itertools.product(STATES, NAMES)])
def test_a_state_or_a_charge_alone_stays_an_act(frame, who, group):
    text = frame.format(v=who) if "{v}" in frame else f"{who} {frame}."
    assert group in groups(text, who), text


# A speaker named as someone's relative or as an office's voice speaks of the other person's act, told with a
# pronoun; the same person named without that tie, or acted on, keeps the act.
KIN = ["brother", "sister", "wife", "mother", "father", "son", "cousin"]
SPEECH = ["said", "told reporters", "told RFE/RL", "confirmed", "added"]
VOICES = ["{o}, a spokesman for the city police, {s}",
          "{o}, the head of the Almaty police department, {s}",
          "{o}, a representative of the prosecutor's office, {s}",
          "The head of the city police, {o}, {s}",
          "A spokeswoman for the Interior Ministry, {o}, {s}"]
ACTS_TOLD = [("he had been beaten", "VIOLENCE"), ("he had been charged with hooliganism", "PROSECUTION"),
             ("he was released that evening", "RELEASE")]
SPEAKER = "Bolat Serikov"


def speakers():
    out = []
    for kin, speech, (told, group) in itertools.product(KIN, SPEECH, ACTS_TOLD):
        out.append((f"Aset Nurov was detained on 15 March 2024. His {kin} {SPEAKER} {speech} {told}.", group))
    for voice, speech, (told, group) in itertools.product(VOICES, SPEECH[:3], ACTS_TOLD):
        out.append((f"Aset Nurov was detained on 15 March 2024. {voice.format(o=SPEAKER, s=speech)} {told}.", group))
    return out


@pytest.mark.parametrize("text, group", speakers())
def test_a_relative_or_an_office_speaking_of_him_is_no_victim(text, group):
    got = acts(text)
    assert not any(n == SPEAKER for n, _, _ in got) and group in groups(text, "Aset Nurov"), (text, got)


@pytest.mark.parametrize("text, group", [
    *[(f"Aset Nurov was detained on 15 March 2024. His {kin} {SPEAKER} was detained on 16 March 2024.",
       "DEPRIVATION") for kin in KIN],
    *[(f"Aset Nurov was detained on 15 March 2024. {SPEAKER} {speech} {told}.", group)
      for speech, (told, group) in itertools.product(SPEECH[:3], ACTS_TOLD[:2])],
])
def test_the_relative_acted_on_or_the_speaker_without_a_tie_keeps_the_act(text, group):
    assert group in groups(text, SPEAKER), (text, acts(text))


# An observer's verb before an act noun with an article: "X filmed the arrest of protesters" is no act of X's; "X
# condemned the arrest of Y" is Y's arrest; "X, who had filmed the arrest, was detained" keeps X's detention.
OBSERVERS = ["filmed", "witnessed", "covered", "reported on", "photographed", "wrote about", "livestreamed",
             "documented", "protested against", "condemned", "criticised", "denounced"]
ACT_NOUNS = [("the arrest", "DEPRIVATION"), ("the detention", "DEPRIVATION"), ("the beating", "VIOLENCE"),
             ("the sentencing", "PENALTY")]


def observed():
    out = []
    for verb, (noun, group) in itertools.product(OBSERVERS, ACT_NOUNS):
        out.append((f"On 16 March 2024 {SPEAKER} {verb} {noun} of activists in Almaty.", group, None))
        out.append((f"On 16 March 2024 {SPEAKER} {verb} {noun} of the journalist Aset Nurov.", group, "Aset Nurov"))
        out.append((f"{SPEAKER}, who had {verb} {noun}, was detained on 16 March 2024.", group, None))
    return out


@pytest.mark.parametrize("text, group, victim", observed())
def test_the_observer_of_an_act_is_not_its_victim(text, group, victim):
    got = acts(text)
    own = {(t, d) for n, t, d in got if n == SPEAKER}
    assert own == ({("detained", "2024-03-16")} if "was detained" in text else set()), (text, got)
    if victim:
        assert group in groups(text, victim), (text, got)
    if "was detained" in text:
        assert (SPEAKER, "detained", "2024-03-16") in got, (text, got)


# A name owning a group or a thing ("X's movement", "X's Democratic Choice") after a pronoun subject: the act is the
# pronoun's person's, not the owner's; the same name owning a searched flat keeps the search.
OWNED = ["supporting {o}'s movement", "a post about {o}'s party", "links to {o}'s Democratic Choice of Kazakhstan",
         "financing {o}'s foundation", "attending {o}'s rally"]
TOLD = ["he was arrested for", "he was detained over", "he was charged with"]


def owners():
    return [(f"Aset Nurov ran a farm in Taraz.\n\nIn May 2023 {told} {owned.format(o=SPEAKER)}.", told.split()[2])
            for told, owned in itertools.product(TOLD, OWNED)]


@pytest.mark.parametrize("text, verb", owners())
def test_the_owner_of_a_group_is_not_the_pronouns_victim(text, verb):
    got = acts(text)
    assert not any(n == SPEAKER for n, _, _ in got) and any(n == "Aset Nurov" for n, _, _ in got), (text, got)


@pytest.mark.parametrize("text", [
    f"Aset Nurov ran a farm in Taraz.\n\nIn May 2023 police searched {SPEAKER}'s flat.",
    f"Aset Nurov ran a farm in Taraz.\n\nIn May 2023 {SPEAKER}'s flat was searched.",
])
def test_the_owner_of_a_searched_flat_keeps_the_search(text):
    assert "HARASSMENT" in groups(text, SPEAKER), (text, acts(text))


# An agent named with an office after the name ("A of the Almaty city police detained B"): B is the victim, A none;
# a journalist of a newsroom acted on keeps the act.
OFFICES = ["of the Almaty city police", "of the KNB", "from the Almaty prosecutor's office",
           "of the anti-extremism department", "of the Almaly district court"]
AGENT_VERBS = [("detained", "DEPRIVATION"), ("questioned", "HARASSMENT"), ("searched", "HARASSMENT")]


@pytest.mark.parametrize("office, verb, group", [(o, v, g) for o, (v, g) in itertools.product(OFFICES, AGENT_VERBS)])
def test_an_agent_named_with_an_office_is_no_victim(office, verb, group):
    text = f"On 15 March 2024 {SPEAKER} {office} {verb} Aset Nurov."
    got = acts(text)
    assert not any(n == SPEAKER for n, _, _ in got) and group in groups(text, "Aset Nurov"), (text, got)


@pytest.mark.parametrize("office", ["of Radio Azattyq", "of the opposition party", "from Almaty"])
def test_a_person_of_a_newsroom_acted_on_keeps_the_act(office):
    text = f"On 15 March 2024 {SPEAKER} {office} was detained."
    assert "DEPRIVATION" in groups(text, SPEAKER), (text, acts(text))


if __name__ == "__main__":
    kinds = {
        "demand (no act)": [(g not in groups(t, w)) for g, t, w in demands()],
        "demand sibling (act)": [((g, "2024-03-15") in dated(t, w)) for g, t, w in demand_siblings()],
        "negation (no act)": [(g not in groups(f.format(v=w), w)) for (g, f), w in itertools.product(NEGATIONS, NAMES)],
        "negation sibling (act)": [((g, "2024-03-15") in dated(f.format(v=w), w))
                                   for (g, f), w in itertools.product(NEGATION_SIBLINGS, NAMES)],
        "torture topic (no act)": [("VIOLENCE" not in groups(f.format(v=w), w))
                                   for f, w in itertools.product(TOPICS, NAMES)],
        "torture sibling (act)": [(("VIOLENCE", "2024-03-15") in dated(f.format(v=w), w))
                                  for f, w in itertools.product(TOPIC_SIBLINGS, NAMES)],
        "speaker for another": [(not any(n == SPEAKER for n, _, _ in acts(t))) for t, g in speakers()],
        "observer (not the victim)": [(not any(n == SPEAKER and t != "detained" for n, t, _ in acts(x)))
                                      for x, g, v in observed()],
        "owner of a group (not the victim)": [(not any(n == SPEAKER for n, _, _ in acts(x))) for x, v in owners()],
        "restatement (one act)": [(k in dated(t, w) and not any(g == k[0] and not d for g, d in dated(t, w)))
                                  for t, w, k in restatements()],
    }
    for kind, results in kinds.items():
        print(f"{kind:26} {sum(results):4} of {len(results):4} right")
