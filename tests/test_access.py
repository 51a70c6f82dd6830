"""For every page and endpoint: a less cleared reader gets nothing confidential.

Each check also runs as alice (cleared), who must see the secret, so the
checks cannot pass by showing nothing at all.
"""

import io

import pytest

from qorgau.interchange.exporter import write_export
from qorgau.records import actions
from qorgau.records.models import Act, Person, Provision

pytestmark = pytest.mark.django_db

SECRETS = ["Zhanna Secretova", "Секретова", "Hidden-Alias", "SECRET-ACT-DETAIL", "SECRET-TESTIMONY", "+7 777 000",
           "Anonymous detainee", "Gaukhar Zhumabaeva"]
INTERNAL = "Internal Person Iv"


@pytest.fixture
def secrets(alice):
    from qorgau.documents.models import Document

    secret = actions.do_create_person(actor=alice, name="Zhanna Secretova", sensitivity="confidential",
                                      names=[{"name": "Жанна Секретова", "lang": "ru"}])
    actions.do_create_act(actor=alice, victim=secret, act_type="detained", date="2024-05-01",
                          description="Held overnight.", provisions=[(Provision.objects.get(uid="CC-174"), "charged")])
    tobylova = Person.objects.get(uid="per_tobylova")
    actions.do_add_name(tobylova, actor=alice, name="Akmaral Hidden-Alias", sensitivity="confidential")
    actions.do_update_person(tobylova, actor=alice, contact="+7 777 000 11 22")
    actions.do_create_act(actor=alice, victim=tobylova, act_type="threatened", date="2018-04",
                          description="SECRET-ACT-DETAIL from a witness", sensitivity="confidential")
    testimony = actions.create_record(Document, actor=alice, title="Closed testimony", kind="testimony",
                                      text="SECRET-TESTIMONY of a witness about Akmaral Tobylova.",
                                      sensitivity="confidential")
    act = Act.objects.filter(victim_person=tobylova, act_type="house_arrest").first()
    actions.do_set_sensitivity(act, actor=alice, level="public")  # a reviewer keeps the act public
    actions.do_add_citation(act, testimony, actor=alice, start=0, end=16, text="SECRET-TESTIMONY")
    actions.do_create_person(actor=alice, name=INTERNAL, sensitivity="internal")
    # A confidential duplicate of a public person: the queue and the person page must not reveal it.
    from qorgau.resolution.actions import resolve

    actions.do_create_person(actor=alice, name="Gaukhar Zhumabaeva", sensitivity="confidential")
    actions.do_create_person(actor=alice, name="Гаухар Жумабаева", sensitivity="public")
    resolve(actor=alice)
    return {"person": secret.uid, "document": testimony.uid}


def pages(secrets):
    person, document = secrets["person"], secrets["document"]
    return {
        "home": "/", "dashboard": "/dashboard/",
        "persons": ["/persons/", "/persons/?q=Секрет", "/persons/?q=Hidden", "/persons/?q=Zhanna"],
        "person": [f"/persons/{person}/", "/persons/per_tobylova/", "/persons/per_anonymous_ua63_a/"],
        "person_edit": [f"/persons/{person}/edit/"],
        "person_custody": [f"/persons/{person}/custody/", "/persons/per_tobylova/custody/"],
        "api_persons": ["/api/persons/?q=Секретова", "/api/persons/?q=Hidden-Alias", "/api/persons/?q=anonymous"],
        "api_person": [f"/api/persons/{person}/", "/api/persons/per_tobylova/"],
        "organisations": "/organisations/", "organisation": "/organisations/org_dck/",
        "events": "/events/", "event": "/events/evt_dck_warnings/",
        "documents": ["/documents/", "/documents/?q=SECRET"], "document": [f"/documents/{document}/"],
        "document_edit": [f"/documents/{document}/edit/"],
        "document_review": [f"/documents/{document}/review/", "/documents/doc_ai_ua_63_18/review/"],
        "document_status": [f"/documents/{document}/status/"], "review_queue": "/documents/queue/",
        "resolution_queue": "/resolution/",
        "provisions": "/provisions/", "provision": "/provisions/CC-174/", "place": "/places/plc_almaty/",
        "uas": "/campaigns/", "ua": "/campaigns/ua_63_18/", "ua_edit": "/campaigns/ua_63_18/edit/",
        "ua_issue_update": "/campaigns/ua_63_18/update/", "ua_print": "/campaigns/ua_63_18/print/",
        "ua_pdf": "/campaigns/ua_63_18/pdf/",
        "ua_letter": ["/campaigns/ua_63_18/letters/tgt_prosecutor_general_ua6318/en/",
                      "/campaigns/ua_63_18/letters/tgt_ambassador_usa/ru/"],
        "action_page": "/act/ua_63_18/", "ua_feed": "/urgent-actions/feed.atom", "targets": "/targets/",
        "target_edit": "/targets/tgt_ambassador_usa/edit/",
        "statistics": ["/statistics/", "/statistics/?article=CC-174"],
        "statistics_csv": ["/statistics/by_article.csv", "/statistics/prosecutions_by_year.csv"],
        "census": ["/census/?date=2024-05-02", "/census/?date=2018-06-01"],
        "opendata": "/statistics/opendata/", "opendata_download": "/statistics/opendata/none.zip",
        "briefing": "/briefings/", "chart": "/statistics/charts/cht_x/", "chart_embed": "/statistics/charts/cht_x/embed/",
        "lists": "/lists/", "list": "/lists/amnesty-prisoners-of-conscience/",
    }


