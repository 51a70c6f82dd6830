"""Legal provisions: code, article, part — also when the code is only named nearby.

"Article 174 of the Criminal Code", "Articles 174, 274 and 400 of the Criminal Code", "Article 405 of the CC of
the RK", "Art. 67 of the Code of Criminal Procedure", "Article 488 of the Administrative Offences Code",
"part 1 of Article 405", "(Article 174)" after the Criminal Code was named, "ст. 174 УК РК", "ч. 2 ст. 405 УК".
"""

from qorgau.lib import patterns as re  # `re`, with compiled patterns kept across processes (start-up)
from qorgau.lib.prefilter import led  # a whole-text scan led by its first characters: the same matches, faster

from . import lexicon
from .spans import ProvisionRef, text_find, text_rfind

# Codes' names are data (lexicon/<language>/codes.tsv). CC1997 is the Criminal Code of 1997, in force until 2015:
# an older case's provisions carry that edition ("CC1997-164"; the record is Provision CC@1997-164).
_CODES = lexicon.grouped("codes")
CODE_ORDER = ["AOC", "CCP", "CC1997", "CC", "CONST"]
CODES = [(code, _CODES[code]) for code in CODE_ORDER if code in _CODES] + \
        [(code, pattern) for code, pattern in _CODES.items() if code not in CODE_ORDER]
CODE_ANY = "|".join(f"(?P<{code}>(?<![\\w-])(?:{pattern})(?![\\w]))" for code, pattern in CODES)
NUMBER = r"\d{1,3}(?:[.-]\d{1,2})?(?!\d)(?![.]\d)"  # not a date: "по тем же статьям 26.08.2025"
# (a part in brackets after the number is the article's part: "Art. 174(2)")
NUMBER = rf"(?:\d{{1,3}}\(\d{{1,2}}\)|{NUMBER})"
# An item of a list may carry its own part when another article follows ("Articles 378 part 2 and 274 part 2");
# "Art. 405 parts 1 and 2" is one article with two parts (a part is one or two digits, an article two or three).
# (a number with a unit after it is a term, not another article: "Art. 488 p.6, 15 days of arrest")
NOT_A_TERM = r"(?!\s*(?:days?|months?|years?|hours?|суток|сут\.|лет\b|года?\b|месяц))"
ITEM_PART = rf"(?:\s*,?\s*(?:part|p\.|ч\.)\s*\d{{1,2}}(?=\s*(?:,|and|и)\s*\d{{2,3}}(?!\d){NOT_A_TERM}))?"
LIST = rf"{NUMBER}{ITEM_PART}(?:\s*(?:,|and|и|or)\s*{NUMBER}{NOT_A_TERM}{ITEM_PART})*"
ITEM = re.compile(rf"({NUMBER})(?:\s*,?\s*(?:part|p\.|ч\.)\s*(\d{{1,2}}))?", re.I)
# The part before the article, one or a list ("ч. 2 ст. 405", "ч.ч. 1, 2 ст. 405", "ч. 1 и ч. 2 ст. 405", "parts 1 and 2 of
# Article 405") or spelled ("части второй статьи 174"); the article by its number before the word too ("по 174-й статье").
PART_WORDS = {"перв": "1", "втор": "2", "трет": "3", "четвер": "4", "четвёр": "4", "пят": "5", "шест": "6"}
ARTICLE = re.compile(
    rf"(?:(?<!\w)(?:parts?|ч\.\s*ч\.|ч\.|част(?:ь|и|ью|ей))\s*(?:(?P<part>\d{{1,2}}(?:\s*(?:,|и|and)\s*(?:ч\.\s*|part\s+)?"
    rf"\d{{1,2}}(?!\d))*)|(?P<part_word>перв|втор|трет|четв[её]рт|пят|шест)\w*)\s+(?:of\s+)?)?"
    rf"(?:(?<!\w)(?:Articles?|Arts?\.?|стать(?:я|и|ей|ёй|ям|е|ю|ями)|ст\.)\s*(?P<numbers>{LIST})"
    rf"|(?<![\w.-])(?P<number_first>\d{{1,3}})-?(?:й|я|ой|ая|ей)?\s+стать(?:я|и|ей|ёй|е|ю))"
    rf"(?:\s*(?:,\s*)?(?:parts?|p\.|ч\.|част(?:ь|и|ью|ями))\s*(?P<part_after>\d{{1,2}}(?!\d)(?:\s*(?:,|and|и)\s*\d{{1,2}}(?!\d){NOT_A_TERM})*)"
    # (not the part of the next article: "ч. 2 ст. 405, ч. 1 ст. 258")
    rf"(?!\s*(?:ст\.|стать|Art|of\s+Art)))?"
    rf"(?P<tail>\s+(?:of\s+)?(?:the\s+)?(?:{CODE_ANY}))?",
    re.I,
)
CODE_MENTION = re.compile(CODE_ANY, re.I)
NOT_KAZAKH = re.compile(r"^\s*(?:of\s+)?(?:the\s+)?(?:ICCPR|International|Universal|UN|Convention|Covenant|Declaration|"
                        r"European|Enhanced|Law\b)", re.I)


