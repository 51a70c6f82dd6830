"""Real concurrency on PostgreSQL (two connections, two threads, the web views): two reviewers judging one pair
at once, two editors adding one person to a list at once. Nothing is lost or doubled; the one who came second is
told so, and nothing of theirs is recorded.

SQLite serialises every writer on one database lock, so the races below cannot happen there: these tests run on
PostgreSQL (`DATABASE_URL=postgres:///… pytest tests/test_concurrent_judgements.py`; CI runs the suite on both).
"""

import threading
import time

import pytest
from django.db import connection
from django.test import Client

from qorgau.accounts.models import Role, User
from qorgau.records import actions

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _postgresql(live_demo):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers: run with DATABASE_URL=postgres:///…")


MESSAGES = ("Judgement recorded", "your judgement was not recorded", "nothing was merged", "Added to")


def _reviewers():
    return [User.objects.get_or_create(username=f"race-reviewer-{n}",
                                       defaults={"role": Role.ADMIN, "cleared_confidential": True})[0]
            for n in (1, 2)]


def _race(posts, monkeypatch, module, name):
    """Run the posts (user, url, data) at once from two threads, each on its own connection. Both pass every read
    before either writes: each waits for the other at `module.name` (called after the view read what it acts on),
    and each write is held open a moment so that the other arrives while it is under way."""
    barrier = threading.Barrier(len(posts))
    original = getattr(module, name)

    def meeting(*args, **kwargs):
        barrier.wait(timeout=20)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, meeting)
    answers = [None] * len(posts)

    def one(index, user, url, data):
        try:
            client = Client()
            client.force_login(user)
            response = client.post(url, data, follow=True)
            # The messages shown, read from the page (the test client's captured contexts are shared by threads).
            body = response.content.decode()
            answers[index] = (response.status_code, [m for m in MESSAGES if m in body], body)
        finally:
            connection.close()

    threads = [threading.Thread(target=one, args=(i, *post)) for i, post in enumerate(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


def _slow(monkeypatch, module, name, seconds=0.4):
    original = getattr(module, name)

    def slow(*args, **kwargs):
        result = original(*args, **kwargs)
        time.sleep(seconds)  # the transaction stays open: the other reviewer arrives now
        return result

    monkeypatch.setattr(module, name, slow)


@pytest.mark.parametrize("decisions", [("same", "same"), ("same", "different"), ("different", "unsure")])
def test_two_reviewers_judging_one_pair_at_once_record_one_judgement(decisions, monkeypatch):
    from qorgau.resolution import views
    from qorgau.resolution.models import Candidate, Judgement, Merge

    left = actions.do_create_person(actor="setup", name="Race Pair Left", sensitivity="public", consent="granted")
    right = actions.do_create_person(actor="setup", name="Race Pair Right", sensitivity="public", consent="granted")
    candidate = Candidate.objects.create(left=left, right=right, score=0.9)
    versions = f"{actions.edit_token(left, None)}:{actions.edit_token(right, None)}"  # all public: any reader's
    _slow(monkeypatch, views.actions, "do_judge")
    answers = _race([(user, f"/resolution/{candidate.public_id}/judge/", {"decision": decision, "versions": versions})
                     for user, decision in zip(_reviewers(), decisions)], monkeypatch, views, "_judged_as_read")
    assert all(answer[0] == 200 for answer in answers), [a[:2] for a in answers]
    judgements = list(Judgement.objects.filter(left_uid=left.uid, right_uid=right.uid))
    assert len(judgements) == 1, [(j.decision, j.actor_label) for j in judgements]  # one, not two
    assert Merge.objects.filter(kept__in=[left, right]).count() == (1 if judgements[0].decision == "same" else 0)
    said = [" ".join(answer[1]) for answer in answers]
    assert sum("Judgement recorded" in m for m in said) == 1, (said, [(j.decision, j.actor_label) for j in judgements])
    loser = next(m for m in said if "Judgement recorded" not in m)
    assert "not recorded" in loser or "nothing was merged" in loser, said  # the one who came second is told


def test_two_editors_adding_one_person_to_a_list_at_once_add_one_entry(monkeypatch):
    from qorgau.analysis.models import ListEntry, PrisonerList
    from qorgau.web import actions as bulk_actions

    person = actions.do_create_person(actor="setup", name="Race List Person", sensitivity="public", consent="granted")
    prisoner_list = PrisonerList.objects.first()
    _slow(monkeypatch, bulk_actions, "_bulk_entry")
    posts = [(user, "/bulk/", {"kind": "person", "op": "add_to_list", "uid": person.uid, "list": prisoner_list.slug,
                               "date": date})
             for user, date in zip(_reviewers(), ("2024-01-01", "2024-01-02"))]
    answers = _race(posts, monkeypatch, bulk_actions, "do_bulk_add_to_list")
    assert all(answer[0] == 200 for answer in answers), [a[:2] for a in answers]
    entries = ListEntry.objects.filter(person=person, prisoner_list=prisoner_list, date_removed="")
    assert entries.count() == 1, list(entries.values_list("date_added", flat=True))  # one entry, not two
    import re

    added = sorted(re.search(r"Added to [^<]*: (\d+)\.", body).group(1) for _status, _messages, body in answers)
    assert added == ["0", "1"], added  # the second is told none was added


def test_two_imports_of_one_list_at_once_add_each_entry_and_each_new_person_once(monkeypatch, tmp_path):
    """Two editors import the same file into one list at once (`qorgau import-list` twice): a row naming one of our
    persons gives one entry, a row naming no one gives one new person, not two (session 8 audit)."""
    from qorgau.analysis import listimport
    from qorgau.analysis.models import ListEntry, PrisonerList
    from qorgau.records.models import Person
    from qorgau.records.policy import SYSTEM

    known = actions.do_create_person(actor="setup", name="Raceknown Aidar", sensitivity="public", consent="granted")
    prisoner_list = PrisonerList.objects.first()
    path = tmp_path / "list.csv"
    path.write_text("name,date,status\nRaceknown Aidar,2024-03-01,political prisoner\n"
                    "Racenew Zhanar,2024-03-02,political prisoner\n")
    _slow(monkeypatch, listimport, "do_add_list_entry")
    barrier = threading.Barrier(2)
    original = listimport.import_list

    def meeting(*args, **kwargs):
        barrier.wait(timeout=20)  # both matched their rows before either writes
        return original(*args, **kwargs)

    errors = []

    def one():
        try:
            rows, problems = listimport.read_list(path)
            listimport.match_persons(rows, reader=SYSTEM)
            assert rows[0].person == known and rows[1].person is None
            meeting(prisoner_list, rows, actor="cli", reader=SYSTEM, source="list.csv")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert ListEntry.objects.filter(prisoner_list=prisoner_list, person=known).count() == 1
    made = Person.objects.filter(name="Racenew Zhanar", merged_into__isnull=True)
    assert made.count() == 1, made.count()
    assert ListEntry.objects.filter(prisoner_list=prisoner_list, person__name="Racenew Zhanar").count() == 1
