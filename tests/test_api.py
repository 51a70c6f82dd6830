"""The read API at every level: anonymous, uncleared staff, cleared; cursor pages, filters, tokens, one error shape."""

import io

import pytest
from django.core.management import call_command

from qorgau.audit.models import AuditEntry
from qorgau.records import actions
from qorgau.records.models import Act, Person
from qorgau.web import actions as tokens
from qorgau.web import api

KINDS = list(api.FIELDS)
SECRET = "Qzapi-secret Confidentova"
ALIAS = "Qzapi-alias-Hiddenova"


@pytest.fixture
def secret(alice):
    tobylova = Person.objects.get(uid="per_tobylova")
    actions.do_add_name(tobylova, actor=alice, name=ALIAS, sensitivity="confidential")
    person = actions.do_create_person(actor=alice, name=SECRET, sensitivity="confidential")
    act = actions.do_create_act(actor=alice, victim=person, act_type="detained", date="2024-05-01")
    return person, act


def _all_pages(client, url, **headers):
    """Every row, following the cursor; also the number of pages."""
    rows, pages, next_url = [], 0, url
    while next_url:
        response = client.get(next_url, **headers)
        assert response.status_code == 200, response.content
        data = response.json()
        rows += data["results"]
        pages += 1
        next_url = f"{url}{'&' if '?' in url else '?'}cursor={data['next']}" if data["next"] else None
        assert pages < 500
    return rows, pages


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_pages_with_a_cursor_through_exactly_what_the_reader_may_see(kind, client_for, carol, alice,
                                                                               secret):
    model = api._models()[kind]
    for persona in (None, carol, alice):
        client = client_for(persona)
        rows, pages = _all_pages(client, f"/api/{kind}/?limit=7")
        ids = [row["id"] for row in rows]
        assert len(ids) == len(set(ids))  # no row twice across pages
        assert set(ids) == set(model.objects.visible_to(persona).values_list("uid", flat=True)), persona
        if len(ids) > 7:
            assert pages == -(-len(ids) // 7) or pages == -(-len(ids) // 7) + 1
        text = str(rows)
        if persona is not alice:
            assert SECRET not in text and ALIAS not in text and secret[0].uid not in text and secret[1].uid not in text
    if kind in ("persons", "acts"):  # the cleared reader does get them: the test cannot pass by showing nothing
        assert secret[0].uid in str(_all_pages(client_for(alice), f"/api/{kind}/?limit=200")[0])


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_a_detail_at_the_reader_level(kind, client_for, carol, alice, secret):
    model = api._models()[kind]
    record = model.objects.visible_to(None).first() or model.objects.visible_to(carol).first()
    if record is None:
        pytest.skip(f"the demo has no {kind}")
    response = client_for(carol).get(f"/api/{kind}/{record.uid}/")
    assert response.status_code == 200 and response.json()["id"] == record.uid
    hidden = client_for(carol).get(f"/api/{kind}/{secret[0].uid if kind == 'persons' else secret[1].uid}/")
    assert hidden.status_code == 404 and set(hidden.json()) == {"error"}


def test_a_person_detail_holds_no_confidential_alias_below_clearance(client_for, carol, alice, secret):
    assert ALIAS not in client_for(carol).get("/api/persons/per_tobylova/").content.decode()
    assert ALIAS in client_for(alice).get("/api/persons/per_tobylova/").content.decode()


def test_filters_are_the_lists_filters(client_for, carol):
    client = client_for(carol)
    rows, _pages = _all_pages(client, "/api/acts/?article=CC-174&from=2018&limit=50")
    expected = set(Act.objects.visible_to(carol).filter(act_provisions__provision__uid="CC-174", date__gte="2018")
                   .values_list("uid", flat=True))
    assert expected and {r["id"] for r in rows} == expected
    persons, _pages = _all_pages(client, "/api/persons/?group=DEPRIVATION")
    listed = client.get("/persons/?group=DEPRIVATION").context["total"]
    assert len(persons) == listed


def test_search_pages_by_relevance(client_for, carol):
    client = client_for(carol)
    first = client.get("/api/persons/?q=Tobylova&limit=1").json()
    assert first["results"][0]["id"] == "per_tobylova"


@pytest.mark.parametrize("url,status,code", [
    ("/api/persons/?limit=0", 400, "bad_limit"), ("/api/persons/?limit=x", 400, "bad_limit"),
    ("/api/persons/?cursor=forged", 400, "bad_cursor"), ("/api/nothing/", 404, "not_found"),
    ("/api/acts/act_none/", 404, "not_found"), ("/api/acts/?article=" + "x" * 201, 400, "query_too_long")])
def test_bad_requests_get_one_error_shape(client_for, url, status, code):
    response = client_for(None).get(url)
    assert response.status_code == status and response.json()["error"]["code"] == code


def test_the_api_only_reads(client_for, bob):
    response = client_for(bob).post("/api/persons/", {"name": "x"})
    assert response.status_code in (403, 405)


def test_tokens_read_as_their_user_at_that_users_level_and_are_audited_and_revocable(client_for, bob, alice, secret):
    client = client_for(None)
    out, err = io.StringIO(), io.StringIO()
    call_command("users", "token", "bob", "--label", "nightly", stdout=out, stderr=err)
    raw = out.getvalue().strip()
    assert raw.startswith("qgt_") and raw not in str(list(AuditEntry.objects.values_list("changes", flat=True)))
    from qorgau.web.models import ApiToken

    assert not ApiToken.objects.filter(key_hash=raw).exists()  # stored hashed
    assert AuditEntry.objects.filter(verb="create", record_type="ApiToken").exists()
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    internal = actions.do_create_person(actor=alice, name="Internal Apiperson", sensitivity="internal").uid
    assert internal in str(_all_pages(client, "/api/persons/?limit=200", **bearer)[0])
    assert internal not in str(_all_pages(client, "/api/persons/?limit=200")[0])
    assert client.get(f"/api/persons/{secret[0].uid}/", **bearer).status_code == 404

    # A cleared user's token reads at that user's level: not beyond it, and not after clearance is revoked.
    _token, cleared = tokens.do_create_token(alice, actor="test")
    assert client.get(f"/api/persons/{secret[0].uid}/", HTTP_AUTHORIZATION=f"Bearer {cleared}").status_code == 200
    from qorgau.accounts.actions import do_set_clearance

    do_set_clearance(alice, cleared=False, actor="test")
    assert client.get(f"/api/persons/{secret[0].uid}/", HTTP_AUTHORIZATION=f"Bearer {cleared}").status_code == 404

    call_command("users", "token", "bob", "--revoke", raw[:12], stdout=out)
    response = client.get("/api/persons/", **bearer)
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorised"
    assert AuditEntry.objects.filter(verb="revoke", record_type="ApiToken").exists()
    assert client.get("/api/persons/", HTTP_AUTHORIZATION="Bearer qgt_made-up").status_code == 401


def test_the_token_page_makes_and_revokes_ones_own_tokens(client_for, bob, carol):
    from qorgau.web.models import ApiToken

    client = client_for(bob)
    body = client.post("/api/tokens/", {"label": "sheet sync"}).content.decode()
    token = ApiToken.objects.get(user=bob)
    assert "qgt_" in body and token.label == "sheet sync"
    assert client_for(carol).post("/api/tokens/", {"revoke": token.pk}).status_code == 404  # not hers
    client_for(bob).post("/api/tokens/", {"revoke": token.pk})
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_api_index_is_openapi_json_or_a_page(client_for):
    client = client_for(None)
    description = client.get("/api/", HTTP_ACCEPT="application/json").json()
    assert description["openapi"].startswith("3.")
    for kind in KINDS:
        assert f"/api/{kind}/" in description["paths"] and f"/api/{kind}/{{id}}/" in description["paths"]
    page = client.get("/api/", HTTP_ACCEPT="text/html")
    assert page["Content-Type"].startswith("text/html") and "/api/acts/" in page.content.decode()


@pytest.mark.parametrize("kind", KINDS)
def test_a_page_of_any_kind_takes_a_fixed_number_of_queries(kind, client_for, carol, django_assert_max_num_queries):
    client = client_for(carol)
    with django_assert_max_num_queries(15):
        assert client.get(f"/api/{kind}/?limit=200").status_code == 200
