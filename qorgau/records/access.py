"""Lookups that check access (house style: get_<noun>_for(user, …)).

A record the user may not read is indistinguishable from one that does not
exist: both are a 404, so a less cleared reader learns nothing from the status.
"""

from django.http import Http404

from .actions import do_record_read
from .models import Act, Event, Organisation, Person, Place, Provision


def get_record_for(model, user, uid, queryset=None):
    queryset = queryset if queryset is not None else model.objects.all()
    record = queryset.visible_to(user).filter(uid=uid).first()
    if record is None:
        raise Http404(f"No such {model._meta.verbose_name}.")
    do_record_read(record, actor=user)
    return record


def get_person_for(user, uid):
    return get_record_for(Person, user, uid, Person.objects.select_related("home_place"))


def get_organisation_for(user, uid):
    return get_record_for(Organisation, user, uid)


def get_event_for(user, uid):
    return get_record_for(Event, user, uid)


def get_place_for(user, uid):
    return get_record_for(Place, user, uid)


def get_provision_for(user, uid):
    return get_record_for(Provision, user, uid)


def get_act_for(user, uid):
    return get_record_for(Act, user, uid)
