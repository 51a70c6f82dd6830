import pytest

pytestmark = pytest.mark.django_db


def test_the_dashboard_lists_people_deprived_of_liberty(client_for, carol):
    body = client_for(carol).get("/dashboard/").content.decode()
    assert "Maks Bokaev" in body and "Akmaral Tobylova" in body
    assert "Bekzhan Akhmetov" not in body.split("Documents awaiting review")[0]  # released the same day


def test_a_person_page_shows_the_timeline_with_provisions_penalty_and_sources(client):
    body = client.get("/persons/per_ayan/").content.decode()
    assert body.index("17 May 2016") < body.index("28 November 2016")
    assert "CC-174" in body and "imprisonment: 5 years" in body and "Atyrau City Court No. 2" in body
    assert "Think before you post" in body


def test_following_a_citation_opens_the_document(client):
    body = client.get("/persons/per_tobylova/").content.decode()
    assert "/documents/doc_ai_ua_63_18/?citation=" in body
    doc = client.get("/documents/doc_ai_ua_63_18/").content.decode()
    assert "EUR 57/8122/2018" in doc and "Akmaral Tobylova" in doc


def test_lists_answer_htmx_with_a_fragment(client):
    response = client.get("/persons/?q=Bokaev", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Maks Bokaev" in body and "<html" not in body


@pytest.mark.parametrize("url", ["/persons/", "/organisations/", "/events/", "/documents/", "/provisions/"])
def test_list_pages_take_a_bounded_number_of_queries(url, client_for, carol, django_assert_max_num_queries):
    client = client_for(carol)
    # The persons list adds its facets: a fixed number of grouped queries (docs/interface.md), whatever the rows.
    with django_assert_max_num_queries(22 if url == "/persons/" else 12):
        assert client.get(url).status_code == 200


def test_the_person_page_takes_a_bounded_number_of_queries(client_for, carol, django_assert_max_num_queries):
    client = client_for(carol)
    with django_assert_max_num_queries(25):
        client.get("/persons/per_bokaev/")


def test_the_interface_speaks_russian(client):
    client.cookies["django_language"] = "ru"
    body = client.get("/persons/").content.decode()
    assert "Персоны" in body and "Поиск" in body


def test_the_api_answers_with_one_error_shape(client):
    assert client.get("/api/persons/per_none/").json()["error"]["code"] == "not_found"
    assert client.get("/api/persons/?q=" + "x" * 201).json()["error"]["code"] == "query_too_long"
    assert client.get("/api/nothing/").json()["error"]["code"] == "not_found"
    results = client.get("/api/persons/?q=Бокаев").json()["results"]
    assert [r["id"] for r in results] == ["per_bokaev"]
