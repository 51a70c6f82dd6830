"""Urgent Actions as a supporter, a campaigner and an addressee read them: who a letter names, how it asks,
where it is addressed, what a closed UA still invites, the order of partial dates, consent before publication,
one office in the directory, and finding a person by any spelling in the UA form."""

import datetime

import pytest
from django.core.cache import cache

from qorgau.campaigns import letters
from qorgau.campaigns.models import Target, UrgentAction
from qorgau.campaigns.views import ua_state
from qorgau.lib.dates import partial_date_key, partial_date_order
from qorgau.lib.sensitivity import SYSTEM
from qorgau.records.models import Act, Person

pytestmark = pytest.mark.django_db

LETTER = "/campaigns/ua_63_18/letters/{target}/{lang}/"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def open_ua(deadline="2099-12-31"):
    UrgentAction.objects.filter(uid="ua_63_18").update(status="open", deadline=deadline)


def letter_text(client, target, lang):
    body = client.get(LETTER.format(target=target, lang=lang)).content.decode()
    return body


# Who a letter names ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, withheld", [("en", "2 other people whose names are withheld"),
                                            ("ru", "ещё 2 человека, имена которых не раскрываются"),
                                            ("kk", "аты-жөні жария етілмеген тағы 2 адам")])
def test_a_letter_never_names_a_placeholder_as_a_person(client_for, alice, lang, withheld):
    # alice is cleared: she sees the two anonymous detainees of UA 63/18; the letter counts them, never names them.
    body = letter_text(client_for(alice), "tgt_prosecutor_general_ua6318", lang)
    assert "Anonymous detainee" not in body and "(UA 63/18)" not in body
    assert withheld in body


def test_the_public_letter_does_not_even_count_people_the_public_may_not_see(client):
    body = letter_text(client, "tgt_prosecutor_general_ua6318", "en")
    assert "withheld" not in body and "Akmaral Tobylova" in body


def test_one_woman_is_her_in_russian_and_kazakh_letters_not_they(client):
    ru = letter_text(client, "tgt_prosecutor_general_ua6318", "ru")
    assert "освободить её" in ru and "защитить её" in ru and "прекратить её уголовное преследование" in ru
    assert "названных в этом письме" not in ru and "прекратить их" not in ru
    kk = letter_text(client, "tgt_prosecutor_general_ua6318", "kk")
    assert "оны дереу" in kk and "оған" in kk and "аталған адамдарды" not in kk


def test_pronouns_follow_number_and_gender():
    facts = letters.CaseFacts(names={"ru": ["Иван Петров"], "kk": ["Иван Петров"], "en": ["Ivan Petrov"]},
                              acts=[], deprived=True, charges=[("CC", "174", "")], genders=["m"])
    ru = letters.write_letter(facts, "", "ru")
    assert "освободить его" in ru and "прекратить его уголовное преследование" in ru
    facts.names = {lang: names + ["Second"] for lang, names in facts.names.items()}
    facts.genders = ["m", "m"]
    ru = letters.write_letter(facts, "", "ru")
    assert "освободить названных в этом письме" in ru and "прекратить их" in ru
    kk = letters.write_letter(facts, "", "kk")
    assert "аталған адамдарды" in kk and "оларға" in kk


# How it asks, and where it goes ------------------------------------------------------------------------------

def test_a_body_that_cannot_release_anyone_is_asked_to_call_on_the_authorities(client):
    # The embassy abroad (like a UN working group) cannot release anyone.
    body = letter_text(client, "tgt_ambassador_usa", "en")
    assert "call on the authorities of Kazakhstan" in body and "I respectfully urge you:" not in body
    assert Target.objects.get(uid="tgt_wgad").through_authorities
    domestic = letter_text(client, "tgt_prosecutor_general_ua6318", "en")
    assert "I respectfully urge you:" in domestic and "call on the authorities" not in domestic
    ru = letter_text(client, "tgt_ambassador_usa", "ru")
    assert "Прошу вас призвать власти Казахстана" in ru


def test_the_letter_asks_what_the_ua_asks_in_its_own_language(client):
    ua = UrgentAction.objects.get(uid="ua_63_18")
    en = letter_text(client, "tgt_prosecutor_general_ua6318", "en")
    for ask in ua.asks:
        assert ask in en
    assert "to protect Akmaral Tobylova from torture" not in en  # the generated asks give way to the UA's own
    ru = letter_text(client, "tgt_prosecutor_general_ua6318", "ru")
    assert ua.asks[0] not in ru and "освободить её" in ru  # no Russian asks written: the record's, in Russian


