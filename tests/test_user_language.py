"""The interface language is remembered per user: set when they switch, applied when they sign in anywhere."""

import pytest
from django.test import Client

from qorgau.accounts.models import User
from qorgau.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_switching_saves_the_language_on_the_account_and_another_browser_gets_it(client_for, bob):
    client_for(bob).post("/i18n/setlang/", {"language": "kk", "next": "/persons/"})
    assert User.objects.get(pk=bob.pk).language == "kk"
    assert AuditEntry.objects.filter(verb="language", record_uid="bob").exists()
    other = Client()  # a new browser: no language cookie, asks for English
    other.force_login(User.objects.get(pk=bob.pk))
    response = other.get("/persons/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "kk" and "Қазақша" in response.content.decode()
    assert response.cookies["django_language"].value == "kk"


def test_signing_in_with_the_password_applies_the_saved_language(client, bob):
    User.objects.filter(pk=bob.pk).update(language="ru")
    response = client.post("/login/", {"username": "bob", "password": "password-for-bob"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "ru"


def test_an_anonymous_switch_or_an_unknown_language_saves_nothing(client, client_for, carol):
    client.post("/i18n/setlang/", {"language": "kk"})
    client_for(carol).post("/i18n/setlang/", {"language": "xx"})
    assert User.objects.get(pk=carol.pk).language == ""
    assert not AuditEntry.objects.filter(verb="language").exists()
