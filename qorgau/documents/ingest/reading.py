"""Turning a file's bytes into pages of text, links and footnote-marker hints.

Invariant: nothing here trusts the file. Sizes are bounded before anything is
decompressed or parsed; XML with a DOCTYPE is refused; PDFs that fail to parse
or are encrypted give a clear IngestError.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser

from . import IngestError

MAX_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED = 200 * 1024 * 1024
MAX_RATIO = 200  # a DOCX part that expands more than this is a zip bomb, not a report
EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".md": "markdown",
              ".markdown": "markdown", ".txt": "text", ".text": "text"}


@dataclass
class RawDocument:
    kind: str
    pages: list  # text of each page (one page when the format has none)
    links: list = field(default_factory=list)  # (anchor text, url)
    superscripts: list = field(default_factory=list)  # (page index, text before, digits): small-font numbers in a PDF
    encoding: str = "utf-8"


def kind_of(filename, data):
    lower = filename.lower()
    for extension, kind in EXTENSIONS.items():
        if lower.endswith(extension):
            return kind
    if data.startswith(b"%PDF"):
        return "pdf"
    raise IngestError(f"{filename}: Qorgau reads PDF, DOCX, HTML, Markdown and plain text; "
                      "this file has none of those endings.")


def read_document(filename, data, max_bytes=MAX_BYTES):
    """Dispatch on the file's kind. Raises IngestError with a sentence for the user."""
    if not data:
        raise IngestError(f"{filename} is empty.")
    if len(data) > max_bytes:
        raise IngestError(f"{filename} is {len(data) / 1048576:.1f} MB; the limit is {max_bytes / 1048576:.0f} MB.")
    kind = kind_of(filename, data)
    reader = {"pdf": read_pdf, "docx": read_docx, "html": read_html, "markdown": read_markdown, "text": read_text}[kind]
    return reader(filename, data)


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
    pages = text.split("\f") if "\f" in text else [text]
    return RawDocument("text", pages, links=_bare_links(text), encoding=encoding)


URL = re.compile(r"https?://[^\s<>\"'»)\]]+")


def _bare_links(text):
    return [(m.group(0), m.group(0).rstrip(".,;")) for m in URL.finditer(text)]


# Markdown and HTML -----------------------------------------------------------------------------------

MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)[^)]*\)")


def read_markdown(filename, data):
    text, encoding = decode(filename, data)
    links = [(m.group(1), m.group(2)) for m in MD_LINK.finditer(text)]
    text = MD_LINK.sub(lambda m: m.group(1), text)
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.M)            # headings
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.M)                  # quotes
    text = re.sub(r"^\s*[-*+]\s+", "• ", text, flags=re.M)                # bullets
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)                        # bold
    text = re.sub(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])", r"\2", text)  # italics
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"^\[\^?(\d+)\]:\s*", r"\1 ", text, flags=re.M)          # footnote definitions
    text = re.sub(r"\[\^(\d+)\]", r"\1", text)                             # footnote references
    return RawDocument("markdown", [text], links=links + _bare_links(text), encoding=encoding)


class _HTMLText(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote",
             "table", "ul", "ol", "header", "footer", "dd", "dt"}
    SKIP = {"script", "style", "noscript", "template", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.links, self.skip, self.href, self.anchor = [], [], 0, None, []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n" if tag in {"p", "div", "section", "article", "table"} else "\n")
        if tag == "a":
            self.href, self.anchor = dict(attrs).get("href"), []
        if tag == "sup":
            self.parts.append("")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(self.skip - 1, 0)
        elif tag in self.BLOCK:
            self.parts.append("\n")
        if tag == "a" and self.href:
            self.links.append(("".join(self.anchor).strip(), self.href))
            self.href = None

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)
            if self.href is not None:
                self.anchor.append(data)


def read_html(filename, data):
    text, encoding = decode(filename, data)
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    body = re.sub(r"[ \t\r]+", " ", "".join(parser.parts))
    body = re.sub(r" *\n *", "\n", body)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    return RawDocument("html", [body], links=[(a, u) for a, u in parser.links if u.startswith("http")],
                       encoding=encoding)


