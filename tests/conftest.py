"""Test personas and data.

Personas (as in healthchecks' hc/test.py):
- alice: admin, cleared for confidential records — sees everything;
- bob: editor, not cleared — sees internal records, never confidential ones;
- carol: viewer, not cleared — reads internal records, may change nothing;
- an anonymous visitor sees public records only.

The demo dataset is loaded once per session into the test database; each
test runs in a transaction that is rolled back.
"""

import os
from pathlib import Path

import pytest

from qorgau.accounts.models import Role, User

DEMO = Path(__file__).resolve().parent.parent / "qorgau" / "interchange" / "demo" / "demo.jsonl"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def pytest_collection_modifyitems(items):
    # Tests on a live server flush the database afterwards: run them after all the others.
    items.sort(key=lambda item: "live_demo" in getattr(item, "fixturenames", ()))


def load_demo_and_personas():
    from qorgau.interchange.importer import import_stream
    from qorgau.records.models import Person

    if Person.objects.filter(uid="per_tobylova").exists():
        return
    with DEMO.open(encoding="utf-8") as stream:
        import_stream(stream, actor="test-setup")
    from qorgau.analysis.actions import do_build_lists_from_recognitions

    do_build_lists_from_recognitions(actor="test-setup")
    for username, role, cleared in (("alice", Role.ADMIN, True), ("bob", Role.EDITOR, False),
                                    ("carol", Role.VIEWER, False)):
        user = User(username=username, role=role, cleared_confidential=cleared)
        user.set_password("password-for-" + username)
        user.save()
        if role == Role.ADMIN or cleared:
            authenticator(user)  # enrolled: the browser tests sign in with its codes


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.conf import settings

    # The audit checkpoints of the test database, not of ./qorgau-data's.
    settings.QORGAU_AUDIT_CHECKPOINTS = tmp_path_factory.mktemp("audit") / "checkpoints.log"
    with django_db_blocker.unblock():
        load_demo_and_personas()


@pytest.fixture(autouse=True)
def _default_language():
    """A test that switches the interface language (a Kazakh page, a catalogue check) leaves it switched for the next
    tests in the same thread: each test ends in the default language, so no test's strings depend on the order."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: cached statistics of a rolled-back test must not leak into the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _own_audit_checkpoints(tmp_path, settings):
    """Each test's transaction is rolled back; so are its audit checkpoints (a file per test)."""
    settings.QORGAU_AUDIT_CHECKPOINTS = tmp_path / "audit-checkpoints.log"


@pytest.fixture
def live_demo(transactional_db):
    """For tests on a live server: their database is flushed after each of them, and the seed data migrations
    wrote is restored (serialized_rollback); the demo and the personas are loaded again when missing."""
    load_demo_and_personas()


@pytest.fixture
def alice(db):
    return User.objects.get(username="alice")


@pytest.fixture
def bob(db):
    return User.objects.get(username="bob")


@pytest.fixture
def carol(db):
    return User.objects.get(username="carol")


def authenticator(user):
    """The user's confirmed authenticator app (made when missing), as a test would hold it."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="test phone", confirmed=True)


def totp_code(device, offset=0):
    """The code the user's app shows now (offset: steps later)."""

    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift + offset):06d}"


def _mark_verified(client, user):
    from django_otp import DEVICE_ID_SESSION_KEY

    from qorgau.accounts import twofactor

    if twofactor.asks_for_code(user):
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
        session.save()


def sign_in_verified(client, user):
    """Sign `client` in as `user` past both steps: the password and, for users who need one, the second factor
    (the session marked as verified with the user's authenticator app)."""
    Client.force_login_password_only(client, user)
    _mark_verified(client, user)
    return client


# In tests, `client.force_login(user)` signs in past both steps, as a person with their phone would: tests of
# what a user may read need not repeat the second factor. Tests of the second step itself use
# `client.force_login_password_only(user)`, the password step alone.
from django.test import Client  # noqa: E402

if not hasattr(Client, "force_login_password_only"):
    Client.force_login_password_only = Client.force_login

    def _force_login_verified(self, user, backend=None):
        Client.force_login_password_only(self, user, backend)
        _mark_verified(self, user)

    Client.force_login = _force_login_verified


@pytest.fixture
def client_for(client, db):
    """client_for(user) signs the test client in as that user, second factor included (None: anonymous)."""
    def sign_in(user):
        client.logout()
        if user is not None:
            sign_in_verified(client, user)
        return client
    return sign_in


@pytest.fixture
def corpus():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "qorgau-data"


def run_cli(data_dir, *args, env=None):
    import subprocess
    import sys

    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "qorgau", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=environment, timeout=300)


@pytest.fixture
def dana(db):
    """A campaigner without clearance."""
    user, _ = User.objects.get_or_create(username="dana", defaults={"role": Role.CAMPAIGNER})
    return user
