from .conftest import run_cli


def test_demo_loads_prints_credentials_and_stops_with_no_serve(data_dir):
    result = run_cli(data_dir, "demo", "--no-serve")
    assert result.returncode == 0, result.stderr
    assert "Address:  http://127.0.0.1:8000/" in result.stdout
    assert "User:     admin" in result.stdout and "Password: " in result.stdout
    assert (data_dir / "qorgau.sqlite3").exists()
    assert (data_dir / "keys" / "secret_key").stat().st_mode & 0o077 == 0
    again = run_cli(data_dir, "demo", "--no-serve")
    assert "already loaded" in again.stdout
    verify = run_cli(data_dir, "audit", "verify")
    assert verify.returncode == 0 and "intact" in verify.stdout


def test_the_data_dir_comes_from_the_environment_too(tmp_path):
    result = run_cli(tmp_path / "ignored", "init", env={})
    assert result.returncode == 0
    assert (tmp_path / "ignored" / "qorgau.sqlite3").exists()


def test_help_lists_the_commands(data_dir):
    result = run_cli(data_dir, "--help")
    for command in ("init", "serve", "demo", "export", "import", "audit verify"):
        assert command in result.stdout


def test_a_bad_import_prints_a_message_not_a_traceback(data_dir, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "header", "format": "qorgau", "version": 1}\n{"type": "act", "id": "act_1"}\n')
    run_cli(data_dir, "init")
    result = run_cli(data_dir, "import", str(bad))
    assert result.returncode != 0
    assert "Nothing was imported" in result.stderr and "line 2" in result.stderr
    assert "Traceback" not in result.stderr


DEMO_SIGN_IN = r"""
import base64, re, sys, time, django
django.setup()
from django.test import Client
from django_otp.oath import totp
password = sys.argv[1]
client = Client()
page = client.post("/login/", {"username": "admin", "password": password}, follow=True)
assert page.request["PATH_INFO"] == "/login/enrol/", page.request["PATH_INFO"]
body = page.content.decode()
assert "<svg" in body
secret = re.search(r'id="secret">([A-Z2-7]+)<', body).group(1)
key = base64.b32decode(secret + "=" * (-len(secret) % 8))  # what the phone's app reads from the QR code
done = client.post("/login/enrol/", {"code": "%06d" % totp(key)})
assert done.status_code == 200 and "recovery-codes" in done.content.decode()
dashboard = client.get("/dashboard/")
assert dashboard.status_code == 200 and "Currently deprived of liberty" in dashboard.content.decode()
print("signed in")
"""


def test_the_demo_ends_at_a_working_sign_in_with_enrolment(data_dir):
    import os
    import re
    import subprocess
    import sys

    result = run_cli(data_dir, "demo", "--no-serve")
    assert result.returncode == 0, result.stderr
    assert "QR code" in result.stdout
    password = re.search(r"Password: (\S+)", result.stdout).group(1)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(QORGAU_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="qorgau.settings")
    signed = subprocess.run([sys.executable, "-c", DEMO_SIGN_IN, password], env=env, capture_output=True, text=True,
                            timeout=300)
    assert signed.stdout.strip() == "signed in", signed.stderr
