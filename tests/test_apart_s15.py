"""People who must stay apart, second set (issue 12, session 15): kinds session 14 did not generate (namesakes of
another role or city, a Kazakh patronymic beside a family name, a parent or child in a biography line, a given name
alone beside two persons who have it, hyphenated given names, maiden names, initials of father and son, places and
foundations named after persons, a byline), over new names, ingested and resolved together in one database
(tests/generative/apart_s15.py).

    PYTHONPATH=$PWD pytest tests/test_apart_s15.py -k table -s     # the table by kind and language
"""

import os

import pytest

from tests.generative import apart_s15, run_rolled_back

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def rows(django_db_setup, django_db_blocker):
    return run_rolled_back(django_db_blocker, lambda actor: apart_s15.run(apart_s15.generate(
        per=int(os.environ.get("APART_PER", "1")), seed=int(os.environ.get("APART_SEED", apart_s15.SEED))), actor))


def test_table(rows):
    print()
    print(apart_s15.table(rows))
    print(apart_s15.totals(rows))
    print("without the kinds only reported:", apart_s15.totals([r for r in rows if r[0] not in REPORTED_ONLY]))
    if not os.environ.get("APART_HELD_OUT"):
        for row in rows:
            if row[2] in ("WRONG", "MISSED", "unread", "phantom"):
                print(row)


# The same full name in two documents with nothing but the name in common (other city, other act): still one record
# (the extractor takes the record of that exact name; the resolver links 0.99 on the names). Left open (notes
# h25-res): queueing every such pair would split the many real persons reported in several cities. Printed by the
# table, not asserted.
REPORTED_ONLY = {"namesake_city"}


def test_no_two_people_of_an_apart_kind_become_one_record(rows):
    wrong = [row for row in rows if row[2] == "WRONG" and row[0] not in REPORTED_ONLY]
    assert not wrong, wrong


def test_every_variant_of_one_person_is_merged_or_queued(rows):
    missed = [row for row in rows if row[2] == "MISSED"]
    assert not missed, missed


# -- the causes, one by one -------------------------------------------------------------------------------------
def _live(name):
    from qorgau.records.models import Person

    return list(Person.objects.filter(merged_into__isnull=True, name=name))


@pytest.mark.parametrize("lang, first, second, name", [
    ("en", "Police detained activist Darkhan Faridov in Semey on 3 May 2024.",
     "In Atyrau, police officer Darkhan Faridov detained Zhanat Atabekov at a rally on 9 March 2024.", "Darkhan Faridov"),
    ("ru", "3 мая 2024 года в Семее полиция задержала активиста Ерболата Мансурова.",
     "9 марта 2024 года в Костанае сотрудник полиции Ерболат Мансуров задержал Жаната Атабекова на митинге.",
     "Ерболат Мансуров"),
    ("kk", "2024 жылғы 3 мамырда Семей қаласында полиция белсенді Темирлан Асылбековты ұстады.",
     "2024 жылғы 9 наурызда Қостанай қаласында полиция қызметкері Темирлан Асылбеков митингте Ермек Айбековты ұстады.",
     "Темирлан Асылбеков"),
])
def test_a_police_officer_who_shares_an_activists_name_gets_a_record_of_his_own(alice, lang, first, second, name):
    """Before: "police officer" / "сотрудник полиции" / "полиция қызметкері" were no role, so the officer's mention
    took the activist's record (one record, two people)."""
    from qorgau.documents.pipeline import ingest
    from qorgau.resolution.models import Candidate

    ingest("a.txt", first.encode(), actor=alice, language=lang)
    ingest("b.txt", second.encode(), actor=alice, language=lang)
    records = _live(name)
    assert sorted(r for p in records for r in p.roles) == ["activist", "police"]
    assert Candidate.objects.filter(left__in=records, right__in=records).exists()   # a reviewer decides


