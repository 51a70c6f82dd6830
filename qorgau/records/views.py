"""Pages for persons, organisations, events, provisions and acts.

Every lookup goes through access.get_…_for or visible_to(user); every change
through an action. A view: parse, look up with access, act, render.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qorgau.lib.sensitivity import levels_for, readable, seen_value

from . import actions, policy
from .access import (get_event_for, get_organisation_for, get_person_for, get_place_for, get_provision_for,
                     get_record_for)
from .forms import ActForm, EventForm, NameForm, OrganisationForm, PersonForm, ProvisionForm, RelativeForm
from .models import Act, ActProvision, Event, Organisation, OrganisationName, Person, Provision
from .pages import form_page, list_page, require, visible_names
from .policy import render
from .queries import citations_for, timeline_acts
from .registry import sections

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
        "recognitions": person.recognitions.visible_to(request.user).select_related("organisation")
        .order_by(seen_value("date", request.user), "id"),  # a hidden date places nothing
        # (in the order the links were made: PostgreSQL returns unordered rows as they lie on disk, and a save a
        # reader cannot see moves a row — the order must not tell it; session 17)
        "affiliations": person.affiliations.filter(
            organisation__sensitivity__in=levels_for(request.user)).select_related("organisation").order_by("id"),
        "relations": relatives_of(person, request.user),
        "relative_form": RelativeForm(user=request.user),
        "show_contact": person.may_read_field(request.user, "contact"),
        "show_notes": person.may_read_field(request.user, "notes"),
        "name_form": NameForm(),
        "urgent_actions": person.urgent_actions.visible_to(request.user),
        "candidates": [], "merges": [],
    }
    for section in sections():  # what higher apps add to the page (resolution: possible duplicates)
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


def relatives_of(person, user):
    """The persons linked to this one, both ways: (label as read from this person, the other, the link's public id).
    Only links to persons the reader may see (and not folded into another record)."""
    from .models import PersonRelation
    from .models.persons import INVERSE, relation_label

    allowed = levels_for(user)
    out = [(relation_label(r.relation), r.other, r.public_id) for r in PersonRelation.objects.filter(
        person=person, other__sensitivity__in=allowed, other__deleted_at__isnull=True,
        other__merged_into__isnull=True).select_related("other")]
    out += [(relation_label(INVERSE.get(r.relation, r.relation)), r.person, r.public_id) for r in PersonRelation.objects.filter(
        other=person, person__sensitivity__in=allowed, person__deleted_at__isnull=True,
        person__merged_into__isnull=True).select_related("person")]
    return out


@login_required
@require_POST
def person_add_relative(request, uid):
    require(request.user, "edit")
    person = get_person_for(request.user, uid)
    form = RelativeForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            actions.do_add_relation(person, actor=request.user, relation=form.cleaned_data["relation"],
                                    other=form.cleaned_data["other"])
            messages.success(request, _("Relative added."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("The relative was not added: %(errors)s") % {
            "errors": " ".join(str(e) for errors in form.errors.values() for e in errors)})
    return redirect("web:person", uid=person.uid)


@login_required
@require_POST
def relation_remove(request, relation_id):
    """Remove a link between two persons; the editor must see both."""
    from django.http import Http404

    from .models import PersonRelation

    require(request.user, "edit")
    row = PersonRelation.objects.filter(public_id=relation_id).select_related("person", "other").first()
    reader = policy.Reader(request.user)
    if row is None or not (reader.sees(row.person) and reader.sees(row.other)):
        raise Http404(_("No such link."))
    back = request.POST.get("person", "")
    actions.do_remove_relation(row, actor=request.user)
    messages.success(request, _("Relative removed."))
    return redirect("web:person", uid=back if back in (row.person.uid, row.other.uid) else row.person.uid)


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
                     lambda data: actions.do_create_act(actor=request.user, victim=victim, **form.act_data(data)),
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
    # Perpetrators the editor may not see are neither shown nor dropped: do_update_act keeps them.
    initial["perpetrators"] = ", ".join(f"{i.perpetrator.uid}:{i.role}" for i in act.involvements.all()
                                        if reader.sees(i.perpetrator))
    form = ActForm(request.POST or None, initial=initial, user=request.user)

    def save(data):
        if "provisions" in data:
            data["provisions"] = list(data["provisions"]) + hidden
        return actions.do_update_act(act, actor=request.user, **form.act_data(data))
    back = request.GET.get("next", "")
    hidden_fields = {"next": back} if back.startswith("/documents/") else None
    response = form_page(request, form, save, title=_("Edit act"), message=_("Changes saved."), record=act,
                         hidden=hidden_fields)
    nxt = request.POST.get("next", "")
    if response.status_code == 302 and nxt.startswith("/documents/") and "//" not in nxt:
        return redirect(nxt)  # a correction made from the review page goes back to it
    return response


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
        "members": organisation.members.filter(person__sensitivity__in=levels_for(request.user))
        .select_related("person").order_by("id"),  # (a fixed order, as the person page's affiliations)
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
    # A start kept above the reader's level does not place its event among the others (sorts as blank).
    queryset = Event.objects.visible_to(request.user).order_by(seen_value("start", request.user).desc(), "title")
    return list_page(request, Event, "records/event_list_results.html", queryset)


def event_detail(request, uid):
    event = get_event_for(request.user, uid)
    context = {
        "event": event, "acts": timeline_acts(request.user, event.acts.filter(readable("", "event", request.user))),
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


def place_list(request):
    """Every place the reader may see, with its kind, where it lies and how many acts (the reader may see) happened
    there; a name search over every spelling the reader may see."""
    from django.core.paginator import Paginator
    from django.db.models import Q

    from .models import Place, PlaceName

    query = request.GET.get("q", "").strip()[:200]
    places = Place.objects.visible_to(request.user)
    if query:
        spelled = PlaceName.objects.filter(name__icontains=query, sensitivity__in=levels_for(request.user))
        places = places.filter(Q(name__icontains=query) | Q(pk__in=spelled.values("place_id")))
    kind = request.GET.get("kind", "")
    if kind:
        places = places.filter(kind=kind)
    page = Paginator(places.select_related("parent").order_by("name", "id"), 100).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    counts = dict(Act.objects.visible_to(request.user).filter(readable("", "place", request.user), place__in=rows)
                  .values_list("place")
                  .annotate(n=Count("id")).values_list("place", "n"))
    reader = policy.Reader(request.user)
    for place in rows:
        place.act_count = counts.get(place.pk, 0)
        place.shown_parent = place.parent if place.parent is not None and reader.sees(place.parent) else None
    from .models.places import PlaceKind

    return render(request, "records/place_list.html", {"page": page, "records": rows, "q": query, "kind": kind,
                                                       "kinds": PlaceKind.choices})


def place_detail(request, uid):
    place = get_place_for(request.user, uid)
    return render(request, "records/place_detail.html", {
        "place": place, "names": place.names.filter(sensitivity__in=levels_for(request.user)),
        "acts": timeline_acts(request.user, place.acts.filter(readable("", "place", request.user)))[:200]})
