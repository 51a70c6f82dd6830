"""The main flows in a real browser: Chromium from Debian's packages, driven by Playwright.

No browser is downloaded: Playwright drives /usr/bin/chromium (QORGAU_CHROMIUM to override).
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("QORGAU_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is missing at {CHROMIUM}: .ci/run installs it with apt-get install chromium")
        pytest.skip("Chromium from Debian's packages is not installed (apt-get install -y chromium)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made here are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


def search_and_open(page, base, query, expected_name):
    page.goto(f"{base}/persons/")
    page.fill("input[name=q]", query)
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(f"#results a:text-is('{expected_name}')")
    page.click(f"#results a:text-is('{expected_name}')")
    page.wait_for_selector("h1")
    assert expected_name in page.inner_text("h1")


def sign_in(page, base, username, password, offset=0):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.conftest import totp_code

    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/login/verify/**")
    page.fill("#id_code", totp_code(TOTPDevice.objects.get(user__username=username, confirmed=True), offset))
    page.click("form.record button[type=submit]")
    page.wait_for_url(f"{base}/dashboard/")


def test_main_flows(live_demo, live_server, browser, settings, tmp_path):
    settings.FILES_DIR = tmp_path / "files"
    base = live_server.url
    ARTIFACTS.mkdir(exist_ok=True)
    staff = browser.new_context(viewport={"width": 1200, "height": 1300})
    page = staff.new_page()

    csp_errors = []
    page.on("console", lambda message: "Content Security Policy" in message.text and csp_errors.append(message.text))

    # Sign in: the password, then the code from alice's authenticator app (she is an admin, cleared).
    sign_in(page, base, "alice", "password-for-alice")
    assert "Currently deprived of liberty" in page.content()

    # Find a person by a Cyrillic and by a Latin spelling: the same person.
    search_and_open(page, base, "Тобылова", "Akmaral Tobylova")
    cyrillic_url = page.url
    search_and_open(page, base, "Tobylova", "Akmaral Tobylova")
    assert page.url == cyrillic_url

    # Open the timeline: acts in date order with their provisions.
    timeline = page.inner_text("#timeline")
    assert timeline.index("13 March 2018") < timeline.index("15 March 2018")
    assert "CC-258" in timeline and "house arrest" in timeline
    page.screenshot(path=str(ARTIFACTS / "person.png"), full_page=True)

    # Follow a citation to its document.
    page.click("#timeline a.citation >> nth=0")
    page.wait_for_selector("h1")
    assert "/documents/" in page.url
    assert "What this document supports" in page.content()
    highlighted = page.locator("tr[style*='fff7d6']")
    assert highlighted.count() == 1 and "Akmaral Tobylova" in highlighted.inner_text()

    # A cleared user sees the anonymous victims ...
    page.goto(f"{base}/persons/per_anonymous_ua63_a/")
    assert "Anonymous detainee A" in page.inner_text("h1")
    staff.close()

    # ... and an anonymous visitor is refused.
    visitor = browser.new_context().new_page()
    response = visitor.goto(f"{base}/persons/per_anonymous_ua63_a/")
    assert response.status == 404
    assert "Anonymous detainee" not in visitor.content()
    visitor.goto(f"{base}/persons/?q=anonymous")
    assert "Anonymous detainee" not in visitor.content()
    assert "Nobody matches" in visitor.content()

    # A campaigner turns a case into an Urgent Action and downloads its PDF.
    campaigner = browser.new_context(accept_downloads=True, viewport={"width": 1200, "height": 1300}).new_page()
    campaigner.on("console", lambda m: "Content Security Policy" in m.text and csp_errors.append(m.text))
    sign_in(campaigner, base, "alice", "password-for-alice", offset=1)  # a code is accepted once: the next one
    campaigner.goto(f"{base}/persons/per_ashim/")
    campaigner.click("#start-ua")
    campaigner.wait_for_selector("#id_number")
    assert campaigner.input_value("#id_persons") == "per_ashim"
    campaigner.fill("#id_deadline", "2026-12-31")
    campaigner.fill("#id_asks", "Release Ardak Ashim from the psychiatric hospital.")
    campaigner.check("input[name=targets][value=tgt_prosecutor_general_odf]")
    # Her consent to publication is not recorded: the form starts internal; the campaigner publishes knowingly.
    assert campaigner.input_value("#id_sensitivity") == "internal"
    campaigner.select_option("#id_sensitivity", "public")
    campaigner.check("#id_publish_without_consent")
    campaigner.click("form.record button[type=submit]")
    campaigner.wait_for_selector("#download-pdf")
    ua_url = campaigner.url
    ua_uid = ua_url.rstrip("/").split("/")[-1]
    with campaigner.expect_download() as download_info:
        campaigner.click("#download-pdf")
    download = download_info.value
    assert download.suggested_filename.startswith("UA-") and download.suggested_filename.endswith(".pdf")
    assert Path(download.path()).read_bytes().startswith(b"%PDF")

    # An anonymous supporter reports two letters on the public page.
    supporter = browser.new_context().new_page()
    supporter.goto(f"{base}/act/{ua_uid}/")
    assert "Ardak Ashim" in supporter.content()
    supporter.select_option("#id_channel", "letter")
    supporter.fill("#id_count", "2")
    supporter.click("#report button[type=submit]")
    supporter.wait_for_selector("#report .messages")
    assert "counted" in supporter.inner_text("#report .messages")

    # The campaigner sees the count.
    campaigner.goto(ua_url)
    assert campaigner.inner_text("td[data-channel=letter]").strip() == "2"
    campaigner.screenshot(path=str(ARTIFACTS / "urgent-action.png"), full_page=True)


    # A monitor uploads a report; it is read in the background; the reviewer accepts a proposal in its passage.
    report = tmp_path / "report.txt"
    report.write_bytes("On 3 April 2024, police in Oral detained activist Marat Seitkali. He was charged under "
                       "Article 174 of the Criminal Code.\n".encode("cp1251"))
    campaigner.goto(f"{base}/documents/upload/")
    campaigner.set_input_files("#id_file", str(report))
    campaigner.click("form.record button[type=submit]")
    campaigner.wait_for_selector("text=Read and analysed", timeout=30000)
    campaigner.click("text=Review the proposals")
    campaigner.wait_for_selector(".review")
    assert "Marat Seitkali" in campaigner.inner_text(".doc-text mark.m-person >> nth=0")
    detained = campaigner.locator(".proposal", has_text="detained").first
    detained.locator("button[value=accepted]").click()
    campaigner.wait_for_selector(".proposal.r-accepted")
    campaigner.screenshot(path=str(ARTIFACTS / "review.png"), full_page=True)

    # Nothing the pages do was refused by the Content-Security-Policy (no inline script left).
    assert csp_errors == []
