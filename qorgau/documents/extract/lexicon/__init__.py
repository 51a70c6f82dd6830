"""The extraction rules' words, as data: one folder per language (en, ru, kk), one tab-separated file per kind.

    act_types.tsv            (all languages) act type, provision relation it implies, may stand as a noun, takes
                             provisions, takes a penalty
    <lang>/triggers.tsv      act type <TAB> regular expression (what reports an act of that type)
    <lang>/months.tsv        regular expression for the month's forms <TAB> month number
    <lang>/codes.tsv         code id (CC, CC1997, AOC, CCP, CONST) <TAB> regular expression naming that code
    <lang>/roles.tsv         word <TAB> role (journalist, blogger, …; judge, investigator … are perpetrators)
    <lang>/perpetrators.tsv  regular expression <TAB> kind (an institution or an official acting on a victim)
    <lang>/places.tsv        place names, one a line (never part of a person's name)
    <lang>/penalties.tsv     penalty kind <TAB> unit <TAB> regular expression (group 1: the amount)
    <lang>/relative.tsv      regular expression <TAB> unit (day, month, year, season) <TAB> offset
    ru/ordinals.tsv          regular expression <TAB> day (a day of the month spelled out: "двадцать третьего")
    kk/name_suffixes.tsv     Kazakh case endings taken off names (qorgau.lib.morphology)
    <lang>/verb_forms.tsv    form <TAB> regular expression of the endings a verb stem "⟨stem⟩" in triggers.tsv takes

Lines starting with "#" are comments. Adding a language is adding a folder with these files; adding a trigger is
adding a line. Every regular expression is matched case-insensitively unless the file says otherwise.
"""

from qorgau.lib import patterns as re  # `re`, with compiled patterns kept across processes (start-up)
from functools import lru_cache
from pathlib import Path

from qorgau.lib.scripts import alphabet, transliterate  # noqa: F401 (transliterate: part of this module's API)

HERE = Path(__file__).resolve().parent


def languages():
    return sorted(p.name for p in HERE.iterdir() if p.is_dir() and not p.name.startswith("_"))


def _read(path):
    rows = []
    if not path.exists():
        return rows
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return rows


# A language written in two scripts: its folder's `latin.tsv` maps each Cyrillic letter to its Latin spelling, and
# every row of its other files is read in both (kk: the Latin alphabet of 2021, "ұсталды" and "ūstaldy").
CYRILLIC_LETTER = re.compile(r"[а-яёәғқңөұүһі]", re.I)
ASCII_SHORT = re.compile(r"[a-z]{1,5}", re.I)


def _alphabet(language):
    return alphabet(HERE / language / "latin.tsv")


# Files of whole words (an ending of case_endings.tsv is anchored to its stem: "ke", "da" stay).
WORD_FILES = {"numbers", "modifiers", "not_names", "roles", "places", "organisations"}


def _twin(name, row, letters):
    """The row in the Latin script, or None: when nothing changes, when a pattern no longer compiles ("[ьъ]"), or for
    a short ASCII word of `not_names` ("Ол" -> "Ol", "Сол" -> "Sol": English names)."""
    if not any(CYRILLIC_LETTER.search(cell) for cell in row):
        return None
    twin = tuple(transliterate(cell, letters) for cell in row)
    if name == "not_names" and twin[0].isascii() and ASCII_SHORT.fullmatch(twin[0]):
        return None
    # Short words that become English ones ("он" -> "on", the endings "мен|пен|бен" -> "men|pen|ben"): no twin.
    if name in WORD_FILES and any(CYRILLIC_LETTER.search(cell) and new.isascii() and re.fullmatch(r"[a-z]{1,3}(?:\|[a-z]{1,3})*", new, re.I)
           for cell, new in zip(row, twin)):
        return None
    for cell in twin:
        try:
            re.compile(cell)
        except re.error:
            return None
    return twin


# A verb written by its stem in a trigger, "⟨ұстал⟩", stands for the verb's positive forms that report a done act, read
# from <language>/verb_forms.tsv (kk: past "-ды/-ті", perfect participle "-ған/-кен" with any ending after it, converb
# "-ып/-п", evidential "-ыпты"), so a row names the whole paradigm, not each surface form; the negative ("-ма-/-ба-"
# before the tense) is never among them.
VERB_STEM = re.compile(r"⟨([^⟩]+)⟩")


@lru_cache(maxsize=None)
def verb_forms(language):
    forms = [row[1] for row in _read(HERE / language / "verb_forms.tsv")]
    return "|".join(f"(?:{f})" for f in forms)


def expand_verbs(cell, language):
    if "⟨" not in cell:
        return cell
    forms = verb_forms(language)
    if not forms:
        raise ValueError(f"{language}: a verb stem in a trigger, but no verb_forms.tsv")
    return VERB_STEM.sub(lambda m: f"{m.group(1)}(?:{forms})", cell)


# "⟪role⟫" in a trigger (session 15): where a name follows, the words a writer may put before it — "the satirical
# blogger X", "journalist X" — as optional: an article, up to two lower-case words, and a victim's role word of
# <language>/roles.tsv (officials left out: they are never victims).
ROLE_SLOT = "⟪role⟫"
OFFICIAL_ROLES = {"judge", "investigator", "prosecutor", "police", "official"}


@lru_cache(maxsize=None)
def role_slot(language):
    path = HERE / language / "roles.tsv"
    words = sorted((row[0] for row in _read(path) if len(row) > 1 and row[1] not in OFFICIAL_ROLES),
                   key=len, reverse=True) if path.exists() else []
    if not words:
        return ""
    return (r"(?:(?:the\s+|a\s+|an\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,2}?(?:"
            + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s+)?")


def expand_roles(cell, language):
    return cell.replace(ROLE_SLOT, role_slot(language)) if ROLE_SLOT in cell else cell


def _rows(name, language):
    rows = _read(HERE / language / f"{name}.tsv")
    if name == "triggers":
        rows = [tuple(expand_roles(expand_verbs(cell, language), language) for cell in row) for row in rows]
    letters = _alphabet(language) if name != "latin" else {}
    if not letters:
        return rows
    twins = [twin for row in rows for twin in [_twin(name, row, letters)] if twin and twin not in rows]
    return rows + twins


@lru_cache(maxsize=None)
def table(name, language=None):
    """Rows of `<language>/<name>.tsv`, or of every language's file in turn (en, kk, ru …), or of the shared file;
    a language with a `latin.tsv` gives each row in its Latin spelling too."""
    if (HERE / f"{name}.tsv").exists():
        return tuple(_read(HERE / f"{name}.tsv"))
    wanted = [language] if language else languages()
    return tuple(row for lang in wanted for row in _rows(name, lang))


def grouped(name, key=0, value=1, language=None):
    """{key: "pattern|pattern|…"} in the order keys first appear: one alternation per key over every language."""
    out = {}
    for row in table(name, language):
        out.setdefault(row[key], []).append(row[value])
    return {k: "|".join(f"(?:{v})" for v in values) for k, values in out.items()}


def words(name, column=0, language=None):
    return [row[column] for row in table(name, language)]
