"""Every interface string has a Russian and a Kazakh translation.

The msgids are extracted afresh from the sources (Django's makemessages on a copy of qorgau/), so a
string added to a template, form or message without a translation in the committed catalogues fails
here. `python tools/translations.py --missing` lists them for the translator.
"""

import shutil
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import translations  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext tools are not installed")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogues makemessages produces from the current sources, merged with the committed ones."""
    copy = tmp_path_factory.mktemp("i18n") / "src"
    shutil.copytree(ROOT / "qorgau", copy / "qorgau", ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    translations.makemessages(root=copy)
    return copy / "qorgau" / "locale"


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_every_msgid_is_translated(extracted, language):
    missing = translations.missing([language], locale=extracted)[language]
    assert not missing, f"{len(missing)} untranslated in {language} (run tools/translations.py --missing): {missing[:20]}"


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_the_committed_catalogue_has_every_extracted_msgid(extracted, language):
    fresh = {e.msgid for e in polib.pofile(str(extracted / language / "LC_MESSAGES" / "django.po")) if not e.obsolete}
    committed = translations.LOCALE / language / "LC_MESSAGES" / "django.po"
    done = {e.msgid for e in polib.pofile(str(committed)) if e.translated() and "fuzzy" not in e.flags}
    assert not fresh - done, sorted(fresh - done)[:20]


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_compiled_catalogue_matches_the_po(language):
    po = polib.pofile(str(translations.LOCALE / language / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(translations.LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled = {e.msgid: e.msgstr for e in mo if not e.msgid_plural}
    for entry in po.translated_entries():
        if not entry.msgid_plural:
            assert compiled.get(entry.msgid) == entry.msgstr, entry.msgid


def test_a_new_untranslated_string_is_caught(tmp_path):
    """The check itself: a template with a fresh msgid makes the Kazakh list non-empty."""
    copy = tmp_path / "src"
    shutil.copytree(ROOT / "qorgau", copy / "qorgau", ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    (copy / "qorgau" / "templates" / "zz_probe.html").write_text(
        '{% load i18n %}{% translate "A sentence nobody has translated yet" %}')
    translations.makemessages(["kk"], root=copy)
    assert "A sentence nobody has translated yet" in translations.missing(["kk"], locale=copy / "qorgau" / "locale")["kk"]


@pytest.mark.django_db
def test_kazakh_is_offered_and_used(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="kk")
    assert response.headers.get("Content-Language") == "kk"
    assert "Қазақша" in response.content.decode()