# DOCX --------------------------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _safe_xml(filename, archive, name):
    info = archive.getinfo(name)
    if info.file_size > MAX_UNZIPPED or (info.compress_size and info.file_size / info.compress_size > MAX_RATIO
                                          and info.file_size > 10 * 1024 * 1024):
        raise IngestError(f"{filename} expands to far more than any document would (a zip bomb?); not read.")
    data = archive.read(name)
    import defusedxml.ElementTree as ET
    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

    try:
        return ET.fromstring(data, forbid_dtd=True)
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden):
        raise IngestError(f"{filename} declares XML entities or a DTD, which a Word document never needs; "
                          "not read, for safety.") from None
    except ET.ParseError:
        raise IngestError(f"{filename} is damaged (its XML cannot be read).") from None


def read_docx(filename, data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise IngestError(f"{filename} is not a valid DOCX file (it is not a ZIP archive).") from None
    with archive:
        total = sum(i.file_size for i in archive.infolist())
        if total > MAX_UNZIPPED:
            raise IngestError(f"{filename} would expand to {total / 1048576:.0f} MB (a zip bomb?); not read.")
        if "word/document.xml" not in archive.namelist():
            raise IngestError(f"{filename} is not a Word document (no word/document.xml inside).")
        rels = {}
        if "word/_rels/document.xml.rels" in archive.namelist():
            for rel in _safe_xml(filename, archive, "word/_rels/document.xml.rels"):
                if rel.get("TargetMode") == "External":
                    rels[rel.get("Id")] = rel.get("Target")
        footnotes = {}
        if "word/footnotes.xml" in archive.namelist():
            for note in _safe_xml(filename, archive, "word/footnotes.xml").iter(f"{W}footnote"):
                note_id = note.get(f"{W}id")
                if note_id and int(note_id) > 0:
                    footnotes[note_id] = "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
        body = _safe_xml(filename, archive, "word/document.xml")
    paragraphs, links, numbered = [], [], {}
    for paragraph in body.iter(f"{W}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{W}t":
                parts.append(node.text or "")
            elif node.tag == f"{W}tab":
                parts.append("\t")
            elif node.tag in {f"{W}br", f"{W}cr"}:
                parts.append("\n")
            elif node.tag == f"{W}footnoteReference":
                note_id = node.get(f"{W}id")
                numbered.setdefault(note_id, len(numbered) + 1)
                parts.append(f"[^{numbered[note_id]}]")
            elif node.tag == f"{W}hyperlink" and node.get(f"{R}id") in rels:
                anchor = "".join(t.text or "" for t in node.iter(f"{W}t"))
                links.append((anchor, rels[node.get(f"{R}id")]))
        paragraphs.append("".join(parts))
    text = "\n".join(paragraphs)
    if numbered:
        text += "\n\n" + "\n".join(f"[^{n}]: {footnotes.get(i, '')}" for i, n in sorted(numbered.items(),
                                                                                      key=lambda x: x[1]))
    return RawDocument("docx", [text], links=links + _bare_links(text))


# PDF -----------------------------------------------------------------------------------------------------

def read_pdf(filename, data):
    """Text per page; digits set noticeably smaller than the body text are footnote markers."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

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
        pages, superscripts, links = [], [], []
        for index, page in enumerate(reader.pages):
            chunks = []

            def visit(text, cm, tm, font, size, chunks=chunks):
                scale = abs(tm[0] * cm[0]) or 1
                chunks.append((text, (size or 0) * scale))

            text = page.extract_text(visitor_text=visit) or ""
            pages.append(text)
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
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as error:
        raise IngestError(f"{filename} is damaged and cannot be read as a PDF ({type(error).__name__}).") from None
    if not any(p.strip() for p in pages):
        raise IngestError(f"{filename} has no text layer (a scan?); Qorgau does not do OCR yet.")
    return RawDocument("pdf", pages, links=links, superscripts=superscripts)
