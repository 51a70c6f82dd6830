"""A researcher's flow in a real browser: public list, statistics with a filter and a CSV, a census on
1 December, and DOCX and PDF briefings on three demo persons."""

import io
import re
import zipfile

import pytest
from pypdf import PdfReader

from .test_main_flows import ARTIFACTS, browser  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _signed_in_cookie(live_server, username):
    from django.conf import settings
    from django.test import Client

    from qorgau.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url}


def test_research_flow(live_demo, live_server, browser):  # noqa: F811
    base = live_server.url
    ARTIFACTS.mkdir(exist_ok=True)
    visitor = browser.new_context(viewport={"width": 1200, "height": 1400}, accept_downloads=True)
    page = visitor.new_page()

    # The public list, as of a date.
    page.goto(f"{base}/lists/")
    page.click("text=Amnesty International: Prisoner of conscience")
    page.fill("input[name=as_of]", "2018-06-01")
    page.click("button:text('Show')")
    page.wait_for_selector("table")
    assert "Akmaral Tobylova" in page.inner_text("table")

    # Statistics, filtered by an article, and a CSV download of one table.
    page.goto(f"{base}/statistics/")
    page.select_option("select[name=article]", "CC-174")
    page.click("button:text('Apply')")
    page.wait_for_url(re.compile(r".*article=CC-174.*"))
    assert page.is_visible("#by_article table")
    with page.expect_download() as download:
        page.click("#by_article a:text('Download CSV')")
    csv_text = open(download.value.path(), encoding="utf-8").read()
    assert csv_text.splitlines()[0].startswith("Article,")
    page.screenshot(path=str(ARTIFACTS / "statistics.png"), full_page=True)

    # A census for 1 December 2018.
    page.goto(f"{base}/census/")
    page.fill("input[name=date]", "2018-12-01")
    page.click("button:text('Count')")
    page.wait_for_selector("p.count")
    count = int(page.inner_text("p.count strong"))
    assert count > 0 and "Akmaral Tobylova" in page.inner_text("table")

    # Staff write a briefing on three persons, as DOCX and as PDF.
    staff = browser.new_context(accept_downloads=True)
    staff.add_cookies([_signed_in_cookie(live_server, "alice")])
    page = staff.new_page()
    for kind in ("docx", "pdf"):
        page.goto(f"{base}/briefings/")
        page.fill("input[name=persons]", "per_tobylova per_bokaev per_ayan")
        page.select_option("select[name=format]", kind)
        with page.expect_download() as download:
            page.click("button:text('Download the briefing')")
        content = open(download.value.path(), "rb").read()
        if kind == "docx":
            with zipfile.ZipFile(io.BytesIO(content)) as docx:
                document = docx.read("word/document.xml").decode()
                footnotes = docx.read("word/footnotes.xml").decode()
            assert document.count("<w:footnoteReference") == footnotes.count("<w:footnote w:id=") > 0
            for name in ("Akmaral Tobylova", "Maks Bokaev", "Talgat Ayan"):
                assert name in document
        else:
            text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
            assert "Talgat Ayan" in text and "Urgent Action UA 63/18" in re.sub(r"\s+", " ", text)