AOC_USUAL = {row[0] for row in lexicon.table("aoc_articles")}
COORDINATED = re.compile(r"\s*(?:,\s*)?(?:and|or|и|және|,)\s*", re.I)


def _code_of(match):
    for code, _ in CODES:
        if match.group(code):
            return code
    return ""


def find_provisions(text, default_code="", named=True):
    """Every provision named, with its code taken from the words after it or the nearest code named before;
    with `named`, also charges named by their offence where no article number stands near them."""
    found = []
    matches = list(led(ARTICLE).finditer(text))
    for index_m, m in enumerate(matches):
        numbers_end = m.end("numbers") if m.group("numbers") else m.end("number_first")
        after = text[numbers_end:numbers_end + 60]
        if NOT_KAZAKH.match(after):
            continue
        code = _code_of(m) if m.group("tail") else ""
        if not code:
            # "Art. 172 part 1 and Art. 339 part 2 of the 1997 Criminal Code": the code named after the last of
            # coordinated citations is every one's.
            following = m
            for later in (matches[i] for i in range(index_m + 1, len(matches))):  # (no copy of the rest per match)
                if not COORDINATED.fullmatch(text[following.end():later.start()]):
                    break
                following = later
                if later.group("tail"):
                    code = _code_of(later)
                    break
        if not code:
            before = list(CODE_MENTION.finditer(text, max(0, m.start() - 400), m.start()))
            code = _code_of(before[-1]) if before else default_code
            if not code:
                # The code named after the list, within its paragraph ("ч. 2 ст. 174 (…), п. 2 ч. 4 ст. 274 (…) и
                # ст. 400 (…) УК РК": the offences' names in brackets can take a few hundred characters).
                paragraph_end = text_find(text, "\n\n", m.end())
                after_code = CODE_MENTION.search(text, m.end(), min(m.end() + 400, paragraph_end if paragraph_end >= 0
                                                                    else len(text)))
                code = _code_of(after_code) if after_code else ""
        items = ITEM.findall(m.group("numbers") or m.group("number_first"))
        if not code and all(len(number.split(".")[0]) >= 3 for number, _ in items):
            # No code named near it: an article number of three digits is the Criminal Code's, except the
            # Administrative Offences Code's articles reports cite alone ("Article 488"), listed as data.
            code = "AOC" if all(number.split(".")[0] in AOC_USUAL for number, _ in items) else "CC"
        if not code:
            continue
        numbers = [number for number, _ in items]
        parts_after = re.findall(r"\d+", m.group("part_after") or "")
        own_parts = any(item_part for _, item_part in items)
        for index, (number, item_part) in enumerate(items):
            article, _, part = number.replace("-", ".").replace("(", ".").rstrip(")").partition(".")
            last = index == len(items) - 1
            before_parts = re.findall(r"\d+", m.group("part") or "") or \
                [PART_WORDS[w] for w in PART_WORDS if (m.group("part_word") or "").lower().startswith(w)][:1]
            parts = [part] if part else [item_part] if item_part else before_parts if before_parts else \
                parts_after if (len(numbers) == 1 or (own_parts and last)) and parts_after else [""]
            for part in parts:  # "Art. 405 parts 1 and 2": two provisions
                found.append(ProvisionRef(m.start(), m.end(), text[m.start():m.end()], code=code, article=article,
                                          part=part or ""))
    found += _kazakh_articles(text)
    found += _code_first(text, found)
    if named:
        for ref in find_charge_names(text):
            # A number near the name already says which article; the name alone is only used without one.
            if not any(abs(other.start - ref.end) < 120 or abs(ref.start - other.end) < 120 for other in found
                       if other.how == "number"):
                found.append(ref)
    found.sort(key=lambda p: p.start)
    found += _same_article(text, found)  # the last provision before it, by number or by name
    return sorted(found, key=lambda p: p.start)


