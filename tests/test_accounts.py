"""Sign-in that resists attack: lockouts, password rules, two factors, session timeouts, account commands."""

import time
from urllib.parse import unquote

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from qorgau.accounts import actions, twofactor
from qorgau.accounts.middleware import LAST_SEEN, SIGNED_IN_AT
from qorgau.accounts.models import Role, User
from qorgau.audit.models import AuditEntry

from .conftest import authenticator, sign_in_verified, totp_code
from .test_access import SECRETS, pages
from .test_access import secrets  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def post_login(client, username, password, address="198.51.100.1", **extra):
    return client.post("/login/", {"username": username, "password": password, **extra}, REMOTE_ADDR=address)


def signed_in_as(client):
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id).username if user_id else None


# Lockout ------------------------------------------------------------------------------------------------------

def test_thirty_wrong_passwords_then_the_right_one_is_refused():
    client = Client()
    for _ in range(30):
        assert post_login(client, "carol", "not-her-password").status_code in (200, 429)
    response = post_login(client, "carol", "password-for-carol")
    assert response.status_code == 429 and "locked" in response.content.decode()
    assert signed_in_as(client) is None
    # Locked per account: another client with the right password is refused too.
    other = Client()
    assert post_login(other, "carol", "password-for-carol", address="192.0.2.99").status_code == 429
    assert signed_in_as(other) is None
    verbs = list(AuditEntry.objects.filter(record_uid="carol").values_list("verb", flat=True))
    # Every attempt is in the audit log (31 from the first client, 1 from the other), and the lockout.
    assert verbs.count("login_failed") + verbs.count("login_refused_locked") == 32 and "lockout" in verbs


def test_one_client_guessing_many_accounts_is_locked_out():
    client = Client()
    for i in range(10):
        post_login(client, f"nobody{i}", "guess-guess-guess", address="203.0.113.50")
    assert post_login(client, "carol", "password-for-carol", address="203.0.113.50").status_code == 429
    assert signed_in_as(client) is None
    # The same account from another client is not locked: the lock was on the client.
    assert post_login(Client(), "carol", "password-for-carol", address="203.0.113.51").status_code == 302


def test_a_few_mistakes_do_not_lock_and_success_resets_the_count():
    client = Client()
    for _ in range(9):
        post_login(client, "carol", "typo-typo-typo")
    assert post_login(client, "carol", "password-for-carol").status_code == 302
    client.logout()
    for _ in range(9):
        post_login(client, "carol", "typo-typo-typo")
    assert post_login(client, "carol", "password-for-carol").status_code == 302


def test_an_administrator_unlocks_an_account():
    for _ in range(12):
        post_login(Client(), "carol", "wrong-wrong-wrong", address="192.0.2.7")
    assert post_login(Client(), "carol", "password-for-carol", address="192.0.2.8").status_code == 429
    call_command("users", "unlock", "carol")
    assert post_login(Client(), "carol", "password-for-carol", address="192.0.2.8").status_code == 302
    assert AuditEntry.objects.filter(verb="unlock", record_uid="carol").exists()


# Passwords ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("password", ["aaaaaaaaaa", "password12", "short-pw", "123456789012345", "password1234",
                                      "erin-the-editor"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        actions.do_create_user(username="erin-the-editor", password=password, role=Role.EDITOR, actor="test")
    assert not User.objects.filter(username="erin-the-editor").exists()


def test_passwords_are_hashed_with_argon2():
    user = actions.do_create_user(username="erin", password="correct horse battery", role=Role.EDITOR, actor="test")
    assert identify_hasher(user.password).algorithm == "argon2"


def test_createuser_reads_a_password_file_and_takes_no_password_argument(tmp_path):
    with pytest.raises(CommandError):
        call_command("createuser", "erin", "--role", "editor", "--password", "correct horse battery")
    weak = tmp_path / "weak"
    weak.write_text("password12\n")
    with pytest.raises(CommandError, match="too common|too short"):
        call_command("createuser", "erin", "--role", "editor", "--password-file", str(weak))
    assert not User.objects.filter(username="erin").exists()
    good = tmp_path / "good"
    good.write_text("correct horse battery\n")
    call_command("createuser", "erin", "--role", "editor", "--password-file", str(good))
    assert User.objects.get(username="erin").check_password("correct horse battery")


