"""Canonical text: what real text extraction leaves, repaired.

- page headers and footers (lines repeated on many pages, bare page numbers) are dropped;
- footnote blocks standing in the middle of running text are taken out and kept as footnotes;
- lines of one paragraph are joined, so a name broken across lines reads whole;
- footnote numbers glued to words and numbers ("Kazakhstan.12", "Article 1745" where 5 is the marker)
  are taken out of the text and kept as markers at their offsets.

Invariant: every offset this module reports (pages, markers) is into the canonical text it returns,
which is the text citations point into.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from qorgau.documents.extract import lexicon

FOOTNOTE_LINE = re.compile(r"^\s{0,2}(?:\[\^)?(\d{1,3})(?:\]:)?\s+(\S.*)$")
SEPARATOR = re.compile(r"^(?:\s{20,}|\s*_{8,}\s*|\s*-{8,}\s*)$")
PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}\s*(?:of\s+\d+)?\s*$", re.I)
BARE_URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")


@dataclass
class Canonical:
    text: str
    pages: list = field(default_factory=list)       # offset where each page starts
    footnotes: dict = field(default_factory=dict)   # number -> text
    markers: list = field(default_factory=list)     # (offset, number): where the text refers to a footnote
    links: list = field(default_factory=list)       # urls, in order of appearance


# A month's name, in any language the extraction reads (the same table as the dates: lexicon/<lang>/months.tsv).
MONTH_WORD = re.compile(rf"(?<!\w)(?:{'|'.join(pattern for pattern, _ in lexicon.table('months'))})", re.I)


def _header_lines(pages_lines):
    """Short lines that repeat (digits ignored) on several pages or many times: headers and footers."""
    counts = Counter()
    for lines in pages_lines:
        seen = set()
        filled = [line for line in lines if line.strip()]
        for line in filled[:3] + filled[-3:]:  # headers and footers stand at a page's edges
            key = re.sub(r"\d+", "#", line.strip())
            if 0 < len(key) <= 80 and key not in seen:
                seen.add(key)
                counts[key] += 1
    threshold = 3 if len(pages_lines) >= 3 else 10**9
    single = Counter(re.sub(r"\d+", "#", line.strip()) for lines in pages_lines for line in lines)
    repeated = {k for k, n in counts.items() if n >= threshold}
    # One long page (extracted text without page breaks): lines seen 4+ times that are not sentences.
    # (Not a list's field with one word for its label, "Жазасы: бас бостандығынан айыру", "Sentence: 5 years": the
    # same value for several persons is their entries' content.)
    # (Nor a chronicle's dated headings, "Январь, 15" … "Январь, 21": a month's name and a different day each time —
    # a running header repeats its date unchanged.)
    distinct = {}
    for lines in pages_lines:
        for line in lines:
            distinct.setdefault(re.sub(r"\d+", "#", line.strip()), set()).add(line.strip())
    repeated |= {k for k, n in single.items() if n >= 4 and 0 < len(k) <= 60 and not k.endswith((".", ",", ";"))
                 and not k.startswith("#") and not re.match(r"[^\W\d_]+\s*:\s+\S", k)
                 and not (MONTH_WORD.search(k) and len(distinct[k]) == n)}
    return repeated


def _split_footnotes(lines):
    """Separate running text from footnote blocks. Returns (running lines, {n: text})."""
    running, footnotes = [], {}
    i = 0
    while i < len(lines):
        line = lines[i]
        definition = re.match(r"^\s*\[\^(\d{1,3})\]:\s*(.*)$", line)  # Markdown and DOCX footnotes
        if definition:
            footnotes[int(definition.group(1))] = definition.group(2).strip()
            i += 1
            continue
        if SEPARATOR.match(line) and i + 1 < len(lines) and FOOTNOTE_LINE.match(lines[i + 1]):
            i += 1
            current, previous_was_note = None, False
            while i < len(lines):
                line = lines[i]
                match = FOOTNOTE_LINE.match(line)
                if match and (current is None or int(match.group(1)) > current):
                    current = int(match.group(1))
                    footnotes[current] = match.group(2).strip()
                    previous_was_note = True
                elif not line.strip() or BARE_URL.match(line):
                    previous_was_note = False  # the list of link targets that follows a footnote block
                elif previous_was_note and not line.startswith(" "):
                    footnotes[current] += " " + line.strip()  # a footnote wrapped onto the next line
                else:
                    break  # running text resumes
                i += 1
            continue
        running.append(line)
        i += 1
    return running, footnotes


LIST_ITEM = re.compile(r"^(?:[•\uf0b7▪●◦]|[-–—*]\s|\d{1,3}[.)]\s|[a-zа-я][.)]\s)")
# A chronology's entry, a numeric date and a dash ("17.07.2019 – Verdict: …", "06.2019 – The trial opens …"): a line of
# its own, as a web page, a PDF or a Word file sets it, never the run-on of a hard-wrapped sentence.
DATED_ENTRY_LINE = re.compile(r"^(?:\d{1,2}\.)?\d{1,2}\.(?:19|20)\d\d\s*[–—-]\s")
# A line that is a day and nothing else, a chronicle's or a digest's heading ("Январь, 15", "15 января", "May 3,
# 2024", "03.05.2024"): a paragraph of its own, so that it heads its entry rather than opening its first sentence.
DATE_HEADING_LINE = re.compile(r"^(?:" + MONTH_WORD.pattern + r")[^\W\d]*\.?,?\s+\d{1,2}(?:,?\s+(?:19|20)\d\d)?[.:]?$|"
                               r"^\d{1,2}(?:-\w+)?\s+(?:" + MONTH_WORD.pattern + r")[^\W\d]*(?:,?\s+(?:19|20)\d\d)?[.:]?$|"
                               r"^\d{1,2}\.\d{1,2}\.(?:19|20)\d\d[.:]?$", re.I)


# A wiki-style section heading typed as text ("== Уголовное дело ==", "=== Early life ==="): a line of its own, never the
# opening words of the paragraph under it (session 15, h25-ru2: "== После приговора == В апреле 2018 года …" read the
# heading's verdict noun as a verdict of that day).
WIKI_HEADING_LINE = re.compile(r"^={2,6}[^=\n]{1,80}={2,6}$")


# A table typed as text: a row's cells between "|" or tabs, two separators at least ("1 | ЖЕКСЕБАЕВ Асхат | Алматы | …",
# the header row "№\tФИО\tГород\t…"). Each row is one entry, as a web page, a PDF or a Word file sets a table's row,
# never run into the row before it (a line that is not a row, after one, is its wrapped end: a PDF sets it so).
TABLE_ROW_LINE = re.compile(r"^[^|\t]*(?:[|\t][^|\t]*){2,}$")
SENTENCE_END = re.compile(r"[.!?…:;][\"'’”»)]*$")
RECORD_LINES = 4  # paragraphs after an entry's head read as its lines
# A line typed as a paragraph of its own: longer paragraphs cut short are a page break's doing (a PDF's reader joins
# those over the break itself, and a text extracted from a report keeps them apart, as the text version does).
TYPED_LINE = 120


def _starts_entry(text):
    return bool(LIST_ITEM.match(text) or ENTRY_HEAD.match(text) or DATED_ENTRY_LINE.match(text)
                or TABLE_ROW_LINE.match(text))


def _join_runons(paragraphs):
    """Lines typed one a paragraph in a Word file or a web page, read as the lines of one block of a text file are:
    - a short paragraph (a typed line, 120 characters at most) that does not end a sentence runs on into the next
      when that starts in lower case (a letter's sentence broken over lines: "… the journalist Amir Kasenov" /
      "who was detained on 23 December …");
    - a list entry's head that is only its number and name ("1. ЖЕКСЕБАЕВ Асхат") takes the short paragraphs after
      it (city and article, dates), up to the next entry, as its own lines, so its article and dates stay with it.
    Neither joins a list item, a numbered entry, a dated entry or a table's row, nor runs on after an item or a row."""
    out, taken = [], None  # taken: paragraphs joined to the current entry's head (None: not in an entry)
    for paragraph in paragraphs:
        text = " ".join(paragraph)
        if out and not _starts_entry(text):
            last = out[-1][-1]
            if text[:1].islower() and len(last) <= TYPED_LINE and not SENTENCE_END.search(last) \
                    and not _starts_entry(out[-1][0]):
                out[-1] = out[-1] + paragraph
                continue
            if taken is not None and taken < RECORD_LINES and len(text) <= FIELD_MAX:
                out[-1] = out[-1] + paragraph
                taken += 1
                continue
        taken = 0 if len(text) <= 80 and ENTRY_HEAD.match(text) and not SENTENCE_END.search(text) else None
        out.append(list(paragraph))
    return out


