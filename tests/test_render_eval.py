"""tools/render_eval.py: each evaluation document as a web page with site chrome, a PDF report and a Word file.

The rendered versions are for format-parity scoring, so what matters is that they are the formats the issue
describes (chrome around the article, running headers and page numbers, real footnotes) and that the annotated
names survive the rendering: the gold stays valid for every format.
"""

import importlib.util
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from qorgau.documents.ingest.reading import read_document
from qorgau.documents.ingest.repair import canonicalise

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("render_eval", ROOT / "tools" / "render_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target, _ = module.render_split("dev", tmp_path_factory.mktemp("render"))
    return module, target


def entries(target, fmt):
    return json.loads((target / f"gold-{fmt}.json").read_text(encoding="utf-8"))["documents"]


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_every_annotated_name_survives_each_format(rendered, fmt):
    _, target = rendered
    for entry in entries(target, fmt):
        text = canonicalise(read_document(entry["file"], (target / entry["file"]).read_bytes())).text
        for forms in entry["persons"].values():
            for form in forms:
                assert re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text), (entry["file"], form)


def test_web_pages_wrap_the_article_in_site_chrome_in_its_language(rendered):
    module, target = rendered
    for entry in entries(target, "html"):
        page = (target / entry["file"]).read_text(encoding="utf-8")
        chrome = module.CHROME[entry["language"]]
        for part in [chrome["site"], chrome["cookie"], chrome["menu"][1], chrome["related"], chrome["related_items"][0][0],
                     "facebook.com/sharer", 'class="search"', 'class="footnotes"']:
            assert part in page, (entry["file"], part)
        assert page.index("<article>") < page.index('class="footnotes"') < page.index("</article>")


def test_pdf_reports_have_running_headers_page_numbers_and_footnotes_at_the_foot(rendered):
    from pypdf import PdfReader

    module, target = rendered
    for entry in entries(target, "pdf"):
        pages = PdfReader(io.BytesIO((target / entry["file"]).read_bytes())).pages
        chrome = module.CHROME[entry["language"]]
        for n, page in enumerate(pages, 1):
            text = page.extract_text()
            assert chrome["header"] in text and chrome["page"].format(n=n, total=len(pages)) in text, entry["file"]
        assert any(re.search(r"^1 \S", page.extract_text(), re.M) for page in pages), entry["file"]


def test_word_files_have_real_footnotes_referenced_from_the_text(rendered):
    _, target = rendered
    for entry in entries(target, "docx"):
        data = (target / entry["file"]).read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            document = archive.read("word/document.xml").decode()
            notes = archive.read("word/footnotes.xml").decode()
            assert "PAGE" in archive.read("word/footer1.xml").decode()
        referenced = set(re.findall(r'<w:footnoteReference w:id="(\d+)"/>', document))
        defined = set(re.findall(r'<w:footnote w:id="(\d+)">', notes))
        assert referenced and referenced == defined, entry["file"]
        canonical = canonicalise(read_document(entry["file"], data))
        assert len(canonical.footnotes) == len(defined), entry["file"]