def fetch_all(client, secrets):
    bodies = []
    for urls in pages(secrets).values():
        for url in [urls] if isinstance(urls, str) else urls:
            response = client.get(url, follow=True)
            assert response.status_code in (200, 403, 404), url
            bodies.append((url, response.content.decode(errors="replace")))
    return bodies


@pytest.mark.parametrize("persona", [None, "carol", "bob"])
def test_it_shows_a_less_cleared_reader_nothing_confidential(persona, client_for, secrets, request):
    user = request.getfixturevalue(persona) if persona else None
    client = client_for(user)
    for url, body in fetch_all(client, secrets):
        for secret in SECRETS:
            assert secret not in body, f"{secret!r} leaked to {persona or 'anonymous'} at {url}"


def test_the_cleared_reader_does_see_the_secrets(client_for, alice, secrets):
    seen = "\n".join(body for _, body in fetch_all(client_for(alice), secrets))
    for secret in SECRETS:
        assert secret in seen, f"alice should see {secret!r}"


def test_internal_records_are_for_staff_only(client_for, carol, secrets):
    assert INTERNAL not in client_for(None).get("/persons/?q=Internal").content.decode()
    assert INTERNAL in client_for(carol).get("/persons/?q=Internal").content.decode()


def test_confidential_pages_are_not_found_for_the_less_cleared(client_for, carol, secrets):
    assert client_for(carol).get(f"/persons/{secrets['person']}/").status_code == 404
    assert client_for(None).get(f"/documents/{secrets['document']}/").status_code == 404
    api = client_for(carol).get(f"/api/persons/{secrets['person']}/")
    assert api.status_code == 404 and api.json() == {"error": {"code": "not_found", "message": "No such person."}}


def test_public_export_carries_nothing_confidential_or_internal(secrets):
    out = io.StringIO()
    write_export(out, public=True)
    text = out.getvalue()
    for secret in SECRETS + [INTERNAL, secrets["person"], secrets["document"], "per_anonymous_ua63_a"]:
        assert secret not in text
    assert "Akmaral Tobylova" in text


def test_the_full_export_keeps_everything_for_the_archive(secrets):
    out = io.StringIO()
    write_export(out)
    for secret in ["Zhanna Secretova", "Hidden-Alias", "SECRET-TESTIMONY", "Anonymous detainee A"]:
        assert secret in out.getvalue()


def test_what_the_pdf_is_made_of_holds_nothing_confidential(carol, alice):
    """PDF text is glyph-encoded, so the check is on the sheet the PDF is drawn from."""
    from qorgau.campaigns.models import UrgentAction
    from qorgau.campaigns.views import ua_sheet

    ua = UrgentAction.objects.get(uid="ua_63_18")
    for reader in (None, carol):
        sheet = ua_sheet(ua, reader)
        assert sheet["names"] == ["Akmaral Tobylova"] and sheet["withheld"] == 0
        assert "Anonymous" not in " ".join(sheet["facts"])
    # A cleared reader sees the two anonymous detainees: counted, never named (placeholders are not names).
    cleared = ua_sheet(ua, alice)
    assert cleared["names"] == ["Akmaral Tobylova"] and cleared["withheld"] == 2


# Generative: every relation of the models, every URL, every persona ----------------------------------------

from qorgau.accounts.models import Role, User  # noqa: E402

from .leakworld import (HIDDEN_VALUE, HIDDEN_YEAR, MARKER, World, body_text, every_relation, fill,  # noqa: E402
                        url_patterns)

PERSONAS = [None] + [f"{role}-{'cleared' if cleared else 'uncleared'}" for role in Role.values
                     for cleared in (False, True)]


# Readers whose standing changed: a cleared user deactivated, a user whose clearance was withdrawn (each still
# holding a signed-in session), a cleared user whose session ended. Each must read as the public or as staff.
# Since session 11 also a cleared admin who gave the password but not the second factor, and one whose session went
# idle past QORGAU_SESSION_IDLE_MINUTES (aged again before every request, so every URL meets an expired session).
CHANGED = ["deactivated", "revoked", "signed-out", "password-only", "expired"]