def test_createuser_without_a_terminal_or_file_asks_for_the_file(monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    with pytest.raises(CommandError, match="--password-file"):
        call_command("createuser", "erin", "--role", "editor")
    call_command("createuser", "erin", "--role", "editor", "--password-file", "-")
    assert User.objects.get(username="erin").check_password("correct horse battery")


# Two factors --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("cleared", [False, True])
def test_two_factors_are_required_of_admins_and_cleared_accounts(role, cleared):
    user = User.objects.create(username=f"u-{role}-{cleared}", role=role, cleared_confidential=cleared)
    assert twofactor.required_for(user) == (role == Role.ADMIN or cleared)
    client = Client()
    client.force_login_password_only(user)
    response = client.get("/dashboard/")
    if twofactor.required_for(user):
        assert response.status_code == 302 and response["Location"].startswith("/login/enrol/")
    else:
        assert response.status_code == 200


def test_the_password_alone_shows_a_cleared_admin_nothing(client, alice, secrets):  # noqa: F811
    client.force_login_password_only(alice)  # the password step only
    for urls in pages(secrets).values():
        for url in [urls] if isinstance(urls, str) else urls:
            response = client.get(url, follow=True)
            assert response.request["PATH_INFO"] == "/login/verify/", url
            body = response.content.decode(errors="replace")
            for secret in SECRETS:
                if secret not in unquote(url):  # (the address asked for comes back in `next`)
                    assert secret not in body, f"{secret!r} shown at {url} before the second factor"
    assert client.get("/persons/per_anonymous_ua63_a/")["Location"].startswith("/login/verify/")


def test_alice_signs_in_with_password_then_code():
    client = Client()
    response = post_login(client, "alice", "password-for-alice", next="/persons/per_tobylova/")
    assert response.status_code == 302 and response["Location"].startswith("/login/verify/")
    wrong = client.post("/login/verify/", {"code": "000000", "next": "/persons/per_tobylova/"})
    assert wrong.status_code == 400 and "not right" in wrong.content.decode()
    assert AuditEntry.objects.filter(verb="login_second_factor_failed", record_uid="alice").exists()
    device = TOTPDevice.objects.get(user__username="alice")
    device.throttle_reset()
    code = totp_code(device)  # kept: recomputed later, it could belong to the next 30-second step
    right = client.post("/login/verify/", {"code": code, "next": "/persons/per_tobylova/"})
    assert right.status_code == 302 and right["Location"] == "/persons/per_tobylova/"
    assert client.get("/persons/per_anonymous_ua63_a/").status_code == 200
    # The same code cannot be used again (in another session).
    other = Client()
    post_login(other, "alice", "password-for-alice")
    assert other.post("/login/verify/", {"code": code}).status_code == 400


def test_a_new_cleared_account_enrols_with_a_qr_code_and_gets_recovery_codes():
    user = actions.do_create_user(username="frank", password="correct horse battery", role=Role.VIEWER,
                                  cleared=True, actor="test")
    client = Client()
    response = post_login(client, "frank", "correct horse battery")
    assert response["Location"].startswith("/login/enrol/")
    page = client.get(response["Location"])
    body = page.content.decode()
    assert page.status_code == 200 and "<svg" in body and 'id="secret"' in body
    assert "<script>" not in body and "http" not in body.split('id="qr"')[1].split("</div>")[0].replace(
        "http://www.w3.org/2000/svg", "")  # the QR code is drawn here, fetched from nowhere
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post("/login/enrol/", {"code": "123456"}).status_code == 400
    device.refresh_from_db()
    device.throttle_reset()
    done = client.post("/login/enrol/", {"code": totp_code(device)})
    codes = [line.split("<code>")[1].split("</code>")[0] for line in done.content.decode().split("<li>")[1:]
             if "<code>" in line]
    assert done.status_code == 200 and len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/persons/per_anonymous_ua63_a/").status_code == 200
    assert AuditEntry.objects.filter(verb="two_factor_enrolled", record_uid="frank").exists()
    # Next time: a recovery code works once.
    for attempt, expected in ((1, 302), (2, 400)):
        again = Client()
        post_login(again, "frank", "correct horse battery")
        assert again.post("/login/verify/", {"code": codes[0]}).status_code == expected, attempt
    assert twofactor.remaining_recovery_codes(user) == 9


def test_an_editor_without_clearance_signs_in_with_the_password_alone():
    client = Client()
    assert post_login(client, "bob", "password-for-bob")["Location"] == "/dashboard/"
    assert client.get("/dashboard/").status_code == 200


def test_reset_two_factor_makes_the_user_enrol_again(alice):
    client = sign_in_verified(Client(), alice)
    call_command("users", "reset-two-factor", "alice")
    assert not TOTPDevice.objects.filter(user=alice).exists()
    assert client.get("/dashboard/")["Location"].startswith("/login/")
    post_login(client, "alice", "password-for-alice")
    assert client.get("/dashboard/")["Location"].startswith("/login/enrol/")


# Sessions -----------------------------------------------------------------------------------------------------

def _age_session(client, **seconds_ago):
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


def test_an_idle_session_ends(client, bob, settings):
    sign_in_verified(client, bob)
    _age_session(client, qorgau_last_seen=29 * 60)
    assert client.get("/dashboard/").status_code == 200
    _age_session(client, qorgau_last_seen=31 * 60)
    response = client.get("/dashboard/")
    assert response.status_code == 302 and "expired=1" in response["Location"]
    assert signed_in_as(client) is None
    assert "You were signed out" in client.get(response["Location"]).content.decode()
    assert AuditEntry.objects.filter(verb="session_timeout", record_uid="bob").exists()
    settings.QORGAU_SESSION_IDLE_MINUTES = 5
    sign_in_verified(client, bob)
    _age_session(client, qorgau_last_seen=6 * 60)
    assert client.get("/dashboard/").status_code == 302


def test_a_session_ends_after_its_maximum_length_even_when_active(client, bob):
    sign_in_verified(client, bob)
    _age_session(client, qorgau_signed_in_at=13 * 3600, qorgau_last_seen=0)
    assert client.get("/dashboard/").status_code == 302
    assert signed_in_as(client) is None


def test_activity_keeps_a_session_alive(client, bob):
    sign_in_verified(client, bob)
    _age_session(client, qorgau_last_seen=20 * 60)
    client.get("/dashboard/")
    assert time.time() - client.session[LAST_SEEN] < 5 and SIGNED_IN_AT in client.session


# Account commands ---------------------------------------------------------------------------------------------

def test_users_list(capsys, alice):
    call_command("users", "list")
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("alice "))
    assert "admin" in line and "yes" in line and "enrolled" in line