# The code's abbreviation before a bare number, as lists write it: "CC 174-2", "CC 405 part 1", "УК 174 ч. 2",
# "AOC 488" (no "Article"); the ARTICLE pattern reads the rest. A four-digit number is a year, not an article.
# (spaces only between them, and not a term: a table's cells "… УК РК<TAB>2 года" are two fields)
CODE_FIRST = re.compile(r"(?<![\w-])(?P<code>CC|AOC|CAO|УК|КоАП)(?:[ \u00a0]+(?:RK|РК))?[ \u00a0]+(?P<number>\d{1,3})"
                        r"(?:[-.(](?P<part>\d{1,2})\)?|[ \u00a0]*,?[ \u00a0]*(?:part|p\.|ч\.)[ \u00a0]*(?P<part_after>\d{1,2}))?"
                        rf"(?![\d\w])(?![.]\d){NOT_A_TERM}")
CODE_FIRST_ID = {"CC": "CC", "УК": "CC", "AOC": "AOC", "CAO": "AOC", "КоАП": "AOC"}


def _code_first(text, found):
    refs = []
    for m in led(CODE_FIRST).finditer(text):
        if any(p.start <= m.start("number") < p.end for p in found):
            continue
        refs.append(ProvisionRef(m.start(), m.end(), m.group(), code=CODE_FIRST_ID[m.group("code")],
                                 article=m.group("number"), part=m.group("part") or m.group("part_after") or ""))
    return refs


# Kazakh writes the number first: "405-бабы бойынша", "ҚК-нің 405-бабының 2-бөлігі", "174-бапқа".
# Abbreviated in lists: "ҚК 405-б. 2-бөл.", "405-б. 1 және 2-бөл.", "ҚР ҚК 174-б. 2-б." (the second "б." is the part:
# a one- or two-digit number after an article); in the Latin alphabet: "274-babynyñ 2-bölıgı".
KK_ARTICLE = re.compile(r"(?P<article>\d{1,3})(?:(?:-(?:ші|шы|і|ы|şı|şy|ı|y))?[\s-]?(?:ба[бп]\w*|ba[bp]\w*)|-[бb]\.)"
                        r"(?:\s*(?P<part>\d{1,2})(?:-?(?:ші|шы|і|ы|şı|şy|ı|y))?(?:\s*(?:және|мен|,|jäne)\s*(?P<part2>\d{1,2}))?"
                        r"-?(?:ші|шы|і|ы)?[\s-]?(?:бөлі\w*|бөл\.|тармағ\w*|bölı\w*|böl\.|tarmağ\w*|(?<=\d-)[бb]\.))?", re.I)
KK_PART_FIRST = re.compile(r"(?P<article>\d{1,3})-ба[бп]\w*", re.I)


def _kazakh_articles(text):
    found = []
    for m in KK_ARTICLE.finditer(text):
        before = list(CODE_MENTION.finditer(text, max(0, m.start() - 200), m.start()))
        after = CODE_MENTION.search(text, m.end(), m.end() + 80)
        code = _code_of(before[-1]) if before else _code_of(after) if after else "CC"
        # "274 және 400-баптары": the numbers listed before the last one are articles too
        listed = re.search(r"((?:\d{1,3}\s*(?:,|және|мен|jäne)\s*)+)$", text[max(0, m.start() - 40):m.start()])
        for number in re.findall(r"\d{1,3}", listed.group(1)) if listed else []:
            found.append(ProvisionRef(m.start() - len(listed.group(1)), m.end(), m.group(), code=code, article=number))
        for part in [m.group("part"), m.group("part2")] if m.group("part2") else [m.group("part") or ""]:
            found.append(ProvisionRef(m.start(), m.end(), m.group(), code=code, article=m.group("article"),
                                      part=part or ""))
    return found


