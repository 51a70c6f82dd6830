"""Issue 14's "done when", in a real browser (Debian's Chromium through Playwright, as test_main_flows):
in Kazakh, filter the persons list, import a 200-row XLSX with 3 bad rows (shown, nothing written until fixed),
record an act with a perpetrator and a source, bulk-add persons to a list, export the filtered list as XLSX.
Then a 390 px wide phone: the persons table, a person page, the review page and the public action page fit the
screen (no horizontal overflow) and the menu is collapsed behind its button."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from .test_main_flows import ARTIFACTS, browser, sign_in  # noqa: F401  (the browser fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADER = ["name", "name_ru", "gender", "birth_year", "roles", "act_type", "date", "articles", "place", "source_url"]
BAD = {17: ("act_type", "flew"), 88: ("date", "2021-13"), 150: ("articles", "CC-9999")}


def _xlsx(path, bad):
    book = Workbook()
    book.active.append(HEADER)
    for i in range(200):
        row = {"name": f"Browserzhan Kestebek{i:03d}", "name_ru": f"Браузержан Кестебек{i:03d}", "gender": "m",
               "birth_year": str(1960 + i % 40), "roles": "activist", "act_type": "detained",
               "date": f"2021-{1 + i % 12:02d}", "articles": "CC-405|CC-174", "place": "Almaty",
               "source_url": f"https://example.org/browser-case/{i}"}
        if i + 2 in bad:
            key, value = bad[i + 2]
            row[key] = value
        book.active.append([row[h] for h in HEADER])
    book.save(path)
    return path


def _import(page, base, path):
    page.goto(f"{base}/import/")
    page.set_input_files("input[type=file]", str(path))
    page.click("form:has(input[name=step][value=upload]) button")
    page.wait_for_selector("input[name=step][value=preview]", state="attached")
    page.click("form:has(input[name=step][value=preview]) button")
    page.wait_for_selector("input[name=step][value=map]", state="attached")


def _no_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_kazakh_workbench_walk_and_a_phone(live_demo, live_server, browser, settings, tmp_path):  # noqa: F811
    from qorgau.analysis.models import ListEntry, PrisonerList
    from qorgau.documents.models import Document
    from qorgau.records.models import Citation, Organisation, Person

    settings.FILES_DIR = tmp_path / "files"
    base = live_server.url
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 1300}, accept_downloads=True)
    context.set_default_timeout(300_000)  # importing 200 rows through the actions is slow on a loaded machine
    page = context.new_page()
    sign_in(page, base, "alice", "password-for-alice")

    # Kazakh, chosen in the menu and remembered on the account.
    page.select_option("select[name=language]", "kk")
    page.wait_for_selector("html[lang=kk]")
    assert "Адамдар" in page.inner_text("header")  # "Persons"

    # Filter the persons list by a facet: the count and the address follow.
    page.goto(f"{base}/persons/")
    total = page.inner_text("p.count strong")
    facet = page.locator(".facets a").first
    facet.click()
    page.wait_for_url("**/persons/?*")
    assert page.inner_text("p.count strong") != total and "?" in page.url

    # Import 200 rows, 3 of them bad: each bad row is named and nothing is written; the fixed file is imported.
    persons = Person.objects.count()
    _import(page, base, _xlsx(tmp_path / "cases.xlsx", BAD))
    assert page.locator("ul.problems li").count() == 3
    assert page.locator("input[name=step][value=commit]").count() == 0
    assert Person.objects.count() == persons
    _import(page, base, _xlsx(tmp_path / "cases.xlsx", {}))
    assert page.locator("ul.problems li").count() == 0
    with page.expect_navigation():
        page.click("form:has(input[name=step][value=commit]) button")
    assert Person.objects.count() == persons + 200

    # Record an act with a perpetrator and a source (a document, its page and passage).
    victim = Person.objects.get(name="Browserzhan Kestebek007")
    police = Organisation.objects.filter(sensitivity="public").order_by("name").first()
    document = Document.objects.filter(sensitivity="public").order_by("title").first()
    page.goto(f"{base}/persons/{victim.uid}/")
    page.click(f"a[href='/acts/new/?victim={victim.uid}']")
    page.select_option("#id_act_type", "charged")
    page.fill("#id_date", "2021-06-02")
    page.fill("#id_perpetrators", f"{police.name}:prosecuted")
    page.select_option("#id_source", document.uid)
    page.fill("#id_source_page", "2")
    page.fill("#id_source_passage", "charged the activist")
    page.click("form.record button[type=submit]")
    page.wait_for_url(lambda url: f"/persons/{victim.uid}/#act_" in url)  # the new act, on the person's page
    timeline = page.inner_text("#timeline")
    assert police.name in timeline
    act = victim.acts.get(act_type="charged")
    assert act.involvements.get().perpetrator_organisation == police
    assert Citation.objects.filter(object_id=act.pk, content_type__model="act", document=document, page=2).exists()

    # Bulk: the imported persons, filtered by a search, ticked and put on a list.
    prisoner_list = PrisonerList.objects.order_by("title").first()
    page.goto(f"{base}/persons/?q=Kestebek&sort=name")
    boxes = page.locator("input[type=checkbox][form=bulk]")
    for index in range(3):
        boxes.nth(index).check()
    page.select_option("#bulk select[name=list]", prisoner_list.slug)
    page.click("#bulk-add-to-list")
    page.wait_for_selector(".messages li")
    assert ListEntry.objects.filter(prisoner_list=prisoner_list, person__name__startswith="Browserzhan").count() == 3

    # Export the filtered list as XLSX: the rows the list shows.
    page.goto(f"{base}/persons/?q=Kestebek&sort=name")
    shown = int("".join(ch for ch in page.inner_text("p.count strong") if ch.isdigit()))
    with page.expect_download() as download:
        page.click("a[href^='/export/persons.xlsx']")
    book = load_workbook(io.BytesIO(open(download.value.path(), "rb").read()), read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    assert len(rows) - 1 == shown == 200
    assert all("Kestebek" in str(row[1]) or "Kestebek" in " ".join(map(str, row)) for row in rows[1:])
    page.screenshot(path=str(ARTIFACTS / "kazakh-workbench.png"), full_page=True)

    # A phone, 390 px wide: no page is wider than the screen, the menu is collapsed until its button opens it.
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    mobile = phone.new_page()
    sign_in(mobile, base, "alice", "password-for-alice", offset=1)
    reviewed = Document.objects.filter(citations__review="suggested").distinct().first() \
        or Document.objects.filter(citations__isnull=False).first()
    for url in ("/persons/", f"/persons/{victim.uid}/", "/persons/per_tobylova/",
                f"/documents/{reviewed.uid}/review/"):
        mobile.goto(base + url)
        assert mobile.locator("#site-menu").is_hidden(), url
        assert _no_overflow(mobile), (url, mobile.evaluate("document.documentElement.scrollWidth"))
        mobile.screenshot(path=str(ARTIFACTS / f"phone{url.replace('/', '_')}.png"), full_page=True)
    mobile.click("button[data-menu-toggle]")
    assert mobile.locator("#site-menu").is_visible()
    visitor = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    visitor.goto(f"{base}/act/ua_63_18/")
    assert visitor.locator("#site-menu").is_hidden() and _no_overflow(visitor)
    visitor.screenshot(path=str(ARTIFACTS / "phone_action_page.png"), full_page=True)
