"""Statistics, census and list pages: what a researcher sees, and what an anonymous visitor must not."""

import csv
import io

import pytest

from qorgau.records import actions
from qorgau.records.models import Person, Provision

pytestmark = pytest.mark.django_db


@pytest.fixture
def rebuilt(db):
    from qorgau.analysis.episodes import rebuild_all

    rebuild_all()


def _people(alice, n, consent, article="CC-155", date="2021-02-0{}"):
    provision = Provision.objects.get(uid=article)
    made = []
    for i in range(n):
        person = actions.do_create_person(actor=alice, name=f"Statistics Person {consent} {i}", sensitivity="public",
                                          consent=consent)
        actions.do_create_act(actor=alice, victim=person, act_type="charged", date=date.format(i + 1),
                              provisions=[(provision, "charged")], sensitivity="public")
        made.append(person)
    return made


def _cell(client, table, label, **query):
    response = client.get(f"/statistics/{table}.csv", query)
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    return dict(rows[1:]).get(label)


def test_every_table_renders_with_its_own_table_and_csv_for_anyone(client_for, alice, rebuilt):
    for user in (None, alice):
        body = client_for(user).get("/statistics/").content.decode()
        for key in ("prosecutions_by_year", "cases_by_year", "by_article", "by_region", "sentences",
                    "custody_over_time", "by_group_per_month", "list_added", "list_removed"):
            assert f'id="{key}"' in body and f"/statistics/{key}.csv" in body
        assert "<script" not in body.split("<main>")[1]  # charts are drawn on the server, no script


def test_people_are_counted_once_per_article_and_unconsented_small_cells_are_withheld(client_for, alice):
    _people(alice, 3, "unknown", article="CC-155")
    anonymous, staff = client_for(None), None
    assert _cell(anonymous, "by_article", "CC-155") == "<5"          # 3 people, none consented: withheld
    staff = client_for(alice)
    assert _cell(staff, "by_article", "CC-155") == "3"                 # staff count everything they may see
    _people(alice, 2, "unknown", article="CC-155", date="2021-03-0{}")
    assert _cell(client_for(None), "by_article", "CC-155") == "5"     # five: shown


def test_a_cell_of_people_who_all_consented_is_shown_however_small(client_for, alice):
    _people(alice, 2, "granted", article="CC-182")
    assert _cell(client_for(None), "by_article", "CC-182") == "2"


def test_the_filter_bar_applies_to_every_table(client_for, alice):
    _people(alice, 2, "granted", article="CC-182", date="2021-04-0{}")
    _people(alice, 1, "granted", article="CC-155", date="2021-05-0{}")
    client = client_for(alice)
    everything = int(_cell(client, "prosecutions_by_year", "2021"))
    assert everything >= 3
    assert _cell(client, "prosecutions_by_year", "2021", article="CC-182") == "2"  # the other article is left out
    assert _cell(client, "by_article", "CC-155", article="CC-182") is None
    assert _cell(client, "prosecutions_by_year", "2021", date_to="2020-12-31") is None


def test_internal_people_never_reach_public_statistics(client_for, alice):
    person = actions.do_create_person(actor=alice, name="Internal Statistics Person", sensitivity="internal",
                                      consent="granted")
    actions.do_create_act(actor=alice, victim=person, act_type="charged", date="2031-01-05",
                          provisions=[(Provision.objects.get(uid="CC-174"), "charged")], sensitivity="public")
    assert _cell(client_for(None), "prosecutions_by_year", "2031") is None
    assert _cell(client_for(alice), "prosecutions_by_year", "2031") == "1"


def test_census_page_names_who_was_held_and_hides_what_the_reader_may_not_see(client_for, alice, carol, rebuilt):
    from qorgau.analysis.episodes import rebuild_persons

    secret = actions.do_create_person(actor=alice, name="Census Secret Person", sensitivity="confidential")
    actions.do_create_act(actor=alice, victim=secret, act_type="pretrial_detention", date="2018-05-01")
    rebuild_persons([secret.pk])
    for user in (None, carol):
        body = client_for(user).get("/census/", {"date": "2018-06-01"}).content.decode()
        assert "Akmaral Tobylova" in body and "Census Secret Person" not in body
    assert "Census Secret Person" in client_for(alice).get("/census/", {"date": "2018-06-01"}).content.decode()
    bad = client_for(None).get("/census/", {"date": "2018-02-30"})
    assert bad.status_code == 200 and "not a day" in bad.content.decode()


def test_public_list_shows_entries_as_of_a_date_and_who_left(client_for, alice):
    client = client_for(None)
    body = client.get("/lists/").content.decode()
    assert "/lists/amnesty-prisoners-of-conscience/" in body
    current = client.get("/lists/amnesty-prisoners-of-conscience/", {"as_of": "2018-04-01"}).content.decode()
    assert "Akmaral Tobylova" in current
    before = client.get("/lists/amnesty-prisoners-of-conscience/", {"as_of": "2016-01-01"}).content.decode()
    assert "Akmaral Tobylova" not in before


def test_list_entries_change_only_through_audited_actions(alice):
    from django.core.exceptions import ValidationError

    from qorgau.analysis.actions import do_remove_list_entry
    from qorgau.analysis.models import ListEntry
    from qorgau.audit.models import AuditEntry

    entry = ListEntry.objects.get(person__uid="per_tobylova")
    do_remove_list_entry(entry, actor=alice, date_removed="2019-01-10", reason="released")
    assert AuditEntry.objects.filter(record_uid=entry.uid, verb="update").exists()
    with pytest.raises(ValidationError):
        do_remove_list_entry(entry, actor=alice, date_removed="2019-01-10", reason="bored")
    with pytest.raises(ValidationError):
        do_remove_list_entry(entry, actor=alice, date_removed="2001-01-01", reason="released")


