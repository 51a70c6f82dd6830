"""Custody episodes and the census: each counting rule of docs/analysis.md on small hand-made records."""

import json

import pytest

from qorgau.analysis import custody
from qorgau.analysis.custody import ActFact, episodes, on_date

from .conftest import run_cli


def act(id, act_type, date, **penalty):
    return ActFact(id=id, act_type=act_type, date=date, **penalty)


def test_a_detention_then_a_release_is_one_closed_episode():
    [episode] = episodes([act(1, "pretrial_detention", "2020-03-10"), act(2, "released", "2020-06-01")])
    assert (episode.start, episode.end, episode.end_reason, episode.evidence) == ("2020-03-10", "2020-06-01",
                                                                                  "released", [1, 2])
    assert on_date(episode, "2020-05-31").certainly
    assert on_date(episode, "2020-06-01") is None  # released that day: not in custody at its end


def test_pretrial_detention_house_arrest_and_prison_are_one_episode_that_changes_kind():
    [episode] = episodes([act(1, "pretrial_detention", "2018-01-05"), act(2, "house_arrest", "2018-03-13"),
                          act(3, "sentenced", "2018-09-01", penalty_kind="imprisonment", penalty_amount=5,
                               penalty_unit="years")])
    assert [k for k, _ in episode.kinds] == ["pretrial_detention", "house_arrest", "imprisonment"]
    assert on_date(episode, "2018-02-01").kind == "pretrial_detention"
    assert on_date(episode, "2018-06-01").kind == "house_arrest"
    assert on_date(episode, "2019-01-01").kind == "imprisonment"


def test_a_prison_term_counts_from_the_start_of_custody_and_ends_by_itself():
    [episode] = episodes([act(1, "arrested", "2016-05-17"),
                          act(2, "sentenced", "2016-11-28", penalty_kind="imprisonment", penalty_amount=5,
                               penalty_unit="years")])
    assert episode.planned_end == "2021-05-17"
    assert on_date(episode, "2021-05-16").certainly
    assert on_date(episode, "2021-05-17") is None


def test_a_release_before_the_term_ends_closes_the_episode_early():
    [episode] = episodes([act(1, "imprisoned", "2016-01-20", penalty_kind="imprisonment", penalty_amount=3,
                               penalty_unit="years"), act(2, "paroled", "2017-10-04")])
    assert (episode.end, episode.end_reason) == ("2017-10-04", "paroled")


def test_a_fixed_administrative_detention_closes_itself_after_its_days():
    [episode] = episodes([act(1, "administrative_detention", "2019-06-09", penalty_kind="administrative_detention",
                               penalty_amount=15, penalty_unit="days")])
    assert on_date(episode, "2019-06-23").certainly
    assert on_date(episode, "2019-06-24") is None


def test_a_short_police_detention_ends_within_three_days_when_nothing_follows():
    [episode] = episodes([act(1, "detained", "2019-06-09")])
    assert on_date(episode, "2019-06-11") is not None
    assert on_date(episode, "2019-06-12") is None


def test_a_detention_followed_by_remand_is_one_episode_without_the_three_day_end():
    [episode] = episodes([act(1, "detained", "2020-02-01"), act(2, "pretrial_detention", "2020-02-03")])
    assert episode.kind == "pretrial_detention" and not episode.planned_end
    assert on_date(episode, "2020-12-01").certainly


def test_two_detentions_with_a_release_between_are_two_episodes():
    found = episodes([act(1, "detained", "2019-01-01"), act(2, "released", "2019-01-02"),
                      act(3, "pretrial_detention", "2020-05-05")])
    assert [e.start for e in found] == ["2019-01-01", "2020-05-05"]


def test_death_in_custody_is_its_own_end_reason():
    [episode] = episodes([act(1, "imprisoned", "2015"), act(2, "death_in_custody", "2019-02-11")])
    assert episode.end_reason == "died"


def test_a_suspended_sentence_ends_custody_and_restricted_freedom_is_a_separate_episode():
    found = episodes([act(1, "pretrial_detention", "2017-11-10"),
                      act(2, "sentenced", "2018-10-02", penalty_kind="restriction_of_freedom", penalty_amount=2,
                          penalty_unit="years")])
    assert [(e.kind, e.end_reason) for e in found] == [("pretrial_detention", "non_custodial_sentence"),
                                                       ("restricted_freedom", "")]
    assert custody.RESTRICTED not in custody.DEPRIVATION_KINDS
    [alone] = episodes([act(1, "pretrial_detention", "2017-11-10"),
                        act(2, "sentenced", "2018-10-02", penalty_kind="suspended_sentence")])
    assert alone.end == "2018-10-02"


