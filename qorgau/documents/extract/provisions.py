"""Legal provisions: code, article, part — also when the code is only named nearby.

"Article 174 of the Criminal Code", "Articles 174, 274 and 400 of the Criminal Code", "Article 405 of the CC of
the RK", "Art. 67 of the Code of Criminal Procedure", "Article 488 of the Administrative Offences Code",
"part 1 of Article 405", "(Article 174)" after the Criminal Code was named, "ст. 174 УК РК", "ч. 2 ст. 405 УК".
"""

import re

from .spans import ProvisionRef

CODES = [
    ("AOC", r"(?:Code\s+of\s+Administrative\s+Offen[cs]es|Administrative\s+(?:Offen[cs]es\s+)?Code|AOC|КоАП(?:\s+РК)?|"
            r"Кодекса?\s+(?:Республики\s+Казахстан\s+)?об\s+административных\s+правонарушениях)"),
    ("CCP", r"(?:Code\s+of\s+Criminal\s+Procedure|Criminal\s+Procedure\s+Code|CCP|УПК(?:\s+РК)?|"
            r"Уголовно-процессуального\s+кодекса)"),
    ("CC", r"(?:Criminal\s+Code|Penal\s+Code|CC|УК(?:\s+РК)?|Уголовного\s+кодекса)"),
    ("CONST", r"(?:Constitution|Конституции)"),
]
CODE_ANY = "|".join(f"(?P<{code}>{pattern})" for code, pattern in CODES)
NUMBER = r"\d{1,3}(?:[.-]\d{1,2})?"
LIST = rf"{NUMBER}(?:\s*(?:,|and|и|or)\s*{NUMBER})*"
ARTICLE = re.compile(
    rf"(?:(?:part|ч\.|части?)\s*(?P<part>\d{{1,2}})\s+(?:of\s+)?)?"
    rf"(?:Articles?|Arts?\.|стать(?:я|и|ей|ям)|ст\.)\s*(?P<numbers>{LIST})"
    rf"(?:\s*(?:,\s*)?(?:part|ч\.)\s*(?P<part_after>\d{{1,2}}))?"
    rf"(?P<tail>\s+(?:of\s+)?(?:the\s+)?(?:{CODE_ANY}))?",
    re.I,
)
CODE_MENTION = re.compile(CODE_ANY, re.I)
NOT_KAZAKH = re.compile(r"^\s*(?:of\s+)?(?:the\s+)?(?:ICCPR|International|Universal|UN|Convention|Covenant|Declaration|"
                        r"European|Enhanced|Law\b)", re.I)


def _code_of(match):
    for code, _ in CODES:
        if match.group(code):
            return code
    return ""


def find_provisions(text, default_code="", named=True):
    """Every provision named, with its code taken from the words after it or the nearest code named before;
    with `named`, also charges named by their offence where no article number stands near them."""
    found = []
    for m in ARTICLE.finditer(text):
        after = text[m.end("numbers"):m.end("numbers") + 60]
        if NOT_KAZAKH.match(after):
            continue
        code = _code_of(m) if m.group("tail") else ""
        if not code:
            before = list(CODE_MENTION.finditer(text, max(0, m.start() - 400), m.start()))
            code = _code_of(before[-1]) if before else default_code
            if not code:
                after_code = CODE_MENTION.search(text, m.end(), m.end() + 200)
                code = _code_of(after_code) if after_code else ""
        if not code:
            continue
        for number in re.findall(NUMBER, m.group("numbers")):
            article, _, part = number.replace("-", ".").partition(".")
            part = part or m.group("part") or m.group("part_after") or ""
            found.append(ProvisionRef(m.start(), m.end(), text[m.start():m.end()], code=code, article=article,
                                      part=part))
    if named:
        for ref in find_charge_names(text):
            # A number near the name already says which article; the name alone is only used without one.
            if not any(abs(other.start - ref.end) < 120 or abs(ref.start - other.end) < 120 for other in found
                       if other.how == "number"):
                found.append(ref)
    return sorted(found, key=lambda p: p.start)


# Charges named rather than numbered. Kazakhstan's 2014 Criminal Code; our own list of the usual wordings.
CHARGE_NAMES = [
    ("CC", "174", r"incit\w*\s+(?:of\s+)?(?:[“‘\"']\s*)?(?:social|national|ethnic|religious|inter-?ethnic|clan)?[\s,]*"
                  r"(?:and\s+\w+\s+)?(?:discord|strife|hatred)|разжигани\w+\s+(?:\w+\s+){0,3}розни"),
    ("CC", "274", r"(?:dissemination|spreading|disseminating)\s+(?:of\s+)?(?:knowingly\s+)?(?:false\s+information|"
                  r"information\s+known\s+to\s+be\s+false)|распространени\w+\s+заведомо\s+ложной"),
    ("CC", "258", r"financing\s+(?:of\s+)?(?:an?\s+)?(?:extremis\w+|terroris\w+)|финансировани\w+\s+экстремис"),
    ("CC", "182", r"(?:participation|taking part)\s+in\s+an?\s+extremist\s+group"),
    ("CC", "179", r"(?:calls?|propaganda)\s+(?:\w+\s+){0,4}(?:seize|seizure)\s+(?:or\s+retain|of)\s+power"),
    ("CC", "405", r"participation\s+in\s+the\s+activit\w+\s+of\s+(?:an?|the)\s+(?:\w+\s+){0,2}organi[sz]ation\s+"
                  r"(?:following|after)\s+its\s+(?:recognition|ban)"),
]
CHARGE_PATTERNS = [(code, article, re.compile(pattern, re.I)) for code, article, pattern in CHARGE_NAMES]


def find_charge_names(text):
    """Provisions named by their offence ("incitement of social discord" is CC-174)."""
    found = []
    for code, article, pattern in CHARGE_PATTERNS:
        for m in pattern.finditer(text):
            found.append(ProvisionRef(m.start(), m.end(), m.group(), code=code, article=article, how="named"))
    return sorted(found, key=lambda p: p.start)