def persona_user(name):
    if name is None:
        return None
    if name in CHANGED:
        user, _ = User.objects.get_or_create(username=f"crawl-{name}",
                                             defaults={"role": Role.ADMIN, "cleared_confidential": True})
        return user
    role, clearance = name.split("-")
    user, _ = User.objects.get_or_create(username=f"crawl-{name}",
                                         defaults={"role": role, "cleared_confidential": clearance == "cleared"})
    return user


@pytest.fixture
def world(db, settings, tmp_path):
    from qorgau.analysis.opendata import write_snapshot
    from qorgau.records.indexing import rebuild_index

    from qorgau.analysis.episodes import rebuild_all

    built = World().build()
    settings.FILES_DIR = tmp_path / "files"
    built.attach_files()  # every attachment a real photo, its metadata readable only with clearance
    rebuild_index()
    rebuild_all()  # custody episodes and statistics summaries of the world's acts (built without a commit)
    settings.DATA_DIR = tmp_path  # a published open-data snapshot of the world, crawled like any download
    built.snapshot = write_snapshot()[0].name
    return built


def _values(world):
    """Values for every URL parameter, from the world's rows."""
    from qorgau.campaigns.letters import LANGUAGES
    from qorgau.campaigns.models import UATarget
    from qorgau.records.models import Citation
    from qorgau.resolution.models import Candidate, Merge

    from qorgau.analysis.models import PrisonerList, SavedChart
    from qorgau.analysis.statistics import Filters, all_tables
    from qorgau.documents.models import PersonAttachment
    from qorgau.records.models import PersonRelation

    return {
        "key": [t.key for t in all_tables(None, Filters())],
        "slug": list(PrisonerList.objects.values_list("slug", flat=True)[:3]),
        "chart_id": list(SavedChart.objects.values_list("public_id", flat=True)),  # every chart: the world's name secrets
        "name": [getattr(world, "snapshot", "qorgau-opendata-2000-01-01.zip")],
        "candidate_id": list(Candidate.objects.values_list("pk", flat=True)[:3]),
        "merge_id": list(Merge.objects.values_list("pk", flat=True)[:3]),
        "citation_id": list(Citation.objects.values_list("pk", flat=True)[:3]),
        # every attachment and link between persons: the world makes them public and secret, both ways
        "attachment_id": list(PersonAttachment.objects.values_list("public_id", flat=True)),
        "relation_id": list(PersonRelation.objects.values_list("pk", flat=True)[:3]),
        "index": [0],
        "lang": list(LANGUAGES),
        "ua_targets": list(UATarget.objects.values_list("urgent_action__uid", "target__uid")),
        # Parameters that name a kind of record or a file format: every value is crawled.
        "kind": ["persons", "acts", "events", "documents", "organisations", "places", "provisions", "lists"],
        "fmt": ["csv", "xlsx"],
    }


EXPANDED = ("kind", "fmt")


def _expanded(patterns, values):
    """Patterns with a kind or format parameter, once per value (the rest of their parameters left to fill)."""
    import itertools
    import re

    for name, route, params in patterns:
        mine = [p for p in params if p in EXPANDED]
        if not mine:
            yield name, route, params
            continue
        for combination in itertools.product(*(values[p] for p in mine)):
            concrete = route
            for param, value in zip(mine, combination):
                concrete = re.sub(rf"<(?:\w+:)?{param}>", value, concrete)
            yield name, concrete, [p for p in params if p not in EXPANDED]


_MODELS_OF_ROUTE = {}


def _model_of(client, route, uids_by_model):
    """Which model's identifiers a pattern takes: the one whose public record answers 200 to a cleared admin.
    (Learnt once per test session: the URLconf does not change.)"""
    if route in _MODELS_OF_ROUTE:
        return _MODELS_OF_ROUTE[route]
    matches = []
    for model, uids in uids_by_model.items():
        response = client.get(fill(route, {"uid": uids[0], "target_uid": "x", "lang": "en", "index": 0,
                                           "citation_id": 0, "candidate_id": 0, "merge_id": 0,
                                           "attachment_id": 0, "relation_id": 0}))
        if response.status_code in (200, 302):
            matches.append(model)
    _MODELS_OF_ROUTE[route] = matches
    return matches


