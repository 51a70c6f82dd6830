"""A save by a less cleared editor keeps the links they could not see (issue 9: "hidden links survive a save")."""

import pytest

from qorgau.campaigns import actions as campaign_actions
from qorgau.campaigns.models import UrgentAction
from qorgau.records import actions
from qorgau.records.models import Person, Place

pytestmark = pytest.mark.django_db


def test_an_urgent_action_keeps_the_persons_acts_and_targets_its_editor_cannot_see(alice, dana):
    ua = UrgentAction.objects.get(uid="ua_63_18")
    secret = actions.do_create_person(actor=alice, name="Anonymous Test Detainee", sensitivity="confidential")
    secret_act = actions.do_create_act(actor=alice, act_type="detained", victim=secret, date="2018")
    secret_target = campaign_actions.do_create_target(actor=alice, office="Closed Office", sensitivity="confidential")
    campaign_actions.do_update_urgent_action(
        ua, actor=alice, persons=[*ua.persons.all(), secret], acts=[*ua.acts.all(), secret_act],
        targets=[*((t.target, t.kind) for t in ua.ua_targets.all()), (secret_target, "cc")])
    visible_persons = list(ua.persons.visible_to(dana))
    assert secret not in visible_persons
    # dana removes one person she can see and saves her lists (all she could see).
    campaign_actions.do_update_urgent_action(
        ua, actor=dana, persons=visible_persons[1:], acts=list(ua.acts.visible_to(dana)),
        targets=[(t.target, t.kind) for t in ua.ua_targets.all() if t.target.sensitivity != "confidential"])
    ua.refresh_from_db()
    assert secret in ua.persons.all() and visible_persons[0] not in ua.persons.all()
    assert secret_act in ua.acts.all()
    assert (secret_target.pk, "cc") in [(t.target_id, t.kind) for t in ua.ua_targets.all()]
    # An update she issues keeps them too.
    update = campaign_actions.do_issue_update(ua, actor=dana, persons=list(ua.persons.visible_to(dana)))
    assert secret in update.persons.all() and secret_act in update.acts.all()


def test_an_act_keeps_a_perpetrator_and_an_event_a_place_the_editor_cannot_see(alice, bob):
    victim = Person.objects.get(uid="per_ospan")
    officer = actions.do_create_person(actor=alice, name="Secret Officer", sensitivity="confidential")
    act = actions.do_create_act(actor=alice, act_type="threatened", victim=victim, date="2020",
                                sensitivity="internal", perpetrators=[(officer, "carried_out")])
    actions.do_update_act(act, actor=bob, perpetrators=[], provisions=[])
    assert [i.perpetrator for i in act.involvements.all()] == [officer]
    actions.do_update_act(act, actor=alice, perpetrators=[])
    assert not act.involvements.exists()  # a cleared editor may remove it

    safe_house = actions.do_create_place(actor=alice, name="Safe House Test", sensitivity="confidential")
    city = Place.objects.filter(sensitivity="public").first()
    event = actions.do_create_event(actor=alice, title="Raid test", sensitivity="internal", places=[safe_house])
    actions.do_update_event(event, actor=bob, places=[city])
    assert set(event.places.all()) == {city, safe_house}