@pytest.mark.parametrize("lang, first, second, maiden", [
    ("en", "Police detained activist Nurgul Bekzhanova in Semey on 3 May 2024.",
     "Nurgul Amirova (née Bekzhanova) appealed the arrest.", "Nurgul Bekzhanova"),
    ("ru", "3 мая 2024 года в Семее полиция задержала активистку Айжан Альбертову.",
     "Айжан Сакенова (урождённая Альбертова) обжаловала арест.", "Айжан Альбертова"),
    ("kk", "2024 жылғы 3 мамырда Семей қаласында полиция белсенді Гульнара Бакированы ұстады.",
     "Гульнара Василиева (қыз кезіндегі тегі Бакирова) қамауға шағымданды.", "Гульнара Бакирова"),
])
def test_a_woman_printed_with_her_maiden_name_is_one_record_with_both_names(alice, lang, first, second, maiden):
    """Before: the married name and the maiden name were two records, not even queued."""
    from qorgau.documents.pipeline import ingest
    from qorgau.records.models import Person

    ingest("a.txt", first.encode(), actor=alice, language=lang)
    ingest("b.txt", second.encode(), actor=alice, language=lang)
    live = [p for p in Person.objects.filter(merged_into__isnull=True)
            if maiden in {p.name, *p.names.values_list("name", flat=True)}]
    assert len(live) == 1
    married = second.split(" (")[0]
    assert {maiden, married} <= {live[0].name, *live[0].names.values_list("name", flat=True)}


def test_a_maiden_name_does_not_join_her_sister(alice):
    from qorgau.documents.pipeline import ingest

    ingest("a.txt", "Гульзира Зейнепова (урождённая Мереева) и её сестра Гульнара Мереева оштрафованы в Семее."
           .encode(), actor=alice, language="ru")
    assert len(_live("Гульзира Зейнепова")) == 1 and len(_live("Гульнара Мереева")) == 1


@pytest.mark.parametrize("lang, text, a, b", [
    ("ru", "В Семее задержаны Ерсин Миратов и Ерсин Дамиров. «Мы обжалуем арест», — сказал Ерсин.",
     "Ерсин Миратов", "Ерсин Дамиров"),
    ("kk", "Қызылорда қаласында Еркинбек Артурбеков мен Еркинбек Анатолийбеков ұсталды. «Шағымданамыз», – деді "
           "Еркинбек.", "Еркинбек Артурбеков", "Еркинбек Анатолийбеков"),
])
def test_a_given_name_alone_that_two_persons_have_links_neither(alice, lang, text, a, b):
    """Before: the one-word record ("Ерсин", read as a family name alone) was linked to both (a given name alone,
    +8.6, and one document, +2), and the two namesakes ended as one record."""
    from qorgau.documents.pipeline import ingest
    from qorgau.resolution.actions import resolve

    ingest("quote.txt", text.encode(), actor=alice, language=lang)
    resolve(actor=alice)   # and a run over every record, as `qorgau resolve` does
    assert len(_live(a)) == 1 and len(_live(b)) == 1


def test_a_given_name_alone_after_one_person_still_links(alice):
    from qorgau.documents.pipeline import ingest
    from qorgau.records.models import Person

    ingest("quote.txt", "В Семее задержан Ерсин Миратов. «Мы обжалуем арест», — сказал Ерсин.".encode(), actor=alice,
           language="ru")
    assert not Person.objects.filter(merged_into__isnull=True, name="Ерсин").exists()


@pytest.mark.parametrize("a, b, same", [
    ("Ак-Куат Амиров", "Куат Амиров", False), ("Нур-Ахмет Беков", "Ахмет Беков", False),
    ("Nur-Akhmet Bekov", "Akhmet Bekov", False),
    ("Нур-Ахмет Беков", "Нурахмет Беков", True), ("Nur-Akhmet Bekov", "Нур-Ахмет Беков", True),
])
def test_a_hyphenated_given_name_and_one_of_its_parts_are_two_names(a, b, same):
    """Before: Ак-Куат / Куат were one letter apart on the keys ("given alike", +4): brothers linked at 0.99."""
    from qorgau.resolution.scoring import AUTO, REVIEW, pair_probability

    p = pair_probability(a, b)
    assert p >= AUTO if same else REVIEW <= p < AUTO


@pytest.mark.parametrize("a, b", [("Бибігүл Әділқызы", "Bibıgül Ädılqyzy"), ("Алёна Семёнова", "Aliona Semionova"),
                                  ("Пётр Берёзкин", "Piotr Beriozkin")])