def urls_to_crawl(client, world, secrets_per_model=None):
    """Every URL of the site with its parameters filled from the world. `client` must be a cleared admin."""
    uids_by_model = world.uids_by_model()
    public = {model: [u for u in uids if not _is_secret(world, u)] for model, uids in uids_by_model.items()}
    secret = {model: [u for u in uids if _is_secret(world, u)] for model, uids in uids_by_model.items()}
    values = _values(world)
    urls, post_only, unfilled = [], [], []
    for name, route, params in _expanded(url_patterns(), values):
        if not params:
            urls.append(fill(route, {}))
            if not route.endswith((".atom", "logout/", "login/")):  # search for secrets by their names
                urls += [fill(route, {}) + f"?q={marker}-name" for marker in list(world.secrets)[:: max(1, len(world.secrets) // 4)]]
            continue
        if "uid" in params:
            probe_uids = {model: public[model] for model in public if public[model]}
            models = _model_of(client, route, probe_uids)
            if not models:
                post_only.append((name, route))
                continue
            for model in models:
                chosen = public[model] + (secret[model] if secrets_per_model is None
                                          else secret[model][:secrets_per_model])
                for uid in chosen:
                    if "target_uid" in params:
                        pairs = [(ua, tgt) for ua, tgt in values["ua_targets"] if ua == uid]
                        urls += [fill(route, {"uid": uid, "target_uid": tgt, "lang": lang})
                                 for _, tgt in pairs for lang in values["lang"]]
                    else:
                        others = {p: (values.get(p) or [0])[0] for p in params if p != "uid"}
                        urls.append(fill(route, {"uid": uid, **others}))
            continue
        missing = [p for p in params if p not in values]
        if missing:
            unfilled.append((name, missing))
            continue
        urls += [fill(route, {p: value for p in params}) for value in values[params[0]]] if len(params) == 1 \
            else [fill(route, {p: values[p][0] if values[p] else 0 for p in params})]
    assert not unfilled, f"URL parameters this crawl cannot fill: {unfilled} (teach _values)"
    return urls, post_only


def _is_secret(world, uid):
    return any(getattr(row, "uid", None) == uid for row, _why in world.secrets.values())


def _leaks(body, world, uid_pattern, url=""):
    """Secrets in a body, except those the reader typed into the address themselves."""
    found = {key for key in set(MARKER.findall(body)) | set(uid_pattern.findall(body)) if key not in url}
    forbidden = world.forbidden()
    leaks = {key: forbidden.get(key, "?") for key in found if key in forbidden}
    if world.value_secrets and HIDDEN_VALUE.search(body) and not HIDDEN_VALUE.search(url):
        at = HIDDEN_VALUE.search(body).start()
        leaks[str(HIDDEN_YEAR)] = f"a date or year kept confidential: ...{body[max(0, at - 70):at + 15]!r}"
    return leaks


def _uid_pattern(world):
    import re

    uids = sorted({row.uid for row, _why in world.secrets.values() if getattr(row, "uid", "")}, key=len, reverse=True)
    return re.compile("|".join(re.escape(u) + r"(?![\w-])" for u in uids))


def _fetch(client, url):
    response = client.get(url)
    assert response.status_code in (200, 301, 302, 303, 400, 403, 404, 405), (url, response.status_code)
    return body_text(response)


def _sign_in_as(client, persona):
    """Sign the client in as the persona; a changed persona is signed in while cleared, then changed."""
    user = persona_user(persona)
    client.logout()
    if user is None:
        return
    if persona == "password-only":
        client.force_login_password_only(user)
        return
    client.force_login(user)
    if persona == "expired":
        from django.conf import settings

        from qorgau.accounts.middleware import LAST_SEEN

        session = client.session
        session[LAST_SEEN] -= settings.QORGAU_SESSION_IDLE_MINUTES * 60 + 5
        session.save()
    if persona == "deactivated":
        User.objects.filter(pk=user.pk).update(is_active=False)
    elif persona == "revoked":
        User.objects.filter(pk=user.pk).update(cleared_confidential=False)
    elif persona == "signed-out":
        client.get("/dashboard/")
        client.post("/logout/")


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p is None or p.endswith("uncleared")] + CHANGED)
def test_no_url_shows_a_secret_linked_any_way_to_a_reader_without_clearance(persona, world, client):
    client.force_login(persona_user("admin-cleared"))
    urls, _post_only = urls_to_crawl(client, world, secrets_per_model=2)
    _sign_in_as(client, persona)
    uid_pattern = _uid_pattern(world)
    leaks = []
    for url in urls:
        if persona == "expired":
            _sign_in_as(client, persona)
        for key, why in _leaks(_fetch(client, url), world, uid_pattern, url).items():
            leaks.append(f"{url}: {key} ({why})")
    assert not leaks, f"{len(leaks)} leaks to {persona or 'anonymous'}:\n" + "\n".join(sorted(leaks)[:80])


# The same crawl in Russian and Kazakh (session 12): pages in those languages read other fields (a provision's
# title_ru/title_kk, an office's office_ru/office_kk, a criteria set's names), each kept confidential on its own.
@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("persona", [None, "viewer-uncleared"])
def test_no_url_shows_a_secret_in_russian_or_kazakh(lang, persona, world, client):
    client.force_login(persona_user("admin-cleared"))
    urls, _post_only = urls_to_crawl(client, world, secrets_per_model=1)
    _sign_in_as(client, persona)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = lang
    client.cookies["django_language"] = lang
    uid_pattern = _uid_pattern(world)
    try:
        leaks = [f"{url}: {key} ({why})" for url in urls
                 for key, why in _leaks(_fetch(client, url), world, uid_pattern, url).items()]
        assert lang in client.get("/").get("Content-Language", "")
    finally:
        from django.utils import translation

        translation.activate("en")  # the language the next tests of this process read in
    assert not leaks, f"{len(leaks)} leaks to {persona or 'anonymous'} in {lang}:\n" + "\n".join(sorted(leaks)[:80])


# Readers of the API by token (session 12): a staff script's token reads as its user now. An uncleared viewer's token,
# a cleared admin's token after the clearance was withdrawn or the account deactivated, and a revoked token.
TOKENS = ["token-uncleared", "token-clearance-withdrawn", "token-deactivated", "token-revoked"]


def _token_client(client, persona):
    from qorgau.web import actions as tokens

    client.logout()
    name = "viewer-uncleared" if persona == "token-uncleared" else "admin-cleared"
    user, _ = User.objects.get_or_create(username=f"crawl-{persona}",
                                         defaults={"role": name.split("-")[0], "cleared_confidential": "-cleared" in name})
    token, raw = tokens.do_create_token(user, actor="test")
    if persona == "token-clearance-withdrawn":
        User.objects.filter(pk=user.pk).update(cleared_confidential=False)
    elif persona == "token-deactivated":
        User.objects.filter(pk=user.pk).update(is_active=False)
    elif persona == "token-revoked":
        tokens.do_revoke_token(token, actor="test")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


@pytest.mark.parametrize("persona", TOKENS + ["token-cleared"])
def test_no_api_url_shows_a_secret_to_a_token_without_clearance(persona, world, client):
    client.force_login(persona_user("admin-cleared"))
    urls, _ = urls_to_crawl(client, world, secrets_per_model=2)
    urls = [u for u in urls if u.startswith("/api/") and not u.startswith("/api/tokens/")]
    assert len(urls) > 20
    _token_client(client, persona)
    uid_pattern = _uid_pattern(world)
    leaks, seen, refused = [], set(), 0
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 401, 404, 429), (url, response.status_code)
        refused += response.status_code == 401 or url.split("?")[0] == "/api/"  # the index: a page about the API
        body = body_text(response)
        seen |= set(MARKER.findall(body))
        leaks += [f"{url}: {key} ({why})" for key, why in _leaks(body, world, uid_pattern, url).items()]
    if persona == "token-cleared":  # not vacuous: a live token of a cleared admin reads the secrets
        assert len(seen & set(world.secrets)) >= 10 and leaks
        return
    if persona in ("token-revoked", "token-deactivated"):
        assert refused == len(urls)
    assert not leaks, f"{len(leaks)} leaks to {persona}:\n" + "\n".join(sorted(leaks)[:80])