def test_a_russian_or_kazakh_letter_is_addressed_in_that_language(client):
    ru = letter_text(client, "tgt_prosecutor_general_ua6318", "ru")
    assert "ул. Орынбор, 14" in ru and "Генеральный прокурор Республики Казахстан" in ru
    assert "14 Orynbor Street" not in ru
    kk = letter_text(client, "tgt_prosecutor_general_ua6318", "kk")
    assert "Орынбор көшесі, 14" in kk and "Қазақстан Республикасының Бас прокуроры" in kk
    # An address abroad stays as the country it goes to writes it.
    assert "1401 16th St NW" in letter_text(client, "tgt_ambassador_usa", "ru")


def test_office_names_and_addresses_in_other_languages_survive_export_and_import(tmp_path):
    import json

    from qorgau.interchange.exporter import write_export

    path = tmp_path / "out.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        write_export(stream)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    row = next(r for r in rows if r.get("id") == "tgt_prosecutor_general_ua6318")
    assert row["address_ru"][0] == "ул. Орынбор, 14" and row["office_kk"] and row["through_authorities"] is False
    assert next(r for r in rows if r.get("id") == "tgt_wgad")["through_authorities"] is True


# What a closed UA still invites ------------------------------------------------------------------------------

def test_a_closed_ua_invites_no_more_appeals_anywhere(client):
    ua = UrgentAction.objects.get(uid="ua_63_18")
    assert ua.status == "closed"
    page = client.get("/act/ua_63_18/").content.decode()
    assert "This Urgent Action is closed" in page and "Please write" not in page
    assert 'action="/act/ua_63_18/report/"' not in page  # no report form
    assert "/letters/" not in page
    feed = client.get("/urgent-actions/feed.atom").content.decode()
    assert "Please send appeals before" not in feed and "closed" in feed
    assert "please do not send this letter" in letter_text(client, "tgt_prosecutor_general_ua6318", "en")
    from qorgau.campaigns.pdf import render_pdf
    from qorgau.campaigns.views import ua_sheet

    pdf = render_pdf(ua_sheet(ua, None))
    from qorgau.documents.ingest.reading import read_document

    text = "\n".join(read_document("ua.pdf", pdf).pages)
    assert "CLOSED" in text and "PLEASE SEND APPEALS BEFORE" not in text


def test_an_open_ua_invites_and_a_past_deadline_says_so(client):
    open_ua()
    page = client.get("/act/ua_63_18/").content.decode()
    assert "Please write" in page and 'action="/act/ua_63_18/report/"' in page and "/letters/" in page
    open_ua(deadline="2018-06-08")
    page = client.get("/act/ua_63_18/").content.decode()
    assert "The deadline has passed" in page and "check with the issuing organisation" in page
    ua = UrgentAction.objects.get(uid="ua_63_18")
    assert ua_state(ua, today=datetime.date(2018, 6, 8)) == "open"
    assert ua_state(ua, today=datetime.date(2018, 6, 9)) == "past"
    ua.deadline = "2018-06"  # a month-only deadline lasts the whole month
    assert ua_state(ua, today=datetime.date(2018, 6, 30)) == "open"


# Partial dates in order ---------------------------------------------------------------------------------------

def test_partial_dates_sort_after_the_days_they_may_contain():
    dates = ["2018", "2018-03", "2018-03-13", "", "2018-03-31", "2017-12", "2018-04-01", "2018-03-15"]
    assert sorted(dates, key=partial_date_key) == ["2017-12", "2018-03-13", "2018-03-15", "2018-03-31", "2018-03",
                                                   "2018-04-01", "2018", ""]


def test_the_database_orders_partial_dates_the_same_way(alice):
    person = Person.objects.get(uid="per_tobylova")
    acts = Act.objects.filter(victim_person=person).order_by(*partial_date_order("date", reader=SYSTEM), "id")
    dates = [a.date for a in acts]
    assert dates == sorted(dates, key=partial_date_key)
    assert dates.index("2018-03") > dates.index("2018-03-13")


def test_letters_and_timelines_tell_march_after_13_march(client):
    en = letter_text(client, "tgt_prosecutor_general_ua6318", "en")
    assert en.index("On 13 March 2018") < en.index("In March 2018")
    page = client.get("/persons/per_tobylova/").content.decode()
    assert page.index("13 March 2018") < page.index(">March 2018")


# Consent before publication -----------------------------------------------------------------------------------