def test_deactivate_ends_sessions_and_sign_in(bob):
    client = sign_in_verified(Client(), bob)
    call_command("users", "deactivate", "bob")
    assert client.get("/dashboard/").status_code == 302
    assert post_login(Client(), "bob", "password-for-bob").status_code == 200  # the form again: refused
    assert AuditEntry.objects.filter(verb="deactivate", record_uid="bob", actor_label="cli").exists()


def test_revoke_clearance_takes_effect_at_once(alice, secrets):  # noqa: F811
    client = sign_in_verified(Client(), alice)
    assert "Zhanna Secretova" in client.get(f"/persons/{secrets['person']}/").content.decode()
    call_command("users", "revoke-clearance", "alice")
    assert not User.objects.get(username="alice").cleared_confidential
    response = client.get(f"/persons/{secrets['person']}/", follow=True)
    assert "Zhanna Secretova" not in response.content.decode()
    assert AuditEntry.objects.filter(verb="clearance", record_uid="alice").exists()


def test_end_sessions_ends_every_session_of_one_user(alice, bob):
    first, second, others = sign_in_verified(Client(), bob), sign_in_verified(Client(), bob), sign_in_verified(
        Client(), alice)
    call_command("users", "end-sessions", "bob")
    assert first.get("/dashboard/").status_code == 302 and second.get("/dashboard/").status_code == 302
    assert others.get("/dashboard/").status_code == 200
    entry = AuditEntry.objects.get(verb="end_sessions", record_uid="bob")
    assert entry.changes == {"sessions": 2}


@pytest.mark.parametrize("args", [["deactivate", "nobody"], ["end-sessions"], ["frobnicate", "bob"]])
def test_users_command_refuses_clearly(args):
    with pytest.raises(CommandError):
        call_command("users", *args)
    assert not AuditEntry.objects.filter(verb__in=["deactivate", "end_sessions"]).exists()


def test_the_second_step_speaks_russian(alice):
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login_password_only(alice)
    client.cookies["django_language"] = "ru"
    body = client.get("/login/verify/").content.decode()
    assert "Вход: второй шаг" in body and "резервных кодов" in body