def test_no_url_shows_an_internal_record_linked_any_way_to_an_anonymous_visitor(client):
    """The same world one level down: internal secrets, which staff read and visitors never see."""
    from qorgau.records.indexing import rebuild_index

    world = World(level="internal").build()
    rebuild_index()
    client.force_login(persona_user("admin-cleared"))
    urls, _ = urls_to_crawl(client, world, secrets_per_model=1)
    client.force_login(persona_user("viewer-uncleared"))
    seen_by_staff = set()
    for url in urls:
        seen_by_staff |= set(MARKER.findall(_fetch(client, url)))
    assert len(seen_by_staff) >= len(world.secrets) // 2  # staff do read internal records: not vacuous
    client.logout()
    uid_pattern = _uid_pattern(world)
    leaks = [f"{url}: {key} ({why})" for url in urls
             for key, why in _leaks(_fetch(client, url), world, uid_pattern, url).items()]
    assert not leaks, f"{len(leaks)} leaks to anonymous:\n" + "\n".join(sorted(leaks)[:80])


def test_a_cleared_admin_sees_every_secret_so_the_crawl_is_not_vacuous(world, client):
    client.force_login(persona_user("admin-cleared"))
    urls, post_only = urls_to_crawl(client, world)
    seen, values_seen = set(), set()
    for url in urls:
        body = _fetch(client, url)
        seen |= set(MARKER.findall(body))
        if HIDDEN_VALUE.search(body) and not HIDDEN_VALUE.search(url):
            values_seen.add(url.split("?")[0])
    assert values_seen, "a cleared admin never saw a date or year kept confidential"
    folded = {marker for marker, (row, _why) in world.secrets.items() if getattr(row, "merged_into_id", None)}
    unseen = {marker: why for marker, why in world.forbidden().items()
              if MARKER.fullmatch(marker) and marker not in seen and marker not in folded}
    assert not unseen, f"a cleared admin never saw: {unseen}"
    assert len(urls) > 100