def test_partial_dates_give_certainly_and_possibly():
    [episode] = episodes([act(1, "pretrial_detention", "2018-03")])
    assert on_date(episode, "2018-03-15").certainly is False   # may have started after the 15th
    assert on_date(episode, "2018-04-01").certainly is True
    assert on_date(episode, "2018-02-28") is None
    [closed] = episodes([act(1, "pretrial_detention", "2017"), act(2, "released", "2018-06")])
    assert on_date(closed, "2018-06-10").certainly is False    # released sometime in June
    assert on_date(closed, "2018-05-31").certainly is True


def test_a_month_comes_after_the_days_of_that_month_unless_known_earlier():
    # "In March 2018 … released" and "13 March 2018 … detained": the detention is not undone by the release.
    [episode] = episodes([act(1, "released", "2018-03"), act(2, "detained", "2018-03-13")])
    assert episode.start == "2018-03-13" and episode.end == "2018-03"


def test_acts_without_a_date_do_not_open_episodes():
    assert episodes([act(1, "imprisoned", "")]) == []


# The census over the database -------------------------------------------------------------------------------


@pytest.fixture
def rebuilt(db):
    from qorgau.analysis.episodes import rebuild_all

    rebuild_all()


def test_census_on_demo_data_counts_people_not_acts_and_respects_levels(rebuilt, alice, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    from qorgau.analysis.census import census

    staff = census("2018-06-01", alice)
    public = census("2018-06-01", AnonymousUser())
    uids = [row.person.uid for row in staff.certain]
    assert len(uids) == len(set(uids)) == staff.count > 0
    assert "per_tobylova" in uids
    assert {row.person.uid for row in public.rows} <= {row.person.uid for row in staff.rows}
    for row in public.rows:
        assert row.person.sensitivity == "public"


def test_a_confidential_act_never_counts_in_a_public_census(rebuilt, alice):
    from django.contrib.auth.models import AnonymousUser

    from qorgau.analysis.census import census
    from qorgau.analysis.episodes import rebuild_persons
    from qorgau.records.models import Act, Person

    person = Person.objects.create(name="Test Secret Detainee", sensitivity="public")
    Act.objects.create(victim_person=person, act_type="pretrial_detention", date="2018-05-01",
                       sensitivity="confidential", review="accepted")
    rebuild_persons([person.pk])
    assert person.uid in [r.person.uid for r in census("2018-06-01", alice).rows]
    assert person.uid not in [r.person.uid for r in census("2018-06-01", AnonymousUser()).rows]


def test_saving_an_act_rebuilds_its_victims_episodes_on_commit(db, django_capture_on_commit_callbacks):
    from qorgau.analysis.models import CustodyEpisode
    from qorgau.records.models import Act, Person

    person = Person.objects.create(name="Test Person On Commit", sensitivity="internal")
    with django_capture_on_commit_callbacks(execute=True):
        Act.objects.create(victim_person=person, act_type="house_arrest", date="2020-01-02", review="accepted")
    assert CustodyEpisode.objects.filter(person=person, level="internal", kind="house_arrest").exists()
    with django_capture_on_commit_callbacks(execute=True):
        Act.objects.create(victim_person=person, act_type="released", date="2020-02-02", review="accepted")
    assert CustodyEpisode.objects.get(person=person, level="internal").end == "2020-02-02"


def test_census_command_json_and_bad_dates(data_dir):
    tmp_path = data_dir
    result = run_cli(tmp_path, "demo", "--no-serve")
    assert result.returncode == 0, result.stderr
    result = run_cli(tmp_path, "census", "--date", "2018-06-01", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["date"] == "2018-06-01" and data["count"] == len(data["persons"]) > 0
    assert {"id", "name", "custody", "since"} <= set(data["persons"][0])
    moved = json.loads(run_cli(tmp_path, "census", "--date", "2018-12-01", "--since", "2016-12-01", "--format",
                               "json").stdout)
    assert "per_tobylova" in {p["id"] for p in moved["entered"]}
    assert {"per_baidalinova": "term_served"}.items() <= {p["id"]: p["reason"] for p in moved["left"]}.items()
    for bad in ("2018-13-01", "yesterday", "2018"):
        result = run_cli(tmp_path, "census", "--date", bad)
        assert result.returncode != 0 and "Traceback" not in result.stderr and result.stderr.strip()


def test_a_persons_custody_page_shows_each_episode_with_its_evidence(client_for, alice, rebuilt):
    body = client_for(None).get("/persons/per_tobylova/custody/").content.decode()
    assert "2018-03-13" in body and "house arrest" in body.lower()
    assert client_for(None).get("/persons/per_anonymous_ua63_a/custody/").status_code == 404
