"""Turning a file's bytes into pages of text, links and footnote-marker hints.

Invariant: nothing here trusts the file. Sizes are bounded before anything is
decompressed or parsed; XML with a DOCTYPE is refused; PDFs that fail to parse
or are encrypted give a clear IngestError.
"""

import io
import logging
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from . import IngestError

DEFAULTS = {"MAX_FILE_MB": 50, "MAX_UNZIPPED_MB": 100, "MAX_PAGES": 2000, "MAX_TEXT_CHARS": 2_000_000,
            "MAX_LINE_CHARS": 100_000, "MAX_WORD_CHARS": 1000, "MAX_PROPOSALS": 5000, "MAX_PROCESSING_SECONDS": 300}
MAX_BYTES = DEFAULTS["MAX_FILE_MB"] * 1024 * 1024
MAX_RATIO = 200  # a DOCX part that expands more than this is a zip bomb, not a report


def limit(name):
    """A QORGAU_MAX_* setting (settings.py, documented in docs/settings.md), or its default outside Django."""
    try:
        from django.conf import settings

        return getattr(settings, f"QORGAU_{name}", DEFAULTS[name])
    except Exception:  # settings not configured: a pure use of the readers
        return DEFAULTS[name]


def max_bytes():
    return limit("MAX_FILE_MB") * 1024 * 1024
EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".md": "markdown",
              ".markdown": "markdown", ".txt": "text", ".text": "text"}


@dataclass
class RawDocument:
    kind: str
    pages: list  # text of each page (one page when the format has none)
    links: list = field(default_factory=list)  # (anchor text, url)
    superscripts: list = field(default_factory=list)  # (page index, text before, digits): small-font numbers in a PDF
    encoding: str = "utf-8"
    # A PDF read by its layout (pdflayout.py): headers, footers and page numbers already dropped by position,
    # footnotes given as "[^n]: …" with "[^n]" markers, and for each page whether it continues the paragraph that
    # the page before ended with.
    layout: bool = False
    continued: list = field(default_factory=list)


def kind_of(filename, data):
    """What a file is: by its first bytes when they are unambiguous (a PDF named .txt is read as a PDF), else
    by its name. A ZIP archive is read only as a DOCX."""
    lower = filename.lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and not lower.endswith(".docx"):
        raise IngestError(f"{filename} is a ZIP archive (a Word document or spreadsheet with another name?); "
                          "Qorgau reads ZIP archives only as .docx files.")
    for extension, kind in EXTENSIONS.items():
        if lower.endswith(extension):
            return kind
    if data.startswith(b"%PDF"):
        return "pdf"
    raise IngestError(f"{filename}: Qorgau reads PDF, DOCX, HTML, Markdown and plain text; "
                      "this file has none of those endings.")


def read_document(filename, data, max_bytes=None):
    """Dispatch on the file's kind. Raises IngestError with a sentence for the user.

    Bounded: the file's size, what it decompresses to, its pages, and the text it gives (characters, line
    and word lengths) are checked against the QORGAU_MAX_* settings; every reader is linear in its input.
    """
    max_bytes = max_bytes or max_bytes_setting()
    if not data:
        raise IngestError(f"{filename} is empty.")
    if len(data) > max_bytes:
        raise IngestError(f"{filename} is {len(data) / 1048576:.1f} MB; the limit is {max_bytes / 1048576:.0f} MB.")
    kind = kind_of(filename, data)
    reader = {"pdf": read_pdf, "docx": read_docx, "html": read_html, "markdown": read_markdown, "text": read_text}[kind]
    raw = reader(filename, data)
    check_text_limits(filename, raw.pages)
    if not any(any(ch.isalnum() for ch in page) for page in raw.pages):
        raise IngestError(f"{filename} has no text to read.")
    return raw


max_bytes_setting = max_bytes


def check_text_limits(filename, pages):
    """Refuse text no document has: too much of it, a line or a 'word' (no space) too long."""
    total = sum(len(page) for page in pages)
    if total > limit("MAX_TEXT_CHARS"):
        raise IngestError(f"{filename} gives {total:,} characters of text; the limit is "
                          f"{limit('MAX_TEXT_CHARS'):,} (QORGAU_MAX_TEXT_CHARS). Split it into parts.")
    longest_line = max((len(line) for page in pages for line in page.splitlines()), default=0)
    if longest_line > limit("MAX_LINE_CHARS"):
        raise IngestError(f"{filename} has a line of {longest_line:,} characters; the limit is "
                          f"{limit('MAX_LINE_CHARS'):,} (QORGAU_MAX_LINE_CHARS). Is it running text?")
    longest_word = max((len(word) for page in pages for word in page.split()), default=0)
    if longest_word > limit("MAX_WORD_CHARS"):
        raise IngestError(f"{filename} has {longest_word:,} characters without a space; the limit is "
                          f"{limit('MAX_WORD_CHARS'):,} (QORGAU_MAX_WORD_CHARS). Is it running text?")