def test_cleared_readers_of_every_role_see_without_errors(world, client):
    """Clearance, not role, decides what is read: every cleared persona's crawl answers without an error."""
    client.force_login(persona_user("admin-cleared"))
    urls, _ = urls_to_crawl(client, world, secrets_per_model=1)
    for persona in [p for p in PERSONAS if p and p.endswith("-cleared") and not p.startswith("admin")]:
        client.force_login(persona_user(persona))
        for url in urls[::3]:
            _fetch(client, url)


def test_every_relation_between_the_models_has_a_secret_on_its_far_side(world):
    missing = every_relation() - world.covered
    assert not missing, f"relations with no secret built behind them: {sorted(missing)}"
    assert len(world.covered) >= 30


def test_every_url_is_crawled_or_takes_posts_only(world, client):
    """A new URL is crawled without being listed; one the crawl cannot reach must only take POSTs."""
    client.force_login(persona_user("admin-cleared"))
    urls, post_only = urls_to_crawl(client, world, secrets_per_model=0)
    crawled_routes = {u.split("/")[1] for u in urls}
    assert {"persons", "campaigns", "documents", "api", "targets", "places", "act"} <= crawled_routes
    for name, route in post_only:
        response = client.get(fill(route, {"uid": "x", "target_uid": "x", "lang": "en", "index": 0,
                                           "citation_id": 0, "candidate_id": 0, "merge_id": 0,
                                           "attachment_id": 0, "relation_id": 0}))
        assert response.status_code in (404, 405), f"{name} is neither crawled nor POST-only"


def test_the_public_export_carries_no_secret_linked_any_way(world):
    """`export --public`: no secret record, field, quoted passage of a closed text, or `extra` of a record."""
    out = io.StringIO()
    write_export(out, public=True)
    text = out.getvalue()
    leaked = {key: why for key, why in _leaks(text, world, _uid_pattern(world)).items()}
    assert not leaked, leaked
    assert '"extra"' not in text and "-extra" not in text
    full = io.StringIO()
    write_export(full)
    exported = [m for m, (row, _why) in world.secrets.items() if type(row).__name__ != "SavedChart"]  # not records
    assert len(set(MARKER.findall(full.getvalue()))) >= len(exported)  # the archive keeps everything


def _reads_since(last_id):
    from qorgau.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(pk__gt=last_id, verb="read"))


def _last_audit_id():
    from qorgau.audit.models import AuditEntry

    return AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0


def test_confidential_values_shown_are_audited_where_they_are_read(client_for, alice, carol, secrets):
    client = client_for(alice)
    for url, shown in [(f"/api/persons/{secrets['person']}/", f"Person:{secrets['person']}"),
                       ("/api/persons/per_tobylova/", "Person:per_tobylova.contact"),
                       ("/persons/per_tobylova/", "Person:per_tobylova.contact"),
                       ("/persons/per_tobylova/", "PersonName:#"),  # the confidential alias of a public person
                       ("/persons/?q=Zhanna", f"Person:{secrets['person']}"),
                       ("/dashboard/", f"Person:{secrets['person']}")]:
        before = _last_audit_id()
        assert client.get(url).status_code == 200
        entries = _reads_since(before)
        assert any(any(item.startswith(shown) for item in entry.changes.get("shown", [])) for entry in entries), \
            (url, [e.changes for e in entries])
        assert all(entry.actor == alice for entry in entries)
    # A reader shown nothing confidential leaves no read entry.
    before = _last_audit_id()
    client_for(carol).get("/persons/per_tobylova/")
    assert _reads_since(before) == []


# Forms: what the page hides, the form hides too; what the form hides, saving keeps ---------------------------

def _form_fields(body):
    import re

    return set(re.findall(r'name="([a-z_]+)"', body))


