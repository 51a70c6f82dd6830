"""Session 12 outsider review of issue 13 (the analysis half): the gaps found by following the README, each with a
test that failed before its fix (notes: /work/notes/h22-review13.md)."""

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("day", ["0001-01-01", "0003-06-30"])
def test_census_in_the_first_years_of_the_era_answers_instead_of_crashing(client, day, capsys):
    """A census date within QORGAU_CUSTODY_UNVERIFIED_YEARS of year 1 crashed (ValueError: year -2 is out of range):
    a traceback from the command and a server error from the page. Nobody recorded is in custody then."""
    call_command("census", "--date", day, "--format", "json")
    assert '"count": 0' in capsys.readouterr().out
    response = client.get("/census/", {"date": day})
    assert response.status_code == 200
    response = client.get("/census/", {"date": "2018-12-01", "since": day})
    assert response.status_code == 200


@pytest.mark.parametrize("bound", ["foo", "2018-13-45", "2018-02-30"])
@pytest.mark.parametrize("name", ["date_from", "date_to"])
def test_statistics_with_a_bound_that_is_not_a_date_says_so(client, name, bound):
    """/statistics/?date_from=foo was a server error (ValueError in the custody table); "2018-13-45" was compared
    as text and silently counted. Now the page answers, says what is wrong, and counts without that bound."""
    response = client.get("/statistics/", {name: bound})
    assert response.status_code == 200
    page = response.content.decode()
    assert f"“{bound}”" in page and 'class="error"' in page
    unfiltered = client.get("/statistics/by_article.csv").content
    assert client.get("/statistics/by_article.csv", {name: bound}).content == unfiltered


def test_briefing_filter_with_a_bad_date_is_refused_with_a_message(tmp_path):
    out = tmp_path / "b.docx"
    with pytest.raises(CommandError, match="not a date"):
        call_command("briefing", "--filter", "date_from=foo", "-o", str(out))
    assert not out.exists()


def test_a_russian_briefing_names_penalties_and_custody_in_russian(alice):
    """`qorgau briefing --lang ru` wrote "Наказание: imprisonment: 5 years." and "лишён(а) свободы (house arrest)":
    labels of the interface left in English inside Russian sentences."""
    from qorgau.analysis.briefing import build_briefing
    from qorgau.records.models import Person

    persons = [Person.objects.get(uid=uid) for uid in ("per_tobylova", "per_bokaev")]
    texts = " ".join(fact.text for fact in build_briefing(persons, alice, "ru", today="2018-12-01").facts)
    assert "лишение свободы: 5 лет" in texts
    assert "(домашний арест)" in texts
    for english in ("imprisonment", "house arrest", "years", "days"):
        assert english not in texts
    english_texts = " ".join(fact.text for fact in build_briefing(persons, alice, "en", today="2018-12-01").facts)
    assert "imprisonment: 5 years" in english_texts and "(house arrest)" in english_texts