def test_an_editor_saves_a_view_that_each_reader_sees_computed_at_their_own_level(client_for, alice, bob, carol):
    from qorgau.analysis.models import SavedChart

    assert client_for(carol).post("/statistics/charts/save/", {"table": "by_article", "title": "x"}).status_code == 403
    response = client_for(bob).post("/statistics/charts/save/", {"table": "by_article", "title": "Charges under 174",
                                                                 "article": "CC-174"})
    chart = SavedChart.objects.get(title="Charges under 174")
    assert response.status_code == 302 and chart.filters == {"article": "CC-174"} and not chart.public
    assert client_for(None).get(f"/statistics/charts/{chart.public_id}/").status_code == 404  # not listed publicly
    staff_page = client_for(carol).get(f"/statistics/charts/{chart.public_id}/embed/").content.decode()
    assert "Charges under 174" in staff_page and "CC-174" in staff_page and "<nav>" not in staff_page
    SavedChart.objects.filter(pk=chart.pk).update(public=True)
    public_page = client_for(None).get(f"/statistics/charts/{chart.public_id}/").content.decode()
    assert "Charges under 174" in public_page


def test_census_page_counts_everyone_and_names_them_a_page_at_a_time(client_for, alice, rebuilt, monkeypatch):
    from qorgau.analysis import views
    from qorgau.analysis.census import census

    client = client_for(alice)
    everyone = [row.person.name for row in census("2018-06-01", alice).certain]
    assert len(everyone) >= 3  # the demo holds several people on that day
    monkeypatch.setattr(views, "CENSUS_PAGE", 2)
    seen = []
    for number in range(1, len(everyone) + 1):
        response = client.get("/census/", {"date": "2018-06-01", "page": number})
        assert response.context["result"].count == len(everyone)  # the count is of everyone, on every page
        page = [row.person.name for row in response.context["rows"]]
        assert len(page) <= 2
        seen += page
        if not response.context["page"].has_next():
            break
        assert f"date=2018-06-01&amp;page={number + 1}" in response.content.decode()
    assert seen == everyone  # every name once, in order, across the pages


def test_the_statistics_page_served_from_its_cache_follows_a_change_and_never_crosses_readers(client_for, alice):
    """Tables and their rendered HTML are cached per level and filter until a record changes: a new person shows
    at once, and a signed-in reader's unwithheld cell never reaches an anonymous visitor through the cache."""
    import re

    def cell(client):
        body = client.get("/statistics/", {"article": "CC-155"}).content.decode()
        section = body.split('id="by_article"')[1].split("</section>")[0]
        match = re.search(r"<td>CC-155</td><td class=\"num\">(.*?)</td>", section)
        return match and re.sub(r"<[^>]+>", "", match.group(1)).strip()

    _people(alice, 3, "unknown", article="CC-155")
    assert cell(client_for(alice)) == "3"
    assert cell(client_for(None)) == "&lt; 5"
    _people(alice, 1, "unknown", article="CC-155", date="2021-04-0{}")
    assert cell(client_for(alice)) == "4"
    assert cell(client_for(None)) == "&lt; 5"


def test_people_in_custody_over_time_counts_each_month_as_the_census_rule_does(alice):
    """Generated episodes with partial dates, open and closed: each month's figure is the number certainly held on
    its first day (whole start range by then, end range after it), however the months are counted."""
    import random

    from qorgau.analysis.custody import date_range
    from qorgau.analysis.models import CustodyEpisode
    from qorgau.analysis.statistics import Filters, custody_over_time, visible_acts

    rng = random.Random(5)
    made = []
    for i in range(40):
        consent = rng.choice(["granted", "unknown"])
        person = actions.do_create_person(actor=alice, name=f"Over Time {i}", sensitivity="public", consent=consent)
        actions.do_create_act(actor=alice, victim=person, act_type="summoned", date="2020-01-01",
                              sensitivity="public")
        start = rng.choice(["2019", "2019-05", "2019-05-17", "2020-02", "2020-03-03"])
        end = rng.choice(["", "2020", "2020-06", "2020-04-02", "2021-01-15"])
        start_lo, start_hi = date_range(start)
        end_lo, end_hi = date_range(end) if end else ("", "")
        CustodyEpisode.objects.create(person=person, level="confidential", kind="pretrial_detention",
                                      kinds=[["pretrial_detention", start]], start=start, start_lo=start_lo,
                                      start_hi=start_hi, end=end, end_lo=end_lo, end_hi=end_hi)
        made.append((start_hi, end_lo, consent))
    filters = Filters(date_from="2019-01-01", date_to="2021-06-30")
    table = custody_over_time(alice, filters, visible_acts(alice, filters).filter(victim_person__name__startswith=
                                                                                   "Over Time"), public=False)
    assert len(table.rows) == 30
    for month, value in table.rows:
        day = f"{month}-01"
        expected = sum(1 for start_hi, end_lo, _c in made if start_hi <= day and (not end_lo or end_lo > day))
        assert value == expected, month
    assert any(value for _m, value in table.rows) and len({value for _m, value in table.rows}) > 3