def test_kazakh_latin_qyzy_and_yo_written_io_link(a, b):
    from qorgau.resolution.scoring import AUTO, pair_probability

    assert pair_probability(a, b) >= AUTO


@pytest.mark.parametrize("a, b", [("Иван Абаев", "Иван Араев"), ("Aigerim Abaeva", "Aigerim Araeva")])
def test_family_names_from_two_listed_given_names_in_ai_are_two_families(a, b):
    """Абай / Арай (-ай + -ев = -аев): before, one letter apart was a typo and two strangers were linked (0.99)."""
    from qorgau.resolution.scoring import AUTO, REVIEW, pair_probability

    assert REVIEW <= pair_probability(a, b) < AUTO


# -- session 15, second wave (h25-res2): brothers and sisters sharing a family name ------------------------------
@pytest.mark.parametrize("text, subject, relative", [
    ("Активиста Кенжебулатова снова задержали\n\nВ Семее полиция задержала активиста Даурена Кенжебулатова. Брат "
     "задержанного, Арман Кенжебулатов, рассказал, что ему никто не звонил. В полиции от комментариев отказались.\n\nКенжебулатову "
     "грозит до пяти лет.",
     "Даурен Кенжебулатов", "Арман Кенжебулатов"),
    ("Журналистку Абдрахманову оштрафовали\n\nВ Костанае суд оштрафовал журналистку Гаухар Абдрахманову. Сестра "
     "осуждённой, Сауле Абдрахманова, назвала решение незаконным. Суд "
     "своё решение не комментирует.\n\nАбдрахмановой дали десять дней на обжалование.",
     "Гаухар Абдрахманова", "Сауле Абдрахманова"),
    ("Activist Kenzhebulatov detained again\n\nPolice in Semey detained activist Dauren Kenzhebulatov on Tuesday. "
     "A brother of the detainee, Arman Kenzhebulatov, said nobody had called him. The police gave no comment. Kenzhebulatov faces five "
     "years.",
     "Dauren Kenzhebulatov", "Arman Kenzhebulatov"),
])
def test_a_family_name_alone_is_the_subject_not_the_relative_named_after_him(text, subject, relative):
    """A headline's family name alone, before any full name, and the family name alone after "Брат задержанного,
    Арман …" (a kin word whose person follows in lower case, then the name in apposition) are the subject. Before:
    the headline took the name recorded last (the brother) and the later one the nearest full name (the brother):
    on the validation round the brothers Тайчибеков were 10 wrong pairs."""
    from qorgau.documents.extract.names import find_persons

    alone = [m.name for m in find_persons(text) if m.how == "surname"]
    assert alone and set(alone) == {subject}
    assert relative in {m.name for m in find_persons(text)}


