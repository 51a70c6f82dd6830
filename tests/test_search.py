import pytest

from qorgau.lib.textfold import fold, search_terms
from qorgau.records import actions, indexing
from qorgau.records.models import Person

pytestmark = pytest.mark.django_db


def names_found(query, user=None):
    return set(indexing.search(Person, query, user).values_list("uid", flat=True))


@pytest.mark.parametrize("query", ["Tobylova", "тобылова", "Тобылова", "Ақмарал", "akmaral tob"])
def test_it_finds_a_person_by_any_script(query):
    assert "per_tobylova" in names_found(query)


def test_kazakh_letters_fold_to_what_russian_and_english_writers_use():
    assert "per_sadykova" in names_found("Садықова")
    assert fold("Майгүл Садықова") == fold("Майгул Садыкова")
    assert "musauly" in search_terms("Алибек Мусаулы")


def test_every_word_must_match():
    assert names_found("Akhmetova") >= {"per_zh_akhmetova"}
    assert "per_b_akhmetov" not in names_found("Zhanara Akhmetova")


def test_it_finds_new_names_at_once(alice):
    person = Person.objects.get(uid="per_ayan")
    actions.do_add_name(person, actor=alice, name="Талғат Аян", lang="kk")
    assert "per_ayan" in names_found("Талғат")


def test_a_confidential_alias_is_found_only_by_the_cleared(alice, carol):
    person = Person.objects.get(uid="per_bokaev")
    actions.do_add_name(person, actor=alice, name="Qyzylbas Codename", sensitivity="confidential")
    assert "per_bokaev" in names_found("Qyzylbas", alice)
    assert "per_bokaev" not in names_found("Qyzylbas", carol)
    assert "per_bokaev" not in names_found("Qyzylbas", None)


def test_it_searches_document_text(alice):
    from qorgau.documents.models import Document

    doc = actions.create_record(Document, actor=alice, title="Court note", text="The hearing in Zhanaozen was adjourned.",
                                sensitivity="public")
    assert doc in indexing.search(Document, "zhanaozen adjourn", None)


def test_punctuation_in_a_query_is_harmless():
    assert names_found('"Bokaev*) (') >= {"per_bokaev"}
    assert names_found("NEAR(") == set()
    assert names_found("") == set()


def test_places_answer_to_old_names():
    from qorgau.records.models import Place

    assert set(indexing.search(Place, "Nur-Sultan", None).values_list("uid", flat=True)) == {"plc_astana"}
    assert set(indexing.search(Place, "Semipalatinsk", None).values_list("uid", flat=True)) == {"plc_semey"}