# Plain text ----------------------------------------------------------------------------------------

def decode(filename, data):
    """Bytes to text in any common encoding (UTF-8, UTF-16, Windows-1251, KOI8-R …); refuses binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    sample = data[:65536]
    if b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) * 0.01:
        raise IngestError(f"{filename} does not contain text (it looks like a binary file with a text name).")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1251", "koi8_r", "cp1252", "iso8859_5", "mac_cyrillic", "cp866"]).best()
    if best is None:
        raise IngestError(f"{filename}: the text encoding could not be recognised.")
    return str(best), best.encoding


def read_text(filename, data):
    text, encoding = decode(filename, data)
    text = plain_tables(text)
    pages = text.split("\f") if "\f" in text else [text]
    return RawDocument("text", pages, links=_bare_links(text), encoding=encoding)


URL = re.compile(r"https?://[^\s<>\"'»)\]]+")


def _bare_links(text):
    return [(m.group(0), m.group(0).rstrip(".,;")) for m in URL.finditer(text)]


# Markdown and HTML -----------------------------------------------------------------------------------

# Reading Markdown is linear in its length: links are found by a scanner that never looks at a character
# twice for one "[" (a file of 80,000 "[" or "[a](" is read in milliseconds), and every markup pattern has one
# bounded quantifier on a single line.
MAX_ANCHOR = 500
MAX_URL = 2000
MD_ESCAPABLE = "\\`*_{}[]()#+-.!|<>~"
MD_ESCAPE = re.compile(r"\\([" + re.escape(MD_ESCAPABLE) + r"])")
_HIDE = {ch: chr(0xE000 + index) for index, ch in enumerate(MD_ESCAPABLE)}
_SHOW = {v: k for k, v in _HIDE.items()}


def _markdown_links(text):
    """Replace [anchor](url "title") and ![alt](url) by the anchor; return (text, [(anchor, url)])."""
    out, links, position, index, close = [], [], 0, 0, -1
    while True:
        index = text.find("[", index)
        if index < 0:
            break
        if close < index:  # the next "]" after this "[" (shared by every "[" before it: amortised linear)
            close = text.find("]", index)
            if close < 0:
                break
        anchor = text[index + 1:close]
        if len(anchor) > MAX_ANCHOR or "\n" in anchor or text[close + 1:close + 2] != "(":
            index += 1
            continue
        end = text.find(")", close + 2, close + 3 + MAX_URL + 300)
        inside = text[close + 2:end] if end > 0 else ""
        url = inside.split(None, 1)[0] if inside.strip() else ""
        if end < 0 or not url or "\n" in inside or not inside.startswith(url):
            index += 1
            continue
        start = index - 1 if index > 0 and text[index - 1] == "!" else index
        out.append(text[position:start])
        out.append(anchor)
        links.append((anchor, url))
        position = index = end + 1
    out.append(text[position:])
    return "".join(out), links


TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*")
TABLE_ROW = re.compile(r"[ \t]*\|(.*\|.*)\|[ \t]*")


def _markdown_tables(text):
    """A table's rows as lines of their own, cells between dashes ("• 1 – TOKHTAROV Ruslan – Aktobe – CC Art. 405"),
    as a list prints its entries; the rule under the header goes. A record's table (every row a label and its value,
    an infobox: "| Приговор | 4 года … |", "| Статья | ч. 1 ст. 272 УК РК |") gives its fields ("Статья: …") as the
    lines of one paragraph, as a web page's or a Word file's record table reads (see table_row)."""
    lines, rows = [], []

    def flush():
        record = record_table(rows)
        if record:
            lines.extend([table_row(cells, label=True) for cells in rows if any(cells)] + [""])
        else:
            for cells in rows:
                if any(cells):
                    lines.extend(["• " + " – ".join(cell for cell in cells if cell), ""])
        rows.clear()

    for line in text.split("\n"):
        if TABLE_RULE.fullmatch(line):
            continue
        row = TABLE_ROW.fullmatch(line)
        if row:
            rows.append([cell.strip() for cell in row.group(1).split("|")])
            continue
        if rows:
            flush()
        lines.append(line)
    if rows:
        flush()
    return "\n".join(lines)


# A table typed in a plain-text file, as a prisoners' list is ("№ | ФИО | Город | Статья" over "--|-----|------", then
# "1 | ТЛЕУЖАН Айгерим | Алматы | ч. 1 ст. 272 УК РК"): the outer bars are optional and a rule's cells may be of two
# dashes. Only the lines of a block around such a rule are rows.
PLAIN_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*")


def plain_tables(text):
    """The rows of every table of a plain-text file as lines of their own, cells between dashes, as the Markdown
    reader prints them (see _markdown_tables): one row is one entry, and a row's acts are its own person's. Lines
    without a rule under a header row are left as they are (a "|" in prose is no table)."""
    if "|" not in text or not PLAIN_RULE.search(text):
        return text
    lines = text.split("\n")
    out = list(lines)
    for index, line in enumerate(lines):
        if not PLAIN_RULE.fullmatch(line):
            continue
        bars = line.strip().strip("|").count("|")
        out[index] = None
        for step in (-1, 1):  # the header above, the rows below, up to a line that is no row of this table
            other = index + step
            while 0 <= other < len(lines) and lines[other].strip().strip("|").count("|") >= bars and \
                    not PLAIN_RULE.fullmatch(lines[other]):
                cells = [cell.strip() for cell in lines[other].strip().strip("|").split("|")]
                out[other] = "• " + " – ".join(cell for cell in cells if cell) + "\n"
                other += step
    return "\n".join(line for line in out if line is not None)


def read_markdown(filename, data):
    text, encoding = decode(filename, data)
    # Backslash escapes ("\_", "\*") stand for the character itself: hidden from the markup rules, then restored.
    text = MD_ESCAPE.sub(lambda m: _HIDE[m.group(1)], text)
    text, links = _markdown_links(text)
    text = re.sub(r"^[ \t]{0,3}#{1,6}[ \t]*", "", text, flags=re.M)          # headings
    text = re.sub(r"^[ \t]{0,3}>[ \t]?", "", text, flags=re.M)                # quotes
    text = re.sub(r"^[ \t]*[-*+][ \t]+", "• ", text, flags=re.M)             # bullets
    text = _markdown_tables(text)
    text = re.sub(r"(\*\*|__)([^\n]{1,300}?)\1", r"\2", text)                # bold
    text = re.sub(r"(?<![\w*])([*_])(?![\s*_])([^\n]{1,200}?)(?<!\s)\1(?![\w*])", r"\2", text)  # italics
    text = re.sub(r"`([^`\n]{0,1000})`", r"\1", text)
    # Footnote references "[^1]" and definitions "[^1]: …" stay as they are: canonicalise takes them exactly.
    text = text.translate({ord(k): v for k, v in _SHOW.items()})
    links = [(anchor.translate({ord(k): v for k, v in _SHOW.items()}), url.translate({ord(k): v for k, v in _SHOW.items()}))
             for anchor, url in links]
    return RawDocument("markdown", [text], links=links + _bare_links(text), encoding=encoding)


HTML_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote",
              "table", "ul", "ol", "header", "footer", "dd", "dt"}
HTML_SKIP = {"script", "style", "noscript", "template", "head"}


def _html_tree(filename, text):
    """Parse HTML with libxml2 (linear time, depth-limited, no network, no entity expansion)."""
    from lxml import etree

    parser = etree.HTMLParser(recover=True, no_network=True, remove_comments=True, remove_pis=True,
                              huge_tree=False, encoding="utf-8")
    try:
        root = etree.fromstring(text.encode("utf-8", errors="replace"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        raise IngestError(f"{filename} has no readable text.")
    return root


def _html_text(root):
    """Text with paragraph breaks, and (anchor text, href) for each link, from a parsed page."""
    from lxml import etree

    parts, links, skip, anchors = [], [], 0, []
    lists, rows = [], []  # per open list: its item count (None for a bulleted list); per open row: its cells
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in HTML_SKIP:
                skip += 1
            elif tag in {"ul", "ol"}:
                lists.append(0 if tag == "ol" else None)
            elif tag == "tr":
                rows.append(0)
            if tag == "li" and not skip:
                # an item as a text file prints it ("• …", "3. …"): see list_item
                if lists and lists[-1] is not None:
                    lists[-1] += 1
                parts.append(f"\n\n{lists[-1]}. " if lists and lists[-1] is not None else "\n\n• ")
            elif tag == "tr" and not skip:
                parts.append("\n\n• ")  # a row as the Markdown reader prints one: see table_row
            elif tag in {"td", "th"} and rows and not skip:
                parts.append(" – " if rows[-1] else "")
                rows[-1] += 1
            elif tag in HTML_BLOCK and rows:
                parts.append(" ")  # a cell's own paragraphs stay in its row
            elif tag in HTML_BLOCK:
                parts.append("\n\n" if tag in {"p", "div", "section", "article", "table"} else "\n")
            if tag == "a":
                anchors.append((element.get("href"), []))
            if not skip and element.text:
                parts.append(element.text)
                for _, words in anchors:
                    words.append(element.text)
        else:
            if tag in HTML_SKIP:
                skip = max(skip - 1, 0)
            elif tag in {"ul", "ol"} and lists:
                lists.pop()
            elif tag == "tr" and rows:
                rows.pop()
            if tag in HTML_BLOCK and tag != "br" and not rows:
                parts.append("\n")  # (a <br> is one line break: a line of the paragraph, as in a text file)
            if tag == "a" and anchors:
                href, words = anchors.pop()
                if href:
                    links.append(("".join(words).strip(), href))
            if not skip and element.tail:
                parts.append(element.tail)
                for _, words in anchors:
                    words.append(element.tail)
    return "".join(parts), links


def _main_content(text):
    """The page's main content (trafilatura: menus, search boxes, cookie banners, share buttons, related stories
    and footers left out) as (text, links), or None when it finds none (then the whole page is read)."""
    try:
        import trafilatura
        from lxml import etree

        out = trafilatura.extract(text, output_format="xml", include_links=True, include_comments=False,
                                  include_tables=True)
        if not out:
            return None
        main = etree.fromstring(out.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True)).find("main")
    except Exception:  # noqa: BLE001 — main-content detection is an improvement; the plain reader still works
        logging.getLogger(__name__).warning("main-content extraction failed; reading the whole page", exc_info=True)
        return None
    if main is None:
        return None
    # A line break (<br>, trafilatura's <lb/>) is a line of the paragraph, as in a text file, and a paragraph set
    # inside a table's cell or a list's item is a line of it: never two words glued ("Kasenovwho", "KALASOVAskar").
    for element in main.iter("lb"):
        element.tail = "\n" + (element.tail or "")
    for element in main.iter("p"):
        if element.getparent() is not main:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    blocks = []
    for child in main:
        if child.tag == "list":
            # An item of a list as a text file prints it: "• …" (or its number), one paragraph each.
            for number, item in enumerate(child.iter("item"), 1):
                words = re.sub(r"\s+", " ", "".join(item.itertext())).strip()
                if words:
                    blocks.append(list_item(words, number if child.get("rend") == "ol" else None))
        elif child.tag == "table":
            rows = [[re.sub(r"\s+", " ", "".join(cell.itertext())).strip() for cell in row.iter("cell")]
                    for row in child.iter("row")]
            record = record_table(rows)
            blocks += [table_row(cells, label=record) for cells in rows if any(cells)]
        else:
            blocks.append("".join(child.itertext()).strip())
    body = "\n\n".join(block for block in blocks if block)
    if sum(ch.isalnum() for ch in body) < 40:
        return None
    links = [("".join(ref.itertext()).strip(), ref.get("target") or "") for ref in main.iter("ref")]
    return body, links


def list_item(words, number=None):
    """An item of a list in a page or a Word file, as a text file prints it: "• words", or "3. words" in a numbered
    list (unless the item carries its own number), so that the rules that read bulleted and numbered lines (an
    item under its person's line, an entry of a list) read it the same in every format."""
    if re.match(r"^(?:[•▪●◦\-–—*]\s|\d{1,3}[.)]\s)", words):
        return words
    return f"{number}. {words}" if number is not None else f"• {words}"


TABLE_LABEL = re.compile(r"[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,3}")
# A record's label: a capital, then small letters ("Defendant", "Presiding judge", "Мера пресечения") — not a name
# ("Yerlan Kassymov", "KASSYMOV").
RECORD_LABEL = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+(?: [a-zа-яёәғқңөұүһі]+){0,3}:?")


def record_table(rows):
    """Is a table a record (each row a label and its value: "Defendant | Yerlan Kassymov", "Charges | CC Art.
    274") rather than a list? Two rows or more, each of two filled cells, every first cell a label."""
    rows = [[cell for cell in row if cell] for row in rows]
    rows = [row for row in rows if row]
    return len(rows) >= 2 and all(len(row) == 2 and RECORD_LABEL.fullmatch(row[0]) for row in rows)


def table_row(cells, label=False):
    """A row of a table as the Markdown reader prints one: "• 1 – TOKHTAROV Ruslan – Aktobe – CC Art. 405" (cells
    between dashes, empty cells left out), so that one row is one entry and its cells stay apart. A row of a
    record's table — a label and its value ("Defendant:" | "Yerlan Kassymov"; or a header cell beside a data
    cell, `label`) — is the field "Defendant: Yerlan Kassymov", as the record typed as text has it, so that its
    rows read as one record (see repair._join_fields)."""
    cells = [cell for cell in cells if cell]
    if len(cells) == 2 and (cells[0].endswith(":") or label) and TABLE_LABEL.fullmatch(cells[0].rstrip(": ")):
        return f"{cells[0].rstrip(': ')}: {cells[1]}"
    return "• " + " – ".join(cells)


NOTE_REF = re.compile(r"^\s*\[?\s*(\d{1,3})\s*\]?\s*$")
BACKLINK = re.compile(r"^\s*[↩↑^⤴]\s*$")


def _put_text_instead(element, text):
    """Replace `element` (and its content) by plain `text`, keeping what followed it."""
    parent, previous = element.getparent(), element.getprevious()
    joined = text + (element.tail or "")
    if previous is not None:
        previous.tail = (previous.tail or "") + joined
    else:
        parent.text = (parent.text or "") + joined
    parent.remove(element)


def _short_text(element, lengths):
    """Has `element` some text, at most 3,000 characters? (Measured once per element: a page of many references
    to one huge element stays linear.)"""
    if element not in lengths:
        total = 0
        for part in element.itertext():
            total += len(part.strip())
            if total > 3000:
                break
        lengths[element] = 0 < total <= 3000
    return lengths[element]


def _html_notes(root):
    """Take the page's footnotes out of the tree: each reference (a link "1" or "[1]" to an element of the page,
    or a raised number) becomes the text "[^n]" where it stood, and each note it points to is removed from the page
    and returned as {n: (text, [(anchor, url)])}. The notes list's heading goes with it."""
    order = {}
    for index, el in enumerate(root.iter()):
        order[el] = index
    ids = {el.get("id"): el for el in order if isinstance(el.tag, str) and el.get("id")}
    notes, refs, lengths = {}, [], {}
    for a in list(root.iter("a")):
        href, label = a.get("href") or "", "".join(a.itertext())
        match = NOTE_REF.match(label)
        target = ids.get(href[1:]) if href.startswith("#") else None
        # A note stands after its reference and is a short text (not a page of comments a pager points to).
        if match and target is not None and target.tag in {"li", "p", "div", "dd", "aside", "span"} \
                and order[target] > order[a] and _short_text(target, lengths) \
                and not any(anc is target for anc in a.iterancestors()):
            number = int(match.group(1))
            if notes.get(number, (target,))[0] is target:
                notes[number] = (target,)
                refs.append((a, number))
    if not notes:
        return {}
    targets = {id(el) for el, in notes.values()}
    for a, number in refs:
        if any(id(anc) in targets for anc in a.iterancestors()):
            continue
        parent = a.getparent()
        holder = parent if parent is not None and parent.tag == "sup" and not (parent.text or "").strip() \
            and len(parent) == 1 else a
        _put_text_instead(holder, f"[^{number}]")
    for sup in list(root.iter("sup")):  # raised numbers without a link, for notes the page has
        match = NOTE_REF.match("".join(sup.itertext()))
        if match and len(sup) == 0 and int(match.group(1)) in notes:
            _put_text_instead(sup, f"[^{int(match.group(1))}]")
    out, containers = {}, []
    for number, (target,) in sorted(notes.items()):
        for back in [a for a in target.iter("a") if BACKLINK.match("".join(a.itertext()))
                     or (a.get("href") or "").startswith("#")]:
            _put_text_instead(back, "")
        text = re.sub(r"\s+", " ", "".join(target.itertext())).strip()
        text = re.sub(r"^\[?\d{1,3}\]?[.)]?\s+", "", text) if target.tag != "li" else text
        links = [("".join(a.itertext()).strip(), a.get("href")) for a in target.iter("a")
                 if (a.get("href") or "").startswith("http")]
        out[number] = (re.sub(r"\s+([.,;:])", r"\1", text), links)
        parent = target.getparent()
        parent.remove(target)
        if all(parent is not seen for seen in containers[-1:]):
            containers.append(parent)
    for container in {id(c): c for c in containers}.values():  # the emptied list, and a notes section left with only its heading
        while container is not None and container.getparent() is not None:
            rest = re.sub(r"\s+", "", "".join(container.itertext()))
            headings = [h for h in container if h.tag in {"h1", "h2", "h3", "h4", "h5", "h6", "p", "strong"}]
            if rest and not (len(headings) == len(container) and len(rest) <= 40):
                break
            parent = container.getparent()
            parent.remove(container) if container.tail is None or not container.tail.strip() else None
            container = parent
    return out


TEASER_BLOCKS = {"p", "li", "dd", "dt", "div", "h3", "h4", "h5", "h6"}
TEASER_LABEL = 30  # letters outside the link: "Читайте также:", "Read also:", "Тақырыпқа қатысты:"
FILE_LINK = re.compile(r"\.(?:pdf|docx?|xlsx?|odt|rtf|zip|jpe?g|png)(?:[?#].*)?$", re.I)


def _address_of(root):
    """The page's own address, from its canonical link or og:url ("" when it gives none)."""
    for element in root.iter("link", "meta"):
        if (element.get("rel") or "").lower() == "canonical" or (element.get("property") or "") == "og:url":
            address = (element.get("href") or element.get("content") or "").strip()
            if address.startswith(("http://", "https://")):
                return address
    return ""


def _site_of(root):
    """The page's own host ("" when the page does not say its address)."""
    from urllib.parse import urlsplit

    return urlsplit(_address_of(root)).netloc.lower()


def _drop_teasers(root):
    """Take out the site's own teasers: a paragraph or list item that is (all but a short label) a link to another
    page of the same site — "Читайте также: Полиция задержала …", a "По теме" list of stories inside the article,
    a menu's items. Their names and dates are other stories', not this document's; links to files (a verdict's
    PDF), to other sites (a source) and within the page (notes) are never teasers. Returns how many went."""
    from urllib.parse import urlsplit

    site, dropped = _site_of(root), 0
    for element in list(root.iter(*TEASER_BLOCKS)):
        if element.getparent() is None or any(child.tag in TEASER_BLOCKS for child in element.iter()
                                              if child is not element):
            continue
        def internal(node):
            """Is `node` (or the link around it, inside `element`) a link to another page of this site?"""
            while node is not None and node.tag != "a":
                node = None if node is element else node.getparent()
            if node is None:
                return False
            href = (node.get("href") or "").strip()
            parts = urlsplit(href)
            return bool(href) and not href.startswith("#") and not FILE_LINK.search(parts.path) and (
                not parts.netloc or bool(site) and parts.netloc.lower() == site)

        inside = outside = 0
        for node in element.iter():
            for words, owner in ((node.text, node), (node.tail if node is not element else "", node.getparent())):
                letters = sum(ch.isalpha() for ch in (words or ""))
                if letters and internal(owner):
                    inside += letters
                else:
                    outside += letters
        if inside >= 12 and outside <= TEASER_LABEL:
            parent = element.getparent()
            _put_text_instead(element, "")
            dropped += 1
            if parent is not None and not "".join(parent.itertext()).strip() and parent.getparent() is not None:
                parent.getparent().remove(parent) if not (parent.tail or "").strip() else None
    return dropped


def read_html(filename, data):
    text, encoding = decode(filename, data)
    tree = _html_tree(filename, text)
    address = _address_of(tree)
    notes = _html_notes(tree)
    teasers = _drop_teasers(tree)
    if notes or teasers:
        from lxml import etree

        text = etree.tostring(tree, encoding="unicode", method="html")
    body, links = _main_content(text) or _html_text(tree)
    body = re.sub(r"[ \t\r]+", " ", body)
    body = re.sub(r" *\n *", "\n", body)
    body = re.sub(r" +(\[\^\d+\])", r"\1", body)  # a reference stands against the word it follows
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    if notes:
        body += "\n\n" + "\n".join(f"[^{n}]: {note}" for n, (note, _) in sorted(notes.items()))
        links += [link for n, (_, note_links) in sorted(notes.items()) for link in note_links]
    if address:  # a page that says its address: its relative links ("/files/ruling.pdf") are sources too
        from urllib.parse import urljoin

        links = [(a, urljoin(address, u) if u and not u.startswith(("#", "http:", "https:", "mailto:", "javascript:"))
                  else u) for a, u in links]
    return RawDocument("html", [body], links=[(a, u) for a, u in links if u.startswith("http")],
                       encoding=encoding)


# DOCX --------------------------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


class _Budget:
    """What the parts of one archive may decompress to, counted on the bytes actually produced."""

    def __init__(self, filename):
        self.filename, self.left = filename, limit("MAX_UNZIPPED_MB") * 1024 * 1024

    def read(self, archive, name):
        chunks = []
        try:
            with archive.open(name) as part:
                while True:
                    chunk = part.read(min(1 << 20, self.left + 1))
                    if not chunk:
                        break
                    self.left -= len(chunk)
                    if self.left < 0:
                        raise IngestError(f"{self.filename} expands to more than "
                                          f"{limit('MAX_UNZIPPED_MB')} MB (QORGAU_MAX_UNZIPPED_MB; a zip bomb?); "
                                          "not read.")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError) as error:
            raise IngestError(f"{self.filename} is damaged (its archive cannot be unpacked: "
                              f"{type(error).__name__}).") from None
        return b"".join(chunks)


