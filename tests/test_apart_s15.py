"""People who must stay apart, second set (issue 12, session 15): kinds session 14 did not generate (namesakes of
another role or city, a Kazakh patronymic beside a family name, a parent or child in a biography line, a given name
alone beside two persons who have it, hyphenated given names, maiden names, initials of father and son, places and
foundations named after persons, a byline), over new names, ingested and resolved together in one database
(tests/generative/apart_s15.py).

    PYTHONPATH=$PWD pytest tests/test_apart_s15.py -k table -s     # the table by kind and language
"""

import os

import pytest

from tests.generative import apart_s15

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def rows(django_db_setup, django_db_blocker):
    from qorgau.accounts.models import User

    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            actor = User.objects.get(username="alice")
            result = apart_s15.run(apart_s15.generate(per=int(os.environ.get("APART_PER", "1")),
                                                      seed=int(os.environ.get("APART_SEED", apart_s15.SEED))), actor)
            transaction.set_rollback(True)
    return result


def test_table(rows):
    print()
    print(apart_s15.table(rows))
    print(apart_s15.totals(rows))
    if not os.environ.get("APART_HELD_OUT"):
        for row in rows:
            if row[2] in ("WRONG", "MISSED", "unread", "phantom"):
                print(row)


def test_no_two_people_of_an_apart_kind_become_one_record(rows):
    wrong = [row for row in rows if row[2] == "WRONG"]
    assert not wrong, wrong


def test_every_variant_of_one_person_is_merged_or_queued(rows):
    missed = [row for row in rows if row[2] == "MISSED"]
    assert not missed, missed