def test_a_less_cleared_editor_edits_a_person_without_seeing_or_wiping_what_is_hidden(client_for, alice, bob):
    hideout = actions.do_create_place(actor=alice, name="Safe house Qz-hideout", sensitivity="confidential")
    person = actions.do_create_person(actor=alice, name="Public Person", sensitivity="public", consent="granted",
                                      given_name="Given-Secret", contact="+7 700 SECRET", notes="NOTES-SECRET",
                                      home_place=hideout,
                                      field_sensitivity={"contact": "confidential", "notes": "confidential",
                                                         "given_name": "confidential"})
    client = client_for(bob)
    body = client.get(f"/persons/{person.uid}/edit/").content.decode()
    for secret in ("Given-Secret", "+7 700 SECRET", "NOTES-SECRET", "Qz-hideout", hideout.uid):
        assert secret not in body
    assert {"contact", "notes", "given_name", "home_place"} & _form_fields(body) == set()
    assert "plc_almaty" not in body  # the home place field is gone altogether, not just emptied
    response = client.post(f"/persons/{person.uid}/edit/", {"name": "Public Person renamed", "gender": "",
                                                             "consent": "granted", "sensitivity": "public",
                                                             "record_version": actions.edit_token(Person.objects.get(pk=person.pk), bob)})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "Public Person renamed"
    assert (person.given_name, person.contact, person.notes, person.home_place) == \
        ("Given-Secret", "+7 700 SECRET", "NOTES-SECRET", hideout)
    # The cleared editor gets every field, and the hidden place among the choices.
    body = client_for(alice).get(f"/persons/{person.uid}/edit/").content.decode()
    assert "+7 700 SECRET" in body and hideout.uid in body


def test_choice_lists_offer_only_records_the_editor_may_see(client_for, alice, bob):
    place = actions.do_create_place(actor=alice, name="Closed Place Qz-choice", sensitivity="confidential")
    publisher = actions.do_create_organisation(actor=alice, name="Closed Publisher Qz-choice",
                                               sensitivity="confidential")
    for url in ("/persons/new/", "/organisations/new/", "/documents/new/", "/events/new/",
                "/acts/new/?victim=per_tobylova"):
        body = client_for(bob).get(url).content.decode()
        assert "Qz-choice" not in body and place.uid not in body and publisher.uid not in body, url
    assert "Closed Place Qz-choice" in client_for(alice).get("/persons/new/").content.decode()
    assert "plc_almaty" in client_for(bob).get("/persons/new/").content.decode()  # public places stay choosable


def test_a_less_cleared_campaigner_saves_a_ua_without_dropping_hidden_persons_or_targets(client_for, alice, dana):
    from qorgau.campaigns.models import Target, UrgentAction

    ua = UrgentAction.objects.get(uid="ua_63_18")
    closed = actions.create_record(Target, actor=alice, office="Closed office Qz-office", sensitivity="confidential")
    from qorgau.campaigns.models import UATarget

    UATarget.objects.create(urgent_action=ua, target=closed, kind="to")
    persons_before = set(ua.persons.values_list("uid", flat=True))
    hidden = {uid for uid in persons_before if Person.objects.get(uid=uid).sensitivity == "confidential"}
    assert hidden  # the demo's anonymous detainees
    targets_before = set(ua.ua_targets.values_list("target__uid", flat=True))
    client = client_for(dana)
    body = client.get("/campaigns/ua_63_18/edit/").content.decode()
    assert not any(uid in body for uid in hidden) and closed.uid not in body and "Qz-office" not in body
    import re

    visible_persons = [uid for uid in persons_before - hidden]
    visible_targets = [uid for uid in targets_before if uid != closed.uid
                       and Target.objects.get(uid=uid).sensitivity != "confidential"]
    acts = re.findall(r'name="acts" value="([^"]+)"[^>]*checked', body)
    response = client.post("/campaigns/ua_63_18/edit/", {
        "title": ua.title + " (edited)", "issued": ua.issued, "deadline": ua.deadline,
        "persons": ", ".join(visible_persons), "acts": acts, "asks": "\n".join(ua.asks),
        "background": ua.background, "languages": ua.languages, "targets": visible_targets,
        "sensitivity": ua.sensitivity, "record_version": actions.edit_token(type(ua).objects.get(pk=ua.pk), dana)})
    assert response.status_code == 302, response.content.decode()[:2000]
    ua.refresh_from_db()
    assert ua.title.endswith("(edited)")
    assert set(ua.persons.values_list("uid", flat=True)) == persons_before
    assert set(ua.ua_targets.values_list("target__uid", flat=True)) == targets_before


def test_a_merge_never_redirects_a_reader_to_a_record_they_may_not_see(client_for, alice, bob):
    public = actions.do_create_person(actor=alice, name="Merged Public", sensitivity="public", consent="granted")
    hidden = actions.do_create_person(actor=alice, name="Anonymous Kept", sensitivity="confidential")
    Person.objects.filter(pk=public.pk).update(merged_into=hidden)
    for reader in (None, bob):
        response = client_for(reader).get(f"/persons/{public.uid}/")
        assert response.status_code == 404 and hidden.uid not in response.content.decode()
    response = client_for(alice).get(f"/persons/{public.uid}/")
    assert response.status_code == 302 and response["Location"].endswith(f"/persons/{hidden.uid}/")


