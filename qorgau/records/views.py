"""Pages for persons, organisations, events, provisions and acts.

Every lookup goes through access.get_…_for or visible_to(user); every change
through an action. A view: parse, look up with access, act, render.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qorgau.lib.sensitivity import levels_for

from . import actions, policy
from .access import (get_event_for, get_organisation_for, get_person_for, get_place_for, get_provision_for,
                     get_record_for)
from .forms import ActForm, EventForm, NameForm, OrganisationForm, PersonForm, ProvisionForm
from .models import Act, ActProvision, Event, Organisation, OrganisationName, Person, Provision
from .pages import form_page, list_page, person_sections, require, visible_names
from .policy import render
from .queries import citations_for, timeline_acts

_list = list_page  # the name other apps' views use

__all__ = ["form_page", "list_page", "require", "_list"]



# Persons --------------------------------------------------------------------------------------

def person_detail(request, uid):
    from django.http import Http404

    try:
        person = get_person_for(request.user, uid)
    except Http404:
        merged = Person.objects.filter(uid=uid, merged_into__isnull=False).select_related("merged_into").first()
        # Folded into another record: go there only when the reader may see both, so a merge never unmasks.
        reader = policy.Reader(request.user)
        if merged and reader.sees(merged) and reader.sees(merged.merged_into):
            return redirect("web:person", uid=merged.merged_into.uid)
        raise
    names = person.names.filter(sensitivity__in=levels_for(request.user))
    acts = list(timeline_acts(request.user, Act.objects.filter(victim_person=person)))
    act_citations = citations_for(acts, request.user)
    for act in acts:
        act.visible_citations = act_citations.get(act.pk, [])
    perpetrated = timeline_acts(request.user, Act.objects.filter(involvements__perpetrator_person=person))
    context = {
        "person": person, "names": names, "acts": acts, "perpetrated": perpetrated,
        "citations": citations_for([person], request.user).get(person.pk, []),
        "recognitions": person.recognitions.visible_to(request.user).select_related("organisation"),
        "affiliations": person.affiliations.filter(
            organisation__sensitivity__in=levels_for(request.user)).select_related("organisation"),
        "relations": person.relations.filter(other__sensitivity__in=levels_for(request.user)).select_related("other"),
        "show_contact": person.may_read_field(request.user, "contact"),
        "show_notes": person.may_read_field(request.user, "notes"),
        "name_form": NameForm(),
        "urgent_actions": person.urgent_actions.visible_to(request.user),
        "candidates": [], "merges": [],
    }
    for section in person_sections:  # what higher apps add to the page (resolution: possible duplicates)
        context.update(section(request, person))
    return render(request, "records/person_detail.html", context)


@login_required
def person_create(request):
    require(request.user, "edit")
    return form_page(request, PersonForm(request.POST or None),
                     lambda data: actions.do_create_person(actor=request.user, **data),
                     title=_("New person"), message=_("Person added."))


@login_required
def person_edit(request, uid):
    require(request.user, "edit")
    person = get_person_for(request.user, uid)
    # The form edits a copy, so a failed validation never changes the record being shown.
    return form_page(request, PersonForm(request.POST or None, instance=Person.objects.get(pk=person.pk)),
                     lambda data: actions.do_update_person(person, actor=request.user, **data),
                     title=_("Edit %(name)s") % {"name": person.name}, message=_("Changes saved."), record=person)


@login_required
@require_POST
def person_add_name(request, uid):
    require(request.user, "edit")
    person = get_person_for(request.user, uid)
    form = NameForm(request.POST)
    if form.is_valid():
        try:
            actions.do_add_name(person, actor=request.user, **form.cleaned_data)
            messages.success(request, _("Name added."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("The name was not added: %(errors)s") % {"errors": form.errors.as_text()})
    return redirect("web:person", uid=person.uid)


@login_required
@require_POST
def person_delete(request, uid):
    require(request.user, "edit")
    person = get_person_for(request.user, uid)
    try:
        actions.do_delete_person(person, actor=request.user)
    except ValidationError as error:
        messages.error(request, _("Not deleted: %(reason)s") % {"reason": " ".join(error.messages)})
        return redirect("web:person", uid=person.uid)
    messages.success(request, _("Person deleted. An administrator can restore it from the list of deleted records."))
    return redirect("web:persons")


# Deleted records: an administrator restores them ------------------------------------------------

@login_required
def deleted_list(request):
    """What was deleted, newest first; a name only where the administrator may read the record's level."""
    require(request.user, "admin")
    from .models import Deletion

    deletions = list(Deletion.objects.filter(restored_at__isnull=True).order_by("-at", "-id")[:500])
    allowed = levels_for(request.user)
    for deletion in deletions:
        deletion.shown_label = deletion.label if deletion.sensitivity in allowed else _("(withheld)")
        deletion.count = sum(row["op"] == "soft" for row in deletion.rows)
    return render(request, "records/deleted_list.html", {"deletions": deletions})