def test_census_and_custody_pages_name_kinds_and_end_reasons_in_words(client):
    """The census page and a person's custody page printed the stored codes ("house_arrest", "term_served",
    "police_custody") instead of words, in every language."""
    census = client.get("/census/", {"date": "2018-12-01"}).content.decode()
    custody = client.get("/persons/per_bokaev/custody/").content.decode()
    for page in (census, custody):
        assert not any(code in page for code in ("house_arrest", "pretrial_detention", "police_custody",
                                                 "term_served", "administrative_detention"))
    assert "house arrest" in census and "term served" in custody and "pre-trial detention" in custody
    russian = client.get("/persons/per_bokaev/custody/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "срок отбыт" in russian and "лишение свободы" in russian


def test_the_demo_publishes_an_open_data_snapshot_so_the_page_offers_one_on_first_run(data_dir):
    """Issue 13 item 7: every page shows something on first run. After `qorgau demo` the open-data page said "No
    snapshot has been published yet." until an admin published one."""
    import zipfile

    from .conftest import run_cli

    result = run_cli(data_dir, "demo", "--no-serve")
    assert result.returncode == 0, result.stderr
    snapshots = list((data_dir / "opendata").glob("qorgau-opendata-*.zip"))
    assert len(snapshots) == 1
    with zipfile.ZipFile(snapshots[0]) as bundle:
        assert {"datapackage.json", "persons.csv", "qorgau-opendata.xlsx"} <= set(bundle.namelist())
        assert "per_tobylova" in bundle.read("persons.csv").decode()
    again = run_cli(data_dir, "demo", "--no-serve")
    assert "open-data snapshot" not in again.stdout  # kept, not written again
    verify = run_cli(data_dir, "audit", "verify")
    assert verify.returncode == 0 and "intact" in verify.stdout


LIST = "/lists/amnesty-prisoners-of-conscience/"


def _changes(page):
    """The text of the list page's "Changes since" part."""
    import re

    part = page.split("Changes since", 1)[1].split("</ul>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part))


@pytest.mark.parametrize("as_of, since", [("2021-12-01", "2020-12-01"), ("2021-12-02", "2021-12-01"),
                                          ("2018-01-15", "2017-12-01")])
def test_the_public_list_counts_changes_since_the_last_census_date_by_default(client, as_of, since):
    """Issue 13 item 6: the public list shows "changes since the last census". It showed who had ever left the
    list, with no period and nobody added. By default the period starts at the last 1 December before the day."""
    page = client.get(LIST, {"as_of": as_of}).content.decode()
    assert f"Changes since {since}" in page
    assert f'name="since" value="{since}"' in page


def test_list_changes_name_people_as_the_reader_may_and_count_the_rest(client_for, alice):
    """Maks Bokaev and Talgat Ayan (no recorded consent) left the demo list on 2021-05-17; Akmaral Tobylova (consent
    granted) joined on 2018-03-27. The public reads her name and counts the others only in small-cell form; staff
    read every name and the reason."""
    public = _changes(client_for(None).get(LIST, {"as_of": "2021-12-01", "since": "2016-01-01"}).content.decode())
    assert "2016-01-01" in public and "+ Akmaral Tobylova — 2018-03-27" in public
    assert "Bokaev" not in public and "Ayan" not in public and "removed: &lt; 5" in public
    staff = _changes(client_for(alice).get(LIST, {"as_of": "2021-12-01", "since": "2016-01-01"}).content.decode())
    assert "added: 3" in staff and "removed: 2" in staff
    assert "− Maks Bokaev — 2021-05-17, Released" in staff
    later = _changes(client_for(alice).get(LIST, {"as_of": "2021-12-01", "since": "2021-06-01"}).content.decode())
    assert "added: 0" in later and "removed: 0" in later


def _public_chart():
    from qorgau.analysis.models import SavedChart

    return SavedChart.objects.create(title="People by year", table="prosecutions_by_year", filters={}, kind="bar",
                                     public=True, created_by="alice")


def test_a_saved_charts_embeddable_page_may_be_framed_by_our_own_pages_and_no_other_page_may(client):
    """Issue 13 item 3: saved charts an editor can embed in a page. The embeddable page was sent with
    X-Frame-Options DENY and frame-ancestors 'none' like every page, so no browser would show it in a frame."""
    chart = _public_chart()
    embed = client.get(f"/statistics/charts/{chart.public_id}/embed/")
    assert embed.status_code == 200 and "<form" not in embed.content.decode()
    assert "frame-ancestors 'self'" in embed["Content-Security-Policy"]
    assert embed["X-Frame-Options"] == "SAMEORIGIN"
    page = client.get(f"/statistics/charts/{chart.public_id}/")
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"] and page["X-Frame-Options"] == "DENY"
    assert client.get("/statistics/")["X-Frame-Options"] == "DENY"


def test_other_sites_may_frame_a_chart_when_named_in_the_setting(client, settings):
    settings.QORGAU_EMBED_ORIGINS = ["https://ngo.example"]
    embed = client.get(f"/statistics/charts/{_public_chart().public_id}/embed/")
    assert "frame-ancestors 'self' https://ngo.example" in embed["Content-Security-Policy"]
    assert "X-Frame-Options" not in embed  # the CSP decides: X-Frame-Options cannot name another site


def test_a_briefing_from_the_web_with_a_bad_date_in_its_filter_says_so_and_writes_nothing(client_for, alice):
    """The web form's filter dropped a bound that is not a date and wrote a briefing on everyone instead."""
    response = client_for(alice).post("/briefings/", {"use_filter": "on", "date_from": "2018-13-45",
                                                      "format": "docx", "lang": "en"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert "“2018-13-45” has no month 13." in response.content.decode()


@pytest.mark.parametrize("as_of, message", [("garbage", "“garbage” is not a date."),
                                            ("2018-13-01", "“2018-13-01” has no month 13.")])
def test_the_list_page_says_when_as_of_is_not_a_date(client, as_of, message):
    """It showed today's list without a word, as if the date had been read."""
    page = client.get(LIST, {"as_of": as_of}).content.decode()
    assert f'<p class="error">{message}' in page


def test_a_persons_custody_page_names_the_place_of_custody_the_reader_may_see(client_for, alice):
    """Issue 13 item 2: episodes with "place/facility". The episodes kept their place, but the custody page never
    showed it."""
    from qorgau.records.models import Place

    clinic = "Regional psychoneurological clinic, Shymkent"
    assert clinic in client_for(None).get("/persons/per_ashim/custody/").content.decode()
    Place.objects.filter(uid="plc_shymkent_psychiatric_clinic").update(sensitivity="confidential")
    assert clinic not in client_for(None).get("/persons/per_ashim/custody/").content.decode()
    assert clinic in client_for(alice).get("/persons/per_ashim/custody/").content.decode()


def test_an_editor_takes_a_person_off_a_list_from_the_web_saying_why(client_for, bob, carol):
    """Issue 13 item 1: entries have a date removed and why, and changing one is an audited action. The web could
    add people to a list (bulk) but never remove one: only the command line's import could."""
    from qorgau.analysis.models import ListEntry
    from qorgau.audit.models import AuditEntry

    entry = ListEntry.objects.get(person__uid="per_tobylova")
    url = f"/lists/entries/{entry.uid}/remove/"
    assert client_for(None).get(LIST).content.decode().count('name="date_removed"') == 0
    assert f'action="{url}"' in client_for(bob).get(LIST).content.decode()
    assert client_for(carol).post(url, {"date_removed": "2019-01-10", "reason": "released"}).status_code == 403
    editor = client_for(bob)
    for bad, message in (({"date_removed": "2019-01-10", "reason": "bored"}, "Say why"),
                         ({"date_removed": "2001-01-01", "reason": "released"}, "before joining"),
                         ({"date_removed": "2019-13-01", "reason": "released"}, "has no month 13"),
                         ({"date_removed": "", "reason": "released"}, "Choose a day.")):
        page = editor.post(url, bad, follow=True).content.decode()
        assert message in page
        entry.refresh_from_db()
        assert entry.date_removed == "" and entry.removal_reason == ""
    editor.post(url, {"date_removed": "2019-01-10", "reason": "released"})
    entry.refresh_from_db()
    assert (entry.date_removed, entry.removal_reason) == ("2019-01-10", "released")
    assert AuditEntry.objects.filter(record_uid=entry.uid, verb="update", actor=bob).exists()
    public = client_for(None).get(LIST, {"as_of": "2019-06-01"}).content.decode()
    assert "Akmaral Tobylova</a> — 2019-01-10, Released" in public


def test_a_briefing_summarises_custody_that_has_ended_and_footnotes_it(alice):
    """Issue 13 item 4: "per case a summary written from the record". Only someone in custody on the day got one:
    Maks Bokaev, whose five-year term ended in 2021, had a timeline and no summary."""
    from qorgau.analysis.briefing import build_briefing
    from qorgau.records.models import Person

    bokaev = Person.objects.get(uid="per_bokaev")
    case = build_briefing([bokaev], alice, "en", today="2024-01-01").cases[0]
    assert [f.text for f in case.summary] == [
        "Maks Bokaev was deprived of liberty (imprisonment) from 2016-05-17 to 2021-05-17 (term served)."]
    assert case.summary[0].sources
    russian = build_briefing([bokaev], alice, "ru", today="2024-01-01").cases[0]
    assert "срок отбыт" in russian.summary[0].text
    held = build_briefing([bokaev], alice, "en", today="2018-12-01").cases[0]  # still held that day
    assert held.summary[0].text.startswith("Maks Bokaev has been deprived of liberty (imprisonment) since")


def test_an_editor_changes_an_entrys_status_and_criteria_from_the_web_and_a_stale_form_writes_nothing(
        client_for, bob, carol):
    """Issue 13 item 1: "Changing an entry is an audited action." The web could add and remove entries but not
    change one's status or the criteria found met; a second editor's form read before the first one's change must
    not undo it."""
    from qorgau.analysis.models import ListEntry
    from qorgau.audit.models import AuditEntry

    entry = ListEntry.objects.get(person__uid="per_tobylova")
    url = f"/lists/entries/{entry.uid}/change/"
    codes = sorted(entry.prisoner_list.criteria_set.items.values_list("code", flat=True))
    assert sorted(entry.criteria_met.values_list("code", flat=True)) == codes  # the demo entry meets them all
    assert f'action="{url}"' not in client_for(None).get(LIST).content.decode()
    assert f'action="{url}"' in client_for(bob).get(LIST).content.decode()
    from qorgau.records.actions import edit_token

    read_at, read = entry.version, edit_token(entry, bob)
    assert client_for(carol).post(url, {"status": "persecuted", "version": read}).status_code == 403

    editor = client_for(bob)
    for bad, message in (({"status": "hero", "criteria": codes[:1]}, "Choose a status"),
                         ({"status": "persecuted", "criteria": ["zz"]}, "Choose criteria of this list")):
        page = editor.post(url, dict(bad, version=read), follow=True).content.decode()
        assert message in page
        entry.refresh_from_db()
        assert entry.version == read_at and entry.status != "persecuted"

    editor.post(url, {"status": "persecuted", "criteria": codes[1:], "version": read})
    entry.refresh_from_db()
    assert entry.status == "persecuted"
    assert sorted(entry.criteria_met.values_list("code", flat=True)) == codes[1:]
    assert AuditEntry.objects.filter(record_uid=entry.uid, verb="update", actor=bob).exists()
    assert AuditEntry.objects.filter(record_uid=entry.uid, verb="link", actor=bob).exists()

    # A second form, read before that change, would set it back: refused, nothing written, the change named.
    page = editor.post(url, {"status": "political_prisoner", "criteria": codes, "version": read},
                       follow=True).content.decode()
    assert "nothing was written" in page and "status" in page
    entry.refresh_from_db()
    assert entry.status == "persecuted"
    assert sorted(entry.criteria_met.values_list("code", flat=True)) == codes[1:]


def test_open_data_names_its_licence_and_refuses_one_nobody_can_look_up(tmp_path, client_for, settings):
    """Issue 13 item 5: "licence configurable". `--license` took any text (a typo published the data under a licence
    that does not exist) and the open-data page did not say under which licence the data may be reused."""
    import json

    from django.core.checks import run_checks

    target = tmp_path / "out"
    with pytest.raises(CommandError, match="Unknown licence 'CC-BY-4'"):
        call_command("opendata", "-o", str(target), "--license", "CC-BY-4")
    assert not target.exists()  # nothing written
    call_command("opendata", "-o", str(target), "--license", "odbl-1.0")
    licence = json.loads((target / "datapackage.json").read_text())["licenses"]
    assert licence == [{"name": "ODbL-1.0", "title": "Open Data Commons Open Database License v1.0",
                        "path": "https://opendatacommons.org/licenses/odbl/1-0/"}]
    page = client_for(None).get("/statistics/opendata/").content.decode()
    assert 'rel="license">Creative Commons Attribution 4.0 International</a> (CC-BY-4.0)' in page
    settings.QORGAU_OPENDATA_LICENSE = "my own licence"
    assert [e.id for e in run_checks() if e.id == "analysis.E002"] == ["analysis.E002"]


def test_the_web_briefing_puts_in_the_saved_charts_chosen_at_the_readers_level(client_for, alice):
    """Issue 13 item 3: saved chart definitions "that an editor can embed in a page or a briefing". Only the command
    line (`briefing --chart N`) could put one in a briefing; the web form had no way to choose one."""
    import io
    import zipfile

    from qorgau.analysis.models import SavedChart

    shared = SavedChart.objects.create(title="People by article (for the dialogue)", table="by_article", public=True)
    internal = SavedChart.objects.create(title="Prosecutions by year (internal)", table="prosecutions_by_year")
    staff = client_for(alice)
    form = staff.get("/briefings/").content.decode()
    assert f'name="chart" value="{shared.public_id}"' in form and f'name="chart" value="{internal.public_id}"' in form

    def document(response):
        return zipfile.ZipFile(io.BytesIO(response.content)).read("word/document.xml").decode()

    both = staff.post("/briefings/", {"persons": "per_tobylova", "chart": [shared.public_id, internal.public_id],
                                      "format": "docx", "lang": "en"})
    assert both["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "People by article (for the dialogue)" in document(both) and "Prosecutions by year (internal)" in document(both)
    # A public briefing may not carry a staff-only chart: refused, said, no file.
    refused = staff.post("/briefings/", {"persons": "per_tobylova", "chart": [internal.public_id], "public": "on",
                                         "format": "docx", "lang": "en"})
    assert refused["Content-Type"].startswith("text/html") and "No such saved chart." in refused.content.decode()
    unknown = staff.post("/briefings/", {"persons": "per_tobylova", "chart": ["99999"], "format": "docx"})
    assert "No such saved chart." in unknown.content.decode()