def _join_lines(lines, lead_ins=False):
    """Paragraphs separated by blank lines; lines within a paragraph joined by one space.

    `lead_ins` (files made of paragraphs: DOCX, web pages, PDFs read by layout): a paragraph ending with a colon
    runs on into the next one unless that starts a list item ("Write to:" and the address; "Also convicted (…):"
    and the names), as the lines of one block of a text file do."""
    paragraphs, current = [], []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current and not (lead_ins and current[-1].endswith(":")):
                paragraphs.append(current)
                current = []
            continue
        if current and (stripped.startswith(("•", "\uf0b7", "- ", "– ")) or re.match(r"^\d+\.\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]", stripped)
                        or DATED_ENTRY_LINE.match(stripped) or TABLE_ROW_LINE.match(stripped)
                        # (a date line opening its block is the entry's heading; one inside a block is a wrapped line)
                        or (len(current) == 1 and DATE_HEADING_LINE.match(current[0]))
                        # (a wiki-style heading, "== После приговора ==", is a paragraph of its own: session 15)
                        or WIKI_HEADING_LINE.match(stripped) or WIKI_HEADING_LINE.match(current[-1])
                        or (lead_ins and current[-1].endswith(":") and LIST_ITEM.match(stripped))):
            paragraphs.append(current)
            current = []
        current.append(stripped)
    if current:
        paragraphs.append(current)
    if lead_ins:
        paragraphs = _join_runons(_join_fields(paragraphs))
    joined = []
    for paragraph in paragraphs:
        pieces, tail = [], ""  # (joined once: adding each line to the text so far grew with the square of a paragraph)
        for part in paragraph:
            if tail.endswith("-") and part[:1].islower() and not tail.endswith(" -"):
                piece = part  # a word broken at a hyphen stays one word
            else:
                piece = f" {part}" if pieces else part
            pieces.append(piece)
            tail = (tail + piece)[-2:]
        joined.append(re.sub(r"[ \t]{2,}", " ", "".join(pieces)))
    return "\n\n".join(joined)