@login_required
@require_POST
def restore_record(request, uid):
    require(request.user, "admin")
    try:
        deletion, notes = actions.do_restore_record(uid, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("web:deleted")
    messages.success(request, _("%(uid)s restored.") % {"uid": deletion.record_uid})
    for note in notes:
        messages.info(request, note)
    return redirect("web:deleted")


# Acts -------------------------------------------------------------------------------------------

def _act_victim(request):
    uid = request.GET.get("victim") or request.POST.get("victim") or ""
    if uid.startswith("org_"):
        return get_organisation_for(request.user, uid)
    return get_person_for(request.user, uid)


@login_required
def act_create(request):
    require(request.user, "edit")
    victim = _act_victim(request)
    form = ActForm(request.POST or None, initial={"sensitivity": victim.sensitivity, "status": "alleged"},
                   user=request.user)
    return form_page(request, form,
                     lambda data: actions.do_create_act(actor=request.user, victim=victim, **data),
                     title=_("New act against %(name)s") % {"name": victim}, message=_("Act recorded."),
                     hidden={"victim": victim.uid})


@login_required
def act_edit(request, uid):
    require(request.user, "edit")
    act = get_record_for(Act, request.user, uid)
    initial = {f: getattr(act, f) for f in ("act_type", "date", "date_end", "penalty_kind", "penalty_amount",
                                            "penalty_unit", "status", "description", "sensitivity")}
    initial["place"] = act.place.uid if act.place else None
    reader = policy.Reader(request.user)
    links = list(act.act_provisions.select_related("provision"))
    initial["provisions"] = ", ".join(f"{ap.provision.uid}:{ap.relation}" for ap in links if reader.sees(ap.provision))
    hidden = [(ap.provision, ap.relation) for ap in links if not reader.sees(ap.provision)]  # kept on save

    def save(data):
        if "provisions" in data:
            data["provisions"] = list(data["provisions"]) + hidden
        return actions.do_update_act(act, actor=request.user, **data)
    return form_page(request, ActForm(request.POST or None, initial=initial, user=request.user), save,
                     title=_("Edit act"), message=_("Changes saved."), record=act)


# Organisations, events, provisions --------------------------------------------------------------

def organisation_list(request):
    queryset = (Organisation.objects.visible_to(request.user).order_by("name")
                .prefetch_related(visible_names(OrganisationName, request.user)))
    return list_page(request, Organisation, "records/organisation_list_results.html", queryset)


def organisation_detail(request, uid):
    organisation = get_organisation_for(request.user, uid)
    acts = list(timeline_acts(request.user, Act.objects.filter(victim_organisation=organisation)))
    act_citations = citations_for(acts, request.user)
    for act in acts:
        act.visible_citations = act_citations.get(act.pk, [])
    context = {
        "organisation": organisation,
        "names": organisation.names.filter(sensitivity__in=levels_for(request.user)),
        "acts": acts,
        "perpetrated": timeline_acts(request.user, Act.objects.filter(
            involvements__perpetrator_organisation=organisation)).distinct()[:100],
        "members": organisation.members.filter(person__sensitivity__in=levels_for(request.user)).select_related("person"),
        "citations": citations_for([organisation], request.user).get(organisation.pk, []),
    }
    return render(request, "records/organisation_detail.html", context)


@login_required
def organisation_create(request):
    require(request.user, "edit")
    return form_page(request, OrganisationForm(request.POST or None),
                     lambda data: actions.do_create_organisation(actor=request.user, **data),
                     title=_("New organisation"), message=_("Organisation added."))


@login_required
def organisation_edit(request, uid):
    require(request.user, "edit")
    organisation = get_organisation_for(request.user, uid)
    form = OrganisationForm(request.POST or None, instance=Organisation.objects.get(pk=organisation.pk))
    return form_page(request, form, lambda data: actions.do_update_organisation(organisation, actor=request.user, **data),
                     title=_("Edit %(name)s") % {"name": organisation.name}, message=_("Changes saved."),
                     record=organisation)


def event_list(request):
    queryset = Event.objects.visible_to(request.user).order_by("-start", "title")
    return list_page(request, Event, "records/event_list_results.html", queryset)


def event_detail(request, uid):
    event = get_event_for(request.user, uid)
    context = {
        "event": event, "acts": timeline_acts(request.user, event.acts.all()),
        "tallies": event.tallies.select_related("place"),
        "links": event.links.filter(other__sensitivity__in=levels_for(request.user)).select_related("other"),
        "places": event.places.visible_to(request.user),
        "citations": citations_for([event], request.user).get(event.pk, []),
    }
    return render(request, "records/event_detail.html", context)


@login_required
def event_create(request):
    require(request.user, "edit")
    return form_page(request, EventForm(request.POST or None),
                     lambda data: actions.do_create_event(actor=request.user, **data),
                     title=_("New event"), message=_("Event saved."))


@login_required
def event_edit(request, uid):
    require(request.user, "edit")
    event = get_event_for(request.user, uid)
    return form_page(request, EventForm(request.POST or None, instance=Event.objects.get(pk=event.pk)),
                     lambda data: actions.do_update_event(event, actor=request.user, **data),
                     title=event.title, message=_("Event saved."), record=event)


def provision_list(request):
    queryset = Provision.objects.visible_to(request.user).order_by("code", "article", "part")
    return list_page(request, Provision, "records/provision_list_results.html", queryset, _count_provision_acts)


def _count_provision_acts(provisions, user):
    counts = dict(ActProvision.objects.filter(provision__in=provisions, act__in=Act.objects.visible_to(user))
                  .values_list("provision").annotate(n=Count("id")).values_list("provision", "n"))
    for provision in provisions:
        provision.act_count = counts.get(provision.pk, 0)


def provision_detail(request, uid):
    provision = get_provision_for(request.user, uid)
    acts = timeline_acts(request.user, Act.objects.filter(act_provisions__provision=provision)).distinct()
    return render(request, "records/provision_detail.html", {"provision": provision, "acts": acts[:200]})


@login_required
def provision_create(request):
    require(request.user, "edit")
    return form_page(request, ProvisionForm(request.POST or None),
                     lambda data: actions.do_create_provision(actor=request.user, **data),
                     title=_("New provision"), message=_("Provision added."))


@login_required
def provision_edit(request, uid):
    require(request.user, "edit")
    provision = get_provision_for(request.user, uid)
    form = ProvisionForm(request.POST or None, instance=Provision.objects.get(pk=provision.pk))
    for field in IDENTIFYING:  # they make the identifier, which never changes
        form.fields[field].disabled = True
    return form_page(request, form,
                     lambda data: actions.do_update_provision(
                         provision, actor=request.user, **{k: v for k, v in data.items() if k not in IDENTIFYING}),
                     title=_("Edit %(name)s") % {"name": provision.uid}, message=_("Changes saved."), record=provision)


IDENTIFYING = ("code", "article", "part", "edition")


def place_detail(request, uid):
    place = get_place_for(request.user, uid)
    return render(request, "records/place_detail.html", {
        "place": place, "names": place.names.filter(sensitivity__in=levels_for(request.user)),
        "acts": timeline_acts(request.user, place.acts.all())[:200]})