def _safe_xml(filename, archive, name, budget):
    info = archive.getinfo(name)
    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 10 * 1024 * 1024:
        raise IngestError(f"{filename} expands to far more than any document would (a zip bomb?); not read.")
    data = budget.read(archive, name)
    import defusedxml.ElementTree as ET
    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

    try:
        return ET.fromstring(data, forbid_dtd=True)
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden):
        raise IngestError(f"{filename} declares XML entities or a DTD, which a Word document never needs; "
                          "not read, for safety.") from None
    except (ET.ParseError, RecursionError, ValueError):
        raise IngestError(f"{filename} is damaged (its XML cannot be read).") from None


def _walk(root):
    """("start", element) and ("end", element) for every element, in document order, without recursion."""
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            yield "end", node
            continue
        yield "start", node
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))


def read_docx(filename, data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, OSError):
        raise IngestError(f"{filename} is not a valid DOCX file (it is not a ZIP archive).") from None
    budget = _Budget(filename)
    with archive:
        total = sum(i.file_size for i in archive.infolist())
        if total > budget.left or len(archive.infolist()) > 10000:
            raise IngestError(f"{filename} would expand to {total / 1048576:.0f} MB (a zip bomb?); not read.")
        if "word/document.xml" not in archive.namelist():
            raise IngestError(f"{filename} is not a Word document (no word/document.xml inside).")
        rels = {}
        if "word/_rels/document.xml.rels" in archive.namelist():
            for rel in _safe_xml(filename, archive, "word/_rels/document.xml.rels", budget):
                if rel.get("TargetMode") == "External":
                    rels[rel.get("Id")] = rel.get("Target")
        footnotes = {}
        if "word/footnotes.xml" in archive.namelist():
            open_notes = []
            for event, node in _walk(_safe_xml(filename, archive, "word/footnotes.xml", budget)):
                if node.tag == f"{W}footnote":
                    if event == "start":
                        open_notes.append((node.get(f"{W}id"), []))
                    else:
                        note_id, words = open_notes.pop()
                        if note_id and note_id.isdigit() and int(note_id) > 0:
                            footnotes[note_id] = "".join(words).strip()
                elif event == "start" and node.tag == f"{W}t" and open_notes:
                    open_notes[-1][1].append(node.text or "")
        body = _safe_xml(filename, archive, "word/document.xml", budget)
    paragraphs, links, numbered = [], [], {}
    # One walk over the tree (never a walk per paragraph: nested paragraphs would make that quadratic).
    # A table's row is one paragraph, its cells between dashes (see table_row): rows = [[cells], …] of open rows,
    # each cell the list of its paragraphs.
    open_paragraphs, open_links, rows, tables = [], [], [], []
    fallback = 0  # inside mc:Fallback: the same text box again, for old readers — read once, from mc:Choice
    for event, node in _walk(body):
        tag = node.tag
        if tag == f"{MC}Fallback":
            fallback += 1 if event == "start" else -1
            continue
        if fallback:
            continue
        if event == "end":
            if tag == f"{W}p" and open_paragraphs:
                words = "".join(open_paragraphs.pop())
                if rows and rows[-1] and not open_paragraphs:
                    rows[-1][-1].append(words)
                else:
                    paragraphs.append(words)
            elif tag == f"{W}tr" and rows:
                cells = [" ".join(p.strip() for p in cell if p.strip()) for cell in rows.pop()]
                if any(cells):
                    if rows and rows[-1]:  # a table inside a cell: its row in the cell
                        rows[-1][-1].append(table_row(cells).removeprefix("• "))
                    elif tables:
                        tables[-1].append(cells)
            elif tag == f"{W}tbl" and tables:
                table = tables.pop()
                if not rows:  # (a table inside a cell went into its cell)
                    record = record_table(table)
                    paragraphs += [table_row(cells, label=record) for cells in table]
            elif tag == f"{W}hyperlink" and open_links and open_links[-1][0] is node:
                _, target, words = open_links.pop()
                links.append(("".join(words), target))
            continue
        if tag == f"{W}p":
            open_paragraphs.append([])
            continue
        if tag == f"{W}tbl":
            tables.append([])
            continue
        if tag == f"{W}tr":
            rows.append([])
            continue
        if tag == f"{W}tc" and rows:
            rows[-1].append([])
            continue
        if tag == f"{W}hyperlink" and node.get(f"{R}id") in rels:
            open_links.append((node, rels[node.get(f"{R}id")], []))
            continue
        if not open_paragraphs:
            continue
        parts = open_paragraphs[-1]
        if tag == f"{W}t":
            parts.append(node.text or "")
            if open_links:
                open_links[-1][2].append(node.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in {f"{W}br", f"{W}cr"}:
            parts.append("\n")
        elif tag == f"{W}footnoteReference":
            note_id = node.get(f"{W}id")
            numbered.setdefault(note_id, len(numbered) + 1)
            parts.append(f"[^{numbered[note_id]}]")
    text = "\n\n".join(p for p in paragraphs if p.strip())  # a paragraph is a paragraph: never joined to the next
    if numbered:
        text += "\n\n" + "\n".join(f"[^{n}]: {footnotes.get(i, '')}" for i, n in sorted(numbered.items(),
                                                                                      key=lambda x: x[1]))
    return RawDocument("docx", [text], links=links + _bare_links(text))


# PDF -----------------------------------------------------------------------------------------------------

def read_pdf(filename, data):
    """Text per page; digits set noticeably smaller than the body text are footnote markers."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PdfReadError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise IngestError(f"{filename} is protected by a password; remove it and try again.")
            except (DependencyError, FileNotDecryptedError, NotImplementedError, PdfReadError):
                raise IngestError(f"{filename} is encrypted in a way Qorgau cannot open; "
                                  "save an unprotected copy.") from None
        if len(reader.pages) > limit("MAX_PAGES"):
            raise IngestError(f"{filename} has {len(reader.pages):,} pages; the limit is {limit('MAX_PAGES'):,} "
                              "(QORGAU_MAX_PAGES). Split it into parts.")
        pages, superscripts, links = [], [], []
        read_chars = 0
        for index, page in enumerate(reader.pages):
            chunks = []

            def visit(text, cm, tm, font, size, chunks=chunks):
                scale = abs(tm[0] * cm[0]) or 1
                chunks.append((text, (size or 0) * scale))

            text = page.extract_text(visitor_text=visit) or ""
            pages.append(text)
            read_chars += len(text)
            if read_chars > limit("MAX_TEXT_CHARS"):
                check_text_limits(filename, pages)
            sizes = sorted(s for t, s in chunks if t.strip() and s)
            body = sizes[len(sizes) // 2] if sizes else 0
            before = ""
            for chunk, size in chunks:
                if body and size and size < body * 0.8 and re.fullmatch(r"\s*\d{1,3}\s*", chunk):
                    superscripts.append((index, before[-40:], chunk.strip()))
                before += chunk
            for annotation in page.get("/Annots") or []:
                target = annotation.get_object().get("/A", {})
                if hasattr(target, "get") and target.get("/URI"):
                    links.append(("", str(target["/URI"])))
    except IngestError:
        raise
    except LimitReachedError:
        raise IngestError(f"{filename} holds a stream that decompresses beyond pypdf's limits (a PDF bomb?); "
                          "not read.") from None
    except RecursionError:
        raise IngestError(f"{filename} is nested too deeply to be read as a PDF.") from None
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
            ArithmeticError, AssertionError, zlib.error) as error:
        raise IngestError(f"{filename} is damaged and cannot be read as a PDF ({type(error).__name__}).") from None
    if not any(p.strip() for p in pages):
        raise IngestError(f"{filename} has no text layer (a scan?); Qorgau does not do OCR yet.")
    layout = _read_pdf_layout(filename, data, len(pages))
    if layout is not None:
        laid_out, layout_links, raised = layout
        texts = [text for text, _ in laid_out]
        return RawDocument("pdf", texts, links=layout_links + _bare_links("\n".join(texts)), layout=True,
                           continued=[continued for _, continued in laid_out], superscripts=raised)
    return RawDocument("pdf", pages, links=links, superscripts=superscripts)


def _read_pdf_layout(filename, data, page_count):
    """The layout reading (pdflayout.py) of a PDF pypdf has read without trouble, or None to keep pypdf's text:
    when pdfplumber fails, finds no words, or takes longer than a share of the processing budget."""
    import time

    from .pdflayout import read_layout

    budget = min(120, max(5, limit("MAX_PROCESSING_SECONDS") / 4))
    try:
        result = read_layout(data, limit("MAX_PAGES"), time.monotonic() + budget)
    except Exception:  # noqa: BLE001 — the layout is an improvement; pypdf's text is still a reading
        logging.getLogger(__name__).warning("%s: layout reading failed; using plain text", filename, exc_info=True)
        return None
    if result is None or len(result[0]) != page_count or not any(text.strip() for text, _ in result[0]):
        return None
    return result
