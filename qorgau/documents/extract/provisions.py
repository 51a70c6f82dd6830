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


def find_provisions(text, default_code=""):
    """Every provision named, with its code taken from the words after it or the nearest code named before."""
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
    return found
