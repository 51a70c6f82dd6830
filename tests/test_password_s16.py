"""Changing a password: one's own on a page, or an administrator's reset on the command line (session 16; the
outside audit found that an account kept its first password for ever, with no way to change or reset it)."""

import io
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from qorgau.accounts.models import User
from qorgau.audit.models import AuditEntry
from qorgau.web import actions as tokens
from qorgau.web.models import ApiToken

from .conftest import sign_in_verified

pytestmark = pytest.mark.django_db

NEW = "a-long-new-passphrase-for-bob-2026"


def change(client, current, new, again=None, **extra):
    return client.post("/account/password/", {"current": current, "new": new, "again": new if again is None else again},
                       **extra)


def password_works(username, password):
    return Client().post("/login/", {"username": username, "password": password},
                         REMOTE_ADDR="198.51.100.77").status_code == 302


def test_a_user_changes_their_password_and_only_this_session_stays(bob):
    here, elsewhere = sign_in_verified(Client(), bob), sign_in_verified(Client(), bob)
    _token, raw = tokens.do_create_token(bob, actor=bob, label="script")
    page = here.get("/account/password/")
    assert page.status_code == 200 and 'autocomplete="current-password"' in page.content.decode()
    response = change(here, "password-for-bob", NEW, follow=True)
    assert response.status_code == 200 and "Your password is changed" in response.content.decode()
    assert here.get("/dashboard/").status_code == 200            # the session it was changed from stays
    assert elsewhere.get("/dashboard/").status_code == 302       # every other session is signed out
    assert not ApiToken.objects.filter(user=bob, revoked_at__isnull=True).exists()
    assert tokens.user_for_token(raw) is None
    assert password_works("bob", NEW) and not password_works("bob", "password-for-bob")
    entry = AuditEntry.objects.get(verb="password", record_uid="bob")
    assert entry.changes == {"sessions": 1} and NEW not in str(entry.changes) and entry.actor_label == "bob"


@pytest.mark.parametrize("current, new, again, says", [
    ("wrong-current-password", NEW, None, "not your current password"),
    ("password-for-bob", NEW, NEW + "x", "differ"),
    ("password-for-bob", "password-for-bob", None, "same as the current"),
    ("password-for-bob", "123", None, "too short"),
    ("password-for-bob", "password", None, "too common"),
])
def test_a_refused_change_says_why_and_changes_nothing(bob, current, new, again, says):
    here, elsewhere = sign_in_verified(Client(), bob), sign_in_verified(Client(), bob)
    tokens.do_create_token(bob, actor=bob)
    response = change(here, current, new, again)
    assert response.status_code == 400 and says in response.content.decode()
    assert password_works("bob", "password-for-bob")
    assert elsewhere.get("/dashboard/").status_code == 200
    assert ApiToken.objects.filter(user=bob, revoked_at__isnull=True).count() == 1
    assert not AuditEntry.objects.filter(verb="password").exists()


def test_guessing_the_current_password_on_the_page_ends_in_the_sign_in_lockout(bob, settings):
    client = sign_in_verified(Client(), bob)
    codes = [change(client, f"guess-{i}", NEW).status_code for i in range(settings.AXES_FAILURE_LIMIT + 2)]
    assert codes[0] == 400 and codes[-1] == 429
    # Locked: even the right current password no longer changes it.
    assert change(client, "password-for-bob", NEW).status_code == 429
    assert User.objects.get(username="bob").check_password("password-for-bob")
    assert AuditEntry.objects.filter(verb="lockout", record_uid="bob").exists()


def test_the_page_asks_for_a_signed_in_user_past_the_second_step(alice):
    assert Client().get("/account/password/").status_code == 302
    half = Client()
    half.force_login_password_only(alice)   # an administrator must give the code from the app first
    response = half.get("/account/password/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert change(half, "password-for-alice", NEW).status_code == 302
    assert User.objects.get(username="alice").check_password("password-for-alice")


def test_the_page_speaks_russian_and_kazakh(bob):
    for language, words in (("ru", "Смена пароля"), ("kk", "Құпиясөзді өзгерту")):
        client = sign_in_verified(Client(HTTP_ACCEPT_LANGUAGE=language), bob)
        client.cookies.load({"django_language": language})
        assert words in client.get("/account/password/", HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_an_administrator_sets_a_new_password_from_the_command_line(bob, monkeypatch):
    session = sign_in_verified(Client(), bob)
    tokens.do_create_token(bob, actor=bob)
    monkeypatch.setattr(sys, "stdin", io.StringIO(NEW + "\n"))
    out = io.StringIO()
    call_command("users", "set-password", "bob", "--password-file", "-", stdout=out)
    assert "1 session(s) ended and 1 read-API token(s) revoked" in out.getvalue()
    assert session.get("/dashboard/").status_code == 302
    assert password_works("bob", NEW)
    assert AuditEntry.objects.get(verb="password", record_uid="bob").actor_label == "cli"


def test_a_weak_password_from_the_command_line_is_refused_and_changes_nothing(bob, monkeypatch):
    session = sign_in_verified(Client(), bob)
    monkeypatch.setattr(sys, "stdin", io.StringIO("bob\n"))
    with pytest.raises(CommandError, match="Password not changed"):
        call_command("users", "set-password", "bob", "--password-file", "-")
    assert password_works("bob", "password-for-bob") and session.get("/dashboard/").status_code == 200
    assert not AuditEntry.objects.filter(verb="password").exists()
