"""Home, dashboard, sign-in and the JSON API: pages that belong to no single record type."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from qorgau.campaigns.models import UrgentAction
from qorgau.documents.views import awaiting_review
from qorgau.records import indexing
from qorgau.records.models import Act, Person
from qorgau.records.policy import Reader, note_reads, render, wrap
from qorgau.records.queries import deprived_of_liberty, timeline_acts


def home(request):
    if request.user.is_authenticated:
        return redirect("web:dashboard")
    context = {
        "recent_acts": timeline_acts(request.user).order_by("-date", "-id")[:15],
        "urgent_actions": UrgentAction.objects.visible_to(request.user).order_by("-issued")[:10],
        "person_count": Person.objects.visible_to(request.user).count(),
    }
    return render(request, "web/home.html", context)


@login_required
def dashboard(request):
    context = {
        "recent_acts": timeline_acts(request.user).order_by("-created_at", "-id")[:15],
        "deprived": deprived_of_liberty(request.user),
        "awaiting": awaiting_review(request.user)[:20],
        "urgent_actions": UrgentAction.objects.visible_to(request.user).order_by("-issued")[:10],
    }
    return render(request, "web/dashboard.html", context)


# JSON API: one error shape for every endpoint: {"error": {"code": …, "message": …}}.

def api_error(code, message, status):
    return JsonResponse({"error": {"code": code, "message": str(message)}}, status=status)


def _person_json(person, reader):
    """A person as JSON, through the read policy: names, fields and links the reader may see."""
    person = wrap(person, reader)
    return {"id": person.uid, "name": person.name, "names": [n.name for n in person.names.all()],
            "roles": person.roles, "sensitivity": person.sensitivity}


@require_GET
def api_persons(request):
    """Autocomplete and search: persons whose visible names match `q`."""
    query = request.GET.get("q", "").strip()
    if len(query) > 200:
        return api_error("query_too_long", _("Ask with at most 200 characters."), 400)
    persons = Person.objects.visible_to(request.user)
    if query:
        persons = indexing.ranked(persons.filter(id__in=indexing.matching_record_ids("person", query, request.user)),
                                  "person", query, request.user)
    else:
        persons = persons.order_by("name")
    persons = persons.prefetch_related("names")[:20]
    reader = Reader(request.user)
    response = JsonResponse({"results": [_person_json(p, reader) for p in persons]})
    note_reads(reader, request.get_full_path())
    return response


@require_GET
def api_person(request, uid):
    person = Person.objects.visible_to(request.user).filter(uid=uid).prefetch_related("names").first()
    if person is None:
        return api_error("not_found", _("No such person."), 404)
    reader = Reader(request.user)
    data = _person_json(person, reader)
    acts = wrap(list(timeline_acts(request.user, Act.objects.filter(victim_person=person))), reader)
    data["acts"] = [{"id": a.uid, "act_type": a.act_type, "group": a.group, "date": a.date or None,
                     "provisions": [{"id": ap.provision.uid, "relation": ap.relation} for ap in a.act_provisions.all()],
                     "penalty": a.penalty_text() or None} for a in acts]
    if person.contact and reader.sees_field(person, "contact"):
        data["contact"] = wrap(person, reader).contact
    response = JsonResponse(data)
    note_reads(reader, request.path)
    return response


def not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return api_error("not_found", _("Not found."), 404)
    return render(request, "web/error.html", {"title": _("Not found"),
                                              "message": _("There is nothing here, or you may not see it.")}, status=404)


def forbidden(request, exception=None):
    if request.path.startswith("/api/"):
        return api_error("forbidden", _("Not allowed."), 403)
    return render(request, "web/error.html", {"title": _("Not allowed"), "message": str(exception or "")}, status=403)


def server_error(request):
    if request.path.startswith("/api/"):
        return api_error("server_error", _("Something went wrong; nothing was changed."), 500)
    return render(request, "web/error.html", {"title": _("Something went wrong"),
                                              "message": _("Nothing was changed. Please try again.")}, status=500)