# A list's field after a dash says it without the article: "2. KURMANGALIYEV Aykhan – Taldykorgan – same article –",
# "– та же статья –", "– сол бап –", "– сол айып –" (the same charge).
SAME_ARTICLE = re.compile(r"(?:under )?the same (?:article|charge|provision)s?\b|by the same articles?\b|under that article|"
                          r"(?<=[–—] )(?:same (?:article|charge|provision)s?\b|(?:та же|тот же) (?:стать\w+|пункт\w*)|"
                          r"(?:сол|осы) айып\w*)|"
                          r"under (?:those|these) articles\b|"
                          r"по (?:той же|этой же|той же самой|этой|данной|указанной) стать\w+|по аналогичной стать\w+|"
                          r"по (?:тем же|этим же|тем же самым|аналогичным|указанным) стать(?:ям|ями)|"
                          r"(?:сол|осы|аталған) ба[бп]\w*", re.I)


def _same_article(text, found):
    """"… under the same article": the provision named last before it; "the same articles", "по тем же статьям":
    every article of the last list named."""
    refs = []
    for m in led(SAME_ARTICLE).finditer(text):
        before = [p for p in found if p.end <= m.start()]
        if before:
            last = before[-1]
            # "по тем же статьям", "осы баптар бойынша": every article of the last list named (those on its line)
            plural = re.search(r"стать(?:ям|ями)$|ба[бп]тар\w*$|(?:articles|charges|provisions)$", m.group(), re.I)
            line_start = text_rfind(text, "\n", 0, last.start) + 1
            for ref in [p for p in before if p.start >= line_start] if plural else [last]:
                refs.append(ProvisionRef(m.start(), m.end(), m.group(), code=ref.code, article=ref.article,
                                         part=ref.part, how="same"))
    return refs


# Articles whose number, in a case before 2015, can only be the 1997 Code's (lexicon/cc1997_articles.tsv): the
# 2014 numbers most reports cite (174, 274, 405 …) are left alone, since an act's date may be wrong.
CC1997_ONLY = {row[0] for row in lexicon.table("cc1997_articles")}


def of_edition(uid, date):
    """A Criminal Code article cited for an act before 2015 is the 1997 Code's ("CC-164" in 2011 -> "CC1997-164")."""
    if date and date[:4] < "2015" and uid.startswith("CC-") and uid[3:].split(".")[0] in CC1997_ONLY:
        return "CC1997-" + uid[3:]
    if date and len(date) >= 7 and date < "2014-07" and uid.startswith("CC-"):
        # Before the 2014 Code was even adopted (July 2014), any Criminal Code article cited for an act dated to
        # its month is the 1997 Code's ("sentenced on 8 August 2009 under articles 172 and 339").
        return "CC1997-" + uid[3:]
    return uid


def record_uid(uid):
    """Our provision id as the Provision record's uid: "CC1997-164" -> "CC@1997-164"."""
    return "CC@1997-" + uid[len("CC1997-"):] if uid.startswith("CC1997-") else uid


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
CHARGE_NAMES += list(lexicon.table("charges"))  # other languages' wordings, as data (lexicon/<lang>/charges.tsv)
CHARGE_PATTERNS = [(code, article, re.compile(pattern, re.I)) for code, article, pattern in CHARGE_NAMES]


def find_charge_names(text):
    """Provisions named by their offence ("incitement of social discord" is CC-174)."""
    found = []
    for code, article, pattern in CHARGE_PATTERNS:
        for m in led(pattern).finditer(text):
            found.append(ProvisionRef(m.start(), m.end(), m.group(), code=code, article=article, how="named"))
    return sorted(found, key=lambda p: p.start)