def test_an_event_edit_by_a_less_cleared_editor_keeps_hidden_places(client_for, alice, bob):
    from qorgau.records.models import Event, Place

    closed = actions.do_create_place(actor=alice, name="Closed Qz-venue", sensitivity="confidential")
    event = actions.do_create_event(actor=alice, title="Public protest", sensitivity="public",
                                    places=[closed, Place.objects.get(uid="plc_almaty")])
    client = client_for(bob)
    body = client.get(f"/events/{event.uid}/edit/").content.decode()
    assert "Qz-venue" not in body and closed.uid not in body
    response = client.post(f"/events/{event.uid}/edit/", {"title": "Public protest, edited", "event_type": "protest",
                                                           "places": ["plc_almaty"],
                                                           "sensitivity": "public",
                                                           "record_version": actions.edit_token(type(event).objects.get(pk=event.pk), bob)})
    assert response.status_code == 302, response.content.decode()[:1500]
    assert set(Event.objects.get(pk=event.pk).places.values_list("uid", flat=True)) == {closed.uid, "plc_almaty"}


# Filters that name a hidden record: the answer must be the answer for a record that does not exist ------------

# Which model a filter's value names. Every filter key of the lists, exports, API and statistics is here or among
# the filters that name no record, so a new filter is classified before the suite passes.
FILTER_MODELS = {"article": "Provision", "place": "Place", "region": "Place", "list": "PrisonerList",
                 "prisoner_list": "PrisonerList"}
NOT_A_RECORD = {"q", "type", "group", "from", "to", "role", "sensitivity", "review", "consent", "date_from",
                "date_to", "gender"}


def _filter_keys():
    from qorgau.analysis.statistics import Filters as StatisticsFilters
    from qorgau.web.listing import FILTER_KEYS

    return set(FILTER_KEYS) | set(StatisticsFilters.__dataclass_fields__)


def test_every_filter_is_classified():
    assert _filter_keys() <= set(FILTER_MODELS) | NOT_A_RECORD, _filter_keys() - set(FILTER_MODELS) - NOT_A_RECORD


def _hidden_values(world, model_name):
    out = []
    for row, _why in world.secrets.values():
        if type(row).__name__ == model_name:
            out.append(getattr(row, "slug", None) or row.uid)
    return out[:2]


def _normalised(body, value):
    import re

    from urllib.parse import quote, quote_plus

    for written in {value, quote(value), quote_plus(value), quote(value, safe=""), quote(quote(value, safe=""))}:
        body = body.replace(written, "VALUE")
    body = body.replace("nothing-by-this-name", "VALUE")
    body = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?", "", body)  # when a file was written
    body = re.sub(r'nonce="[^"]*"', "", body)
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)
    return re.sub(r'"X-CSRFToken": "[^"]*"|csrftoken=[^;"]*', "", body)


def _differs_again(client, url, key, value):
    from urllib.parse import quote

    one = client.get(f"{url}?{key}={quote(value)}")
    other = client.get(f"{url}?{key}=nothing-by-this-name")
    return 429 not in (one.status_code, other.status_code) and \
        _normalised(body_text(one), value) != _normalised(body_text(other), value)


@pytest.mark.parametrize("persona", [None, "viewer-uncleared"])
def test_a_filter_naming_a_hidden_record_answers_as_if_it_did_not_exist(persona, world, client):
    """/acts/?place=<a confidential place> listed the public acts that happened there (and counted them): which
    public record links to a hidden one, though neither its name nor its uid appeared."""
    from urllib.parse import quote

    client.force_login(persona_user("admin-cleared"))
    urls, _ = urls_to_crawl(client, world, secrets_per_model=0)
    pages = sorted({u for u in urls if "?" not in u and u.count("/") <= 3 and not u.endswith(("logout/", ".atom"))})
    _sign_in_as(client, persona)
    differences = []
    keys = sorted(k for k in _filter_keys() if k in FILTER_MODELS)
    for url in pages:
        first = client.get(url)
        if first.status_code != 200:
            continue
        for key in keys:
            for value in _hidden_values(world, FILTER_MODELS[key]):
                one = client.get(f"{url}?{key}={quote(value)}")
                other = client.get(f"{url}?{key}=nothing-by-this-name")
                if 429 in (one.status_code, other.status_code):
                    continue  # the API's rate limit answered, not the page
                again = client.get(f"{url}?{key}=nothing-by-this-name")
                if 429 in (again.status_code,) or \
                        _normalised(body_text(other), value) != _normalised(body_text(again), value):
                    continue  # the page does not answer twice alike (a changing listing): no oracle to read
                if _normalised(body_text(one), value) != _normalised(body_text(other), value):
                    # asked twice more, both ways: a difference that does not come back is the page's, not the filter's
                    if all(_differs_again(client, url, key, value) for _ in range(2)):
                        differences.append(f"{url}?{key}={value}")
    assert not differences, f"{len(differences)} answers differ for a hidden record:\n" + "\n".join(differences[:60])