def test_a_new_ua_about_someone_without_recorded_consent_starts_internal(client_for, dana):
    client = client_for(dana)
    form = client.get("/campaigns/new/?person=per_ashim").content.decode()
    assert '<option value="internal" selected>' in form
    assert "Consent to publication is not recorded for Ardak Ashim" in form
    data = {"number": "13/26", "title": "Ardak Ashim at risk", "persons": "per_ashim", "asks": "Release her.",
            "sensitivity": "public", "targets": ["tgt_prosecutor_general_odf"]}
    refused = client.post("/campaigns/new/", data).content.decode()
    assert "Record it on the person&#x27;s page" in refused or "Record it on the person's page" in refused
    assert not UrgentAction.objects.filter(number="13/26").exists()
    client.post("/campaigns/new/", data | {"publish_without_consent": "on"})
    assert UrgentAction.objects.get(number="13/26").sensitivity == "public"


def test_consent_given_means_public_by_default(client_for, dana):
    form = client_for(dana).get("/campaigns/new/?person=per_tobylova").content.decode()
    assert '<option value="public" selected>' in form and "publish_without_consent" not in form


# One office in the directory ----------------------------------------------------------------------------------

def test_the_directory_lists_an_office_once_per_holder_and_tenure(client_for, dana):
    client = client_for(dana)
    page = client.get("/targets/").content.decode()
    assert page.count("<tr><td>Prosecutor General") == 1
    assert "1 other entry for this office" in page
    form = client.get("/campaigns/new/").content.decode()
    assert form.count('name="targets" value="tgt_prosecutor_general') == 1
    # A new holder (another tenure) is another entry.
    Target.objects.create(uid="tgt_pg_later", office="Prosecutor General", holder_name="Someone Else",
                          valid_from="2019", sensitivity="public")
    assert client.get("/targets/").content.decode().count("<tr><td>Prosecutor General") == 2


# Finding a person by any spelling -----------------------------------------------------------------------------

def test_the_ua_form_finds_persons_by_any_spelling(client_for, dana, bob):
    client = client_for(dana)
    form = client.get("/campaigns/new/").content.decode()
    assert 'hx-get="/persons/suggest/"' in form
    for query in ("Tobylova", "Тобылова", "Тобыловой", "Tobyl", "akmaral tobylova"):
        body = client.get("/persons/suggest/", {"person_query": query}).content.decode()
        assert 'data-pick="per_tobylova"' in body, query
    assert "No person found" in client.get("/persons/suggest/", {"person_query": "Zzzyxw"}).content.decode()


def test_suggestions_show_only_persons_the_reader_may_see(client_for, bob, alice, client):
    from qorgau.records.indexing import reindex

    person = Person.objects.get(uid="per_tobylova")
    person.sensitivity = "confidential"
    person.save()
    reindex(person)
    assert 'data-pick="per_tobylova"' not in client_for(bob).get(
        "/persons/suggest/", {"person_query": "Tobylova"}).content.decode()
    assert 'data-pick="per_tobylova"' in client_for(alice).get(
        "/persons/suggest/", {"person_query": "Tobylova"}).content.decode()
    client.logout()
    assert client.get("/persons/suggest/", {"person_query": "Tobylova"}).status_code == 302


def test_a_campaigner_records_an_office_in_three_languages(client_for, dana):
    client = client_for(dana)
    response = client.post("/targets/new/", {
        "office": "Akim of Almaty", "office_ru": "Аким города Алматы", "office_kk": "Алматы қаласының әкімі",
        "address": "4 Republic Square\nAlmaty", "address_ru": "пл. Республики, 4\nг. Алматы",
        "address_kk": "Республика алаңы, 4\nАлматы қ.", "salutation": "Dear Akim", "sensitivity": "public"})
    assert response.status_code == 302
    target = Target.objects.get(office="Akim of Almaty")
    assert target.address_ru == ["пл. Республики, 4", "г. Алматы"] and not target.through_authorities
    assert letters.office_for(target, "kk") == ("Алматы қаласының әкімі", ["Республика алаңы, 4", "Алматы қ."])
    assert letters.office_for(target, "en") == ("Akim of Almaty", ["4 Republic Square", "Almaty"])


def test_editing_a_public_ua_asks_again_only_for_newly_named_people(client_for, alice):
    from qorgau.records.actions import edit_token

    client = client_for(alice)
    url = "/campaigns/ua_63_18/edit/"
    form = client.get(url).content.decode()
    assert "publish_without_consent" not in form  # its persons are already public in this UA
    ua = UrgentAction.objects.get(uid="ua_63_18")
    persons = ", ".join(p.uid for p in ua.persons.all()) + ", per_ashim"  # a new person without recorded consent
    data = {"title": ua.title, "issued": ua.issued, "deadline": ua.deadline, "persons": persons,
            "asks": "\n".join(ua.asks), "sensitivity": "public", "record_version": edit_token(ua, alice)}
    refused = client.post(url, data).content.decode()
    assert "Consent to publication is not recorded for Ardak Ashim" in refused
    assert not UrgentAction.objects.get(uid="ua_63_18").persons.filter(uid="per_ashim").exists()
