"""Public analysis names only people who granted consent to publication; it counts the others, and a small
public count that holds them is withheld (docs/analysis.md, "Privacy of aggregates")."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from qorgau.analysis import actions as list_actions
from qorgau.analysis.episodes import rebuild_all
from qorgau.analysis.models import PrisonerList
from qorgau.analysis.selection import SelectionError, persons_for
from qorgau.records import actions
from qorgau.records.models import Person

pytestmark = pytest.mark.django_db


def _detained(alice, name, consent, date="2019-05-01"):
    person = actions.do_create_person(actor=alice, name=name, sensitivity="public", consent=consent)
    actions.do_create_act(actor=alice, victim=person, act_type="pretrial_detention", date=date, sensitivity="public",
                          review="accepted")
    return person


@pytest.fixture
def people(alice):
    granted = _detained(alice, "Consented Karimova", "granted")
    unknown = _detained(alice, "Unrecorded Seitkali", "unknown")
    rebuild_all()
    return granted, unknown


def test_the_public_census_names_only_people_who_consented(client_for, alice, people):
    granted, unknown = people
    anonymous = client_for(None).get("/census/", {"date": "2019-06-01"}).content.decode()
    assert "Consented Karimova" in anonymous and "Unrecorded Seitkali" not in anonymous
    assert "counted but not named" in anonymous
    staff = client_for(alice).get("/census/", {"date": "2019-06-01"}).content.decode()
    assert "Unrecorded Seitkali" in staff


def test_a_small_public_count_holding_someone_unnamed_is_withheld(client_for, alice, people, settings):
    settings.QORGAU_MIN_PUBLIC_CELL = 1000
    body = client_for(None).get("/census/", {"date": "2019-06-01"}).content.decode()
    assert "&lt; 1000" in body and "too small to show" in body
    settings.QORGAU_MIN_PUBLIC_CELL = 1
    body = client_for(None).get("/census/", {"date": "2019-06-01"}).content.decode()
    assert "&lt; 1" not in body and "counted but not named" in body


def test_the_census_command_in_public_names_only_people_who_consented(alice, people, settings):
    out = io.StringIO()
    call_command("census", date="2019-06-01", format="json", public=True, stdout=out)
    data = json.loads(out.getvalue())
    names = [p["name"] for p in data["persons"]]
    assert "Consented Karimova" in names and "Unrecorded Seitkali" not in names
    assert data["count"] is None or data["count"] >= settings.QORGAU_MIN_PUBLIC_CELL
    out = io.StringIO()
    call_command("census", date="2019-06-01", format="csv", public=True, stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {r["name"] for r in rows} >= {"Consented Karimova"} and "Unrecorded Seitkali" not in out.getvalue()
    out = io.StringIO()
    call_command("census", date="2019-06-01", format="json", stdout=out)  # staff: everyone, named
    assert "Unrecorded Seitkali" in out.getvalue()


def test_the_public_list_names_only_people_who_consented(client_for, alice, people):
    granted, unknown = people
    prisoner_list = PrisonerList.objects.first()
    for person in (granted, unknown):
        list_actions.do_add_list_entry(prisoner_list, person=person, status="political_prisoner",
                                       date_added="2019-05-02", actor=alice, sensitivity="public")
    url = f"/lists/{prisoner_list.slug}/"
    body = client_for(None).get(url, {"as_of": "2019-06-01"}).content.decode()
    assert "Consented Karimova" in body and "Unrecorded Seitkali" not in body and "not named" in body
    assert "Unrecorded Seitkali" in client_for(alice).get(url, {"as_of": "2019-06-01"}).content.decode()


def test_a_public_briefing_never_names_someone_without_consent(alice, people):
    from django.contrib.auth.models import AnonymousUser

    granted, unknown = people
    with pytest.raises(SelectionError, match="Consent to publication is not recorded"):
        persons_for(AnonymousUser(), uids=[unknown.uid])
    assert persons_for(AnonymousUser(), uids=[granted.uid]) == [granted]
    assert persons_for(alice, uids=[unknown.uid]) == [unknown]


def test_open_data_holds_only_people_who_consented_and_their_acts(tmp_path, alice, people):
    from qorgau.analysis.opendata import write_package

    write_package(tmp_path, as_of="2026-11-23")
    everything = "\n".join(p.read_text() for p in tmp_path.glob("*.csv"))
    granted, unknown = people
    assert granted.uid in everything and unknown.uid not in everything and "Unrecorded Seitkali" not in everything
    with open(tmp_path / "persons.csv") as handle:
        assert {p["consent"] for p in csv.DictReader(handle)} == {"granted"}
    assert Person.objects.filter(consent="unknown", sensitivity="public").exists()  # they exist, just unnamed


def test_a_small_public_count_of_restricted_freedom_holding_someone_unnamed_is_withheld(client_for, alice, settings):
    for name, consent in (("Restricted Granted", "granted"), ("Restricted Unrecorded", "unknown")):
        person = actions.do_create_person(actor=alice, name=name, sensitivity="public", consent=consent)
        actions.do_create_act(actor=alice, victim=person, act_type="sentenced", date="2019-05-01",
                              penalty_kind="restriction_of_freedom", penalty_amount=2, penalty_unit="years",
                              sensitivity="public", review="accepted")
    rebuild_all()
    settings.QORGAU_MIN_PUBLIC_CELL = 1000
    body = client_for(None).get("/census/", {"date": "2019-06-01"}).content.decode()
    line = next(part for part in body.split("<p") if "Restricted freedom, not counted above" in part)
    assert "&lt; 1000" in line and ": 2<" not in line  # the count of two holding an unnamed person is withheld
    staff = client_for(alice).get("/census/", {"date": "2019-06-01"}).content.decode()
    line = next(part for part in staff.split("<p") if "Restricted freedom, not counted above" in part)
    assert ": 2</p>" in line
