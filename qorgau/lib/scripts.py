"""Letter-by-letter transliteration between scripts (Kazakh Cyrillic -> the Latin alphabet of 2021), from a table kept
as data (qorgau/documents/extract/lexicon/kk/latin.tsv). Pure functions, no Django: used by the lexicon loader and by
qorgau.lib.morphology."""

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=8)
def alphabet(path):
    """{Cyrillic letter: Latin spelling} from a two-column table ("#" comments; an empty cell drops the letter)."""
    path = Path(path)
    if not path.exists():
        return {}
    letters = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cyrillic, _, latin = line.partition("\t")
            letters[cyrillic.strip()] = latin.strip()
    return letters


def transliterate(text, letters):
    """`text` in the other script, letter by letter, keeping the case of each letter (regular expressions too: their
    syntax is ASCII and stays as it is). Each distinct character of the text is looked up once and the text is
    translated in one pass (`str.translate`): the lexicons' long trigger cells are transliterated at every start."""
    table = {}
    for char in set(text):
        latin = letters.get(char.lower())
        if latin is not None:
            table[ord(char)] = latin.capitalize() if char.isupper() else latin
    return text.translate(table) if table else text