def test_a_declined_family_name_alone_is_read_the_same_whatever_the_hash_seed():
    """"Кенжебулатову" is Кенжебулатов's dative or Кенжебулатова's accusative, both printed in the text: which
    family it was read as came from the order of a set, so the person chosen changed from one process to the next
    (hash seeds 5 and 6 chose the two brothers). Now a family name some full name ends with comes first."""
    import subprocess
    import sys
    from pathlib import Path

    text = ("Активиста Кенжебулатова снова задержали\n\nВ Семее полиция задержала активиста Даурена "
            "Кенжебулатова. Брат задержанного, Арман Кенжебулатов, рассказал, что ему никто не звонил. "
            "Кенжебулатову грозит до пяти лет.")
    code = ("import django, os, sys; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'qorgau.settings'); "
            "django.setup(); from qorgau.documents.extract.names import find_persons; "
            "print([m.name for m in find_persons(sys.argv[1])])")
    root = str(Path(__file__).resolve().parent.parent)
    seen = {subprocess.run([sys.executable, "-c", code, text], capture_output=True, text=True, cwd=root, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": root}).stdout
            for seed in ("5", "6", "7")}
    assert len(seen) == 1, seen


@pytest.mark.parametrize("text, name", [
    ("В Караганде задержан блогер Олег Карасев. Карасёв вину не признал.", "Олег Карасев"),
    ("В Караганде задержан блогер Олег Карасёв. Карасев вину не признал.", "Олег Карасёв"),
    ("В Темиртау оштрафована активистка Дина Селезнева. Селезнёва решение обжаловала.", "Дина Селезнева"),
])
def test_a_family_name_alone_with_or_without_the_dots_of_yo_is_the_full_names(text, name):
    """"Сычёв" after "Игорь Сычев" (validation round): the family name alone was no one's (-ёв was no family
    name's ending), and the pair was missed."""
    from qorgau.documents.extract.names import find_persons

    assert [m.name for m in find_persons(text)] == [name, name]


@pytest.mark.parametrize("text, alias, name", [
    ("Нуржан Сагимбаев (каз. Нұржан Сағымбаев; в ряде изданий — Нуржан Сагимбай) — активист из Уральска.",
     "Нуржан Сагимбай", "Нуржан Сагимбаев"),
    ("Суд над Ерланом Абеновым (в ряде изданий — Абинов) начался в мае.", "Абинов", "Ерлан Абенов"),
    ("Trial of Daniyar Kusainov (in some media — Kussainuly) opened in May.", "Kussainuly", "Daniyar Kusainov"),
    ("Данияр Құсайынов (кейбір басылымдарда — Данияр Кусаинов) мамырда сотталды.", "Данияр Кусаинов",
     "Данияр Құсайынов"),
])
def test_a_spelling_the_bracket_says_the_press_uses_is_the_same_person(text, alias, name):
    """"Талгат Аян (…; в ряде изданий — Толгат Аянов)" (validation round): the other spelling, two letters and an
    ending apart, was a person of its own (8 missed pairs)."""
    from qorgau.documents.extract.names import find_persons

    assert {m.text: m.name for m in find_persons(text)}.get(alias) == name


def test_brothers_sharing_a_family_name_stay_two_records_each_with_his_own_mentions(alice):
    """Through `ingest`: the detained blogger's headline and later family-name-alone mentions go to his record, not
    to the brother's, who is named once."""
    from django.contrib.contenttypes.models import ContentType

    from qorgau.documents.pipeline import ingest
    from qorgau.records.models import Citation, Person

    text = ("Активиста Кенжебулатова снова задержали\n\nВ Семее полиция задержала активиста Даурена Кенжебулатова. "
            "Брат задержанного, Арман Кенжебулатов, рассказал, что ему никто не звонил. В полиции от комментариев "
            "отказались.\n\nКенжебулатову грозит до пяти лет.")
    ingest("brothers.txt", text.encode(), actor=alice, language="ru")
    [subject], [brother] = _live("Даурен Кенжебулатов"), _live("Арман Кенжебулатов")
    kind = ContentType.objects.get_for_model(Person)

    def cited(person):
        return sorted(Citation.objects.filter(content_type=kind, object_id=person.pk, field="mention")
                      .values_list("text", flat=True))

    assert cited(brother) == ["Арман Кенжебулатов"]
    assert cited(subject) == ["Даурена Кенжебулатова", "Кенжебулатова", "Кенжебулатову"]


@pytest.mark.parametrize("text, name", [
    ("Айгуль Дуйсенова защищала Ерлана Дуйсенова. Дуйсенова просила суд об отсрочке.", "Айгуль Дуйсенова"),
    ("Ерлана Дуйсенова защищала Айгуль Дуйсенова. Дуйсенова заявила, что он невиновен.", "Айгуль Дуйсенова"),
    ("Ерлана Дуйсенова защищала Айгуль Дуйсенова. Дуйсенова заявил, что невиновен.", "Ерлан Дуйсенов"),
    ("Суд арестовал Нурлана Жапарова. Его защищала Дина Жапарова. Жапарова сказала, что обжалует арест.",
     "Дина Жапарова"),
])
def test_a_woman_and_a_man_of_one_family_the_words_around_a_family_name_alone_decide(text, name):
    """"Бокаева" is Макс Бокаев's genitive and Жанаргуль Бокаева's nominative (validation round): the name was the
    one recorded last (often his printed genitive), so "Бокаева заявила" could be read as him."""
    from qorgau.documents.extract.names import find_persons

    assert [m.name for m in find_persons(text) if m.how == "surname"] == [name]
