"""Response headers: CSP without inline script, HSTS behind TLS, nosniff, referrer policy, no-store for staff and
downloads; `next` leads only to this site."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from qorgau.resolution.models import Candidate

from .conftest import sign_in_verified
from .test_access import pages
from .test_access import secrets  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def urls(secrets):  # noqa: F811
    for value in pages(secrets).values():
        yield from [value] if isinstance(value, str) else value


def csp(response):
    return dict((part.split(" ", 1) + [""])[:2] for part in
                (p.strip() for p in response["Content-Security-Policy"].split(";")) if part)


def test_every_page_has_a_policy_without_inline_script(client_for, alice, secrets):  # noqa: F811
    client = client_for(alice)
    for url in urls(secrets):
        response = client.get(url)
        policy = csp(response)
        assert policy["script-src"] == "'self'", url
        assert "unsafe-inline" not in policy.get("default-src", "") and policy["object-src"] == "'none'"
        assert policy["frame-ancestors"] == "'none'"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        if response.get("Content-Type", "").startswith("text/html"):
            body = response.content.decode()
            for tag in re.findall(r"<script\b[^>]*>", body):
                assert " src=" in tag, f"inline script at {url}: {tag}"
            assert not re.search(r"\son[a-z]+\s*=", body), f"an inline event handler at {url}"
            assert "javascript:" not in body, url


def test_no_template_holds_inline_script():
    for path in ROOT.glob("qorgau/**/templates/**/*.html"):
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", text):
            assert " src=" in tag, f"{path}: {tag}"
        assert not re.search(r"\son[a-z]+\s*=\s*[\"']", text), f"{path}: an inline event handler"
        assert "javascript:" not in text and "hx-on" not in text, path


def test_every_staff_page_and_download_is_not_stored(client_for, alice, dana, secrets):  # noqa: F811
    for user in (alice, dana):
        client = client_for(user)
        for url in urls(secrets):
            response = client.get(url)
            assert "no-store" in response.get("Cache-Control", ""), f"{url} for {user}"
            assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("headers", [{"Content-Disposition": 'attachment; filename="UA-63-18.pdf"'},
                                     {"Content-Type": "application/pdf"}])
def test_downloads_are_not_stored_even_for_visitors(rf, headers):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from qorgau.accounts.middleware import no_store

    request = rf.get("/somewhere/")
    request.user = AnonymousUser()
    response = no_store(lambda request: HttpResponse(b"%PDF-1.7", headers=headers))(request)
    assert "no-store" in response["Cache-Control"]


def test_public_pages_for_visitors_may_be_cached(client):
    assert "no-store" not in client.get("/act/ua_63_18/").get("Cache-Control", "")


def test_a_pdf_download_is_not_stored(client_for, dana):
    response = client_for(dana).get("/campaigns/ua_63_18/pdf/")
    assert response["Content-Type"] == "application/pdf" and "no-store" in response["Cache-Control"]


def _header_with(env, secure):
    code = ("import django, sys; django.setup(); from django.test import Client; "
            f"r = Client().get('/login/', secure={secure}); print(r.get('Strict-Transport-Security', 'none'))")
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update(env, DJANGO_SETTINGS_MODULE="qorgau.settings", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_hsts_is_sent_when_cookies_are_secure(tmp_path):
    data = {"QORGAU_DATA_DIR": str(tmp_path)}
    assert _header_with(data | {"QORGAU_SECURE_COOKIES": "1"}, True) == "max-age=31536000"
    assert _header_with(data, True) == "none"
    # Behind the proxy, which says the client used HTTPS:
    code = ("import django; django.setup(); from django.test import Client; "
            "r = Client().get('/login/', HTTP_X_FORWARDED_PROTO='https'); "
            "print(r.get('Strict-Transport-Security', 'none'))")
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update(data, QORGAU_SECURE_COOKIES="1", QORGAU_TRUSTED_PROXIES="1",
                       DJANGO_SETTINGS_MODULE="qorgau.settings", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "max-age=31536000", out.stderr


EVIL = ["https://evil.example/", "//evil.example/x", "http://evil.example", "///evil.example", "\\\\evil.example",
        "https:evil.example", " //evil.example"]


@pytest.mark.parametrize("target", EVIL)
def test_judging_a_pair_never_leads_off_site(client_for, alice, target):
    candidate = Candidate.objects.create(left_id=_person("per_tobylova"), right_id=_person("per_ashim"), score=0.5)
    response = client_for(alice).post(f"/resolution/{candidate.public_id}/judge/", {"decision": "unsure", "next": target})
    assert response.status_code == 302 and response["Location"] == "/resolution/"


def test_judging_a_pair_returns_to_the_page_it_came_from(client_for, alice):
    candidate = Candidate.objects.create(left_id=_person("per_tobylova"), right_id=_person("per_ashim"), score=0.5)
    response = client_for(alice).post(f"/resolution/{candidate.public_id}/judge/",
                                      {"decision": "unsure", "next": "/persons/per_tobylova/"})
    assert response["Location"] == "/persons/per_tobylova/"


def _person(uid):
    from qorgau.records.models import Person

    return Person.objects.get(uid=uid).pk


@pytest.mark.parametrize("target", EVIL)
def test_sign_in_and_language_never_lead_off_site(target, alice):
    from .conftest import authenticator, totp_code

    client = Client()
    response = client.post("/login/", {"username": "bob", "password": "password-for-bob", "next": target})
    assert response["Location"] == "/dashboard/"
    response = client.post("/i18n/setlang/", {"language": "ru", "next": target})
    assert not response["Location"].lstrip().lstrip("/\\").startswith(("evil", "http")) and "evil" not in \
        response["Location"]
    # The second step of sign-in too.
    second = Client()
    second.post("/login/", {"username": "alice", "password": "password-for-alice"})
    response = second.post("/login/verify/", {"code": totp_code(authenticator(alice)), "next": target})
    assert response.status_code == 302 and response["Location"] == "/dashboard/"


def test_signed_in_staff_have_the_policy_too(alice):
    client = sign_in_verified(Client(), alice)
    assert csp(client.get("/dashboard/"))["script-src"] == "'self'"


def test_the_policy_built_once_is_django_csps_and_follows_the_settings(client, settings):
    from csp.decorators import csp_update
    from csp.utils import build_policy
    from django.http import HttpResponse
    from django.test import RequestFactory

    from qorgau.web.csp import CSPMiddleware

    assert client.get("/").headers["Content-Security-Policy"] == build_policy()
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    assert client.get("/").headers["Content-Security-Policy"] == "default-src 'none'"
    # A view that changes its own policy, or a page that asks for a nonce, gets django-csp's own answer.
    middleware = CSPMiddleware(csp_update({"img-src": "https://example.org"})(lambda request: HttpResponse()))
    request = RequestFactory().get("/")
    assert "img-src https://example.org" in middleware(request)["Content-Security-Policy"]
    from csp.constants import NONCE

    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": ["'self'", NONCE]}}
    assert client.get("/").headers["Content-Security-Policy"] == build_policy()
    assert "nonce" not in build_policy()
    middleware = CSPMiddleware(lambda request: HttpResponse(str(request.csp_nonce)))
    response = middleware(RequestFactory().get("/"))
    assert f"'nonce-{response.content.decode()}'" in response["Content-Security-Policy"]
