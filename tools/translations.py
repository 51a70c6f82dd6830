"""Interface catalogues: fill a language's .po from its reviewed table, or list what is untranslated.

    python tools/translations.py --missing      # msgids without a translation, per language
    python tools/translations.py --extract      # run makemessages for ru and kk first (new strings)

Per-language tables live in tools/translations_<lang>.py; run those to fill and compile.
A table value is a string, or for a plural entry a tuple with one string per plural form.
"""

import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "qorgau" / "locale"
LANGUAGES = ("ru", "kk")
PLURAL_FORMS = {
    "ru": ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
           "(n%100<10 || n%100>=20) ? 1 : 2);"),
    "kk": "nplurals=2; plural=(n!=1);",
}
IGNORE = (".venv/*", "benchmarks/*", "tests/*", "node_modules/*")


def makemessages(languages=LANGUAGES, root=ROOT):
    """Run Django's makemessages over the sources under root (the project, or a copy of its qorgau/)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), DJANGO_SETTINGS_MODULE="qorgau.settings")
    command = [sys.executable, "-m", "django", "makemessages"]
    for language in languages:
        command += ["-l", language]
    for pattern in IGNORE:
        command += ["-i", pattern]
    subprocess.run(command, cwd=root, env=env, check=True, capture_output=True)


def untranslated(po):
    """msgids of a catalogue with an empty or fuzzy translation."""
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags or not entry.translated():
            missing.append(entry.msgid)
    return missing


def fill(language, table):
    """Fill locale/<language> from the table, compile it; return the msgids still untranslated."""
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(path))
    nplurals = int(PLURAL_FORMS[language].split("nplurals=")[1].split(";")[0])
    for entry in po:
        if entry.msgid not in table:
            continue
        value = table[entry.msgid]
        if entry.msgid_plural:
            forms = value if isinstance(value, tuple) else (value, table.get(entry.msgid_plural, value))
            forms = list(forms) + [forms[-1]] * (nplurals - len(forms))
            entry.msgstr_plural = {index: forms[index] for index in range(nplurals)}
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.metadata_is_fuzzy = False
    po.metadata["Language"] = language
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.metadata["Plural-Forms"] = PLURAL_FORMS[language]
    po.save()
    po.save_as_mofile(str(path.with_suffix(".mo")))
    return untranslated(po)


def missing(languages=LANGUAGES, locale=LOCALE):
    return {language: untranslated(polib.pofile(str(locale / language / "LC_MESSAGES" / "django.po")))
            for language in languages}


def main(argv):
    if "--extract" in argv:
        makemessages()
    if "--missing" in argv or "--extract" in argv:
        found = missing()
        for language, msgids in found.items():
            print(f"{language}: {len(msgids)} untranslated")
            for msgid in msgids:
                print(f"  {msgid!r}")
        return 1 if any(found.values()) else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
