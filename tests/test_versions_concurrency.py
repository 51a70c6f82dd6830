"""Two editors saving the same version at the same moment: exactly one save goes through, the other is refused."""

import threading
import time

import pytest
from django.db import connection, transaction

from qorgau.records import actions
from qorgau.records.models import Person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("reader", ["a command", "bob"])
def test_of_two_simultaneous_saves_from_one_version_exactly_one_wins(live_demo, reader):
    """Also for an editor not cleared for confidential (bob), whose token is made from the audit log: the second
    save, held until the first commits, reads the first's audit entry."""
    from qorgau.accounts.models import User

    if reader == "bob":
        reader = User.objects.get(username="bob")
    person = actions.do_create_person(actor="setup", name="Race Test", sensitivity="internal", notes="start")
    read_token = actions.edit_token(person, reader)
    barrier, outcomes, lock = threading.Barrier(2), [], threading.Lock()

    def editor(notes):
        try:
            record = Person.objects.get(pk=person.pk)
            barrier.wait(timeout=10)
            try:
                with transaction.atomic():
                    actions.check_version(record, read_token, reader)
                    time.sleep(0.3)  # the other editor arrives while this save is under way
                    actions.do_update_person(record, actor=notes, notes=notes)
                outcome = "saved"
            except actions.EditConflict:
                outcome = "refused"
            with lock:
                outcomes.append((outcome, notes))
        finally:
            connection.close()

    threads = [threading.Thread(target=editor, args=(name,)) for name in ("first editor", "second editor")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcome for outcome, _ in outcomes) == ["refused", "saved"]
    winner = next(notes for outcome, notes in outcomes if outcome == "saved")
    assert Person.objects.get(pk=person.pk).notes == winner