# A field of a record: "Court: Almaly district court", "Мера пресечения: …", "Бабы: …", "Подсудимые (5): …" (a label
# of one to four words with a capital, perhaps a count in brackets, a colon, a value), and the numbered head of a list entry ("5. ЕНСЕБЕК Темирлан").
FIELD = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]*(?: [^\W\d_]+){0,3}(?: \(\d{1,3}\))?:\s+\S")
ENTRY_HEAD = re.compile(r"\d{1,3}[.)]\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2}")
# A field whose value opens with a name in capitals ("Бөлек іс: СЫЗДЫҚОВ Айдар — …", "Also: ORALOV Daniyar"): the
# head of another record, not a field of the one before.
NAMED_FIELD = re.compile(r"[^:]{1,60}:\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{3,}[-A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]*\s+"
                         r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+(?![.\w])")  # (not "CC Art.", "УК РК")
FIELD_MAX = 300  # characters: a field, not a story's paragraph


def _join_fields(paragraphs):
    """A record's fields that a web page, a Word file or a PDF sets one a paragraph ("Defendant: …" / "Court: …" /
    "Charges: …", or a list entry's "1. NAME" / "City: …" / "Article: …") are read as one paragraph, as the same
    record typed as text (one field a line, in one block) is: the charges stay with the person the record names.
    A field joins only a field or an entry's head right before it, each short; prose never joins."""
    out = []
    for paragraph in paragraphs:
        text = " ".join(paragraph)
        if out and len(text) <= FIELD_MAX and FIELD.match(text) and not NAMED_FIELD.match(text):
            previous = out[-1]
            last = " ".join(previous[-1][1])
            if previous[-1][0] in {"field", "head"} and len(last) <= FIELD_MAX:
                previous.append(("field", paragraph))
                continue
        kind = "head" if len(text) <= FIELD_MAX and NAMED_FIELD.match(text) else \
            "field" if len(text) <= FIELD_MAX and FIELD.match(text) else \
            "head" if len(text) <= 120 and ENTRY_HEAD.match(text) else "other"
        out.append([(kind, paragraph)])
    return [[line for _, lines in group for line in lines] for group in out]


# A marker follows a word, or punctuation that follows a word (not a digit: "22.03.2018", "1, 4 and 5").
GLUED = re.compile(r"(?:(?<=[^\W\d_])|(?<=\w[^\w\s\-–/])|(?<=\w[^\w\s\-–/][^\w\s\-–/]))"
                   r"(\d{1,3})(?=[\s,.;:)]|$)(?!\.\d)")
SPACED = re.compile(r"(?:(?<=[^\W\d_][.,;:)\"'’”»!?])|(?<=[.!?][\"'’”»])|(?<=[\"'’”»)][.,;:!?]))[ ](\d{1,3})"
                    r"(?=\s+[^\W\d_])")
NUMBER_GLUED = re.compile(r"\b\d{3,6}\b")


def _take_markers(text, footnotes, superscripts, known_articles):
    """Remove footnote numbers from the text, in document order, following the footnote sequence."""
    if not footnotes:
        return text, []
    expected = sorted(footnotes)
    out, markers, position, next_index = [], [], 0, 0
    pdf_marks = {digits for _, _, digits in superscripts}
    candidates = []
    for pattern in (GLUED, SPACED):
        candidates += [(m.start(1), m.end(1), m.group(1), m.start()) for m in pattern.finditer(text)]
    for m in NUMBER_GLUED.finditer(text):
        token = m.group(0)
        for cut in (1, 2):  # "1745": article 174 + marker 5, or article 17 + marker 45
            if len(token) - cut >= 2:
                candidates.append((m.end() - cut, m.end(), token[-cut:], m.start(), token[:-cut]))
    candidates.sort(key=lambda c: c[0])
    for candidate in candidates:
        start, end, digits = candidate[0], candidate[1], candidate[2]
        if next_index >= len(expected) or start < position:
            continue
        number = int(digits)
        if number != expected[next_index]:
            continue
        if len(candidate) == 5:  # digits glued to a number: only an article number plus its marker
            prefix = candidate[4]
            context = text[max(0, candidate[3] - 30):candidate[3]].lower()
            if prefix not in known_articles or not re.search(r"(article|art\.|статья|ст\.)\s*$", context):
                if digits not in pdf_marks:
                    continue
        # the token before the marker: no year or day like "21 May" — markers follow words or punctuation
        after = text[end:end + 12]
        if re.match(r"\s+(January|February|March|April|May|June|July|August|September|October|November|December|"
                    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)", after):
            continue
        cut_start = start - 1 if text[start - 1:start] == " " and candidate[3] != start else start
        out.append(text[position:cut_start])
        position = end
        markers.append((sum(len(p) for p in out), number))
        next_index += 1
    out.append(text[position:])
    return "".join(out), markers


def _explicit_markers(text):
    """Remove "[^n]" references, returning the text and (offset, n) where each stood."""
    out, markers, position, length = [], [], 0, 0
    for match in re.finditer(r"\[\^(\d{1,4})\]", text):
        piece = text[position:match.start()]
        out.append(piece)
        length += len(piece)
        markers.append((length, int(match.group(1))))
        position = match.end()
    out.append(text[position:])
    return "".join(out), markers


def canonicalise(raw, known_articles=frozenset()):
    """RawDocument -> Canonical."""
    pages_lines = [page.replace("\r\n", "\n").replace("\r", "\n").split("\n") for page in raw.pages]
    layout = getattr(raw, "layout", False)  # a PDF read by position: headers and page numbers are gone already
    headers = set() if layout else _header_lines(pages_lines)
    texts, footnotes = [], {}
    for lines in pages_lines:
        if not layout:
            lines = [ln for ln in lines if re.sub(r"\d+", "#", ln.strip()) not in headers and not PAGE_NUMBER.match(ln)
                     or not ln.strip()]
        running, notes = _split_footnotes(lines)
        for number, note in notes.items():
            footnotes.setdefault(number, note)
        # Markdown and DOCX footnote definitions at the end: "[^3]: text" or "3 text" after the body.
        texts.append(_join_lines(running, lead_ins=raw.kind in {"docx", "html"} or layout))
    text, pages = "", []
    continued = getattr(raw, "continued", None) or [False] * len(texts)
    for page_text, joined in zip(texts, continued):
        if text and joined and page_text:
            # The paragraph runs on over the page break: one space (or none after a hyphen that breaks a word).
            glue = "" if text.endswith("-") and not text.endswith(" -") and page_text[:1].islower() else " "
            pages.append(len(text) + len(glue))
            text = f"{text}{glue}{page_text}"
            continue
        pages.append(len(text) + (2 if text else 0))
        text = f"{text}\n\n{page_text}" if text else page_text
    if raw.kind == "docx" or (raw.kind in {"markdown", "pdf", "html"} and re.search(r"\[\^\d{1,4}\]", text)):
        # Word and Markdown mark footnote references themselves (so does a PDF read by its layout, from its raised
        # numbers): take exactly those, and never guess at digits of the text ("District Court No. 2").
        text, markers = _explicit_markers(text)
    else:
        text = re.sub(r"\[\^(\d+)\]", r"\1", text)
        text, markers = _take_markers(text, footnotes, raw.superscripts, known_articles)
    # Page starts move left by the characters the markers removed before them.
    pages = [start - sum(len(str(n)) for o, n in markers if o < start) for start in pages]
    links = [url for _, url in raw.links]
    for note in footnotes.values():
        links += re.findall(r"https?://[^\s;]+", note)
    seen, unique = set(), []
    for url in links:
        url = url.rstrip(".,;")
        if url not in seen:
            seen.add(url)
            unique.append(url)
    return Canonical(text=text, pages=pages, footnotes=footnotes, markers=markers, links=unique)
