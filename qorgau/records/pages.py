"""What every page of records shares: permission checks, list pages, form pages, and the sections higher apps
add to a person's page.

Layering (docs/architecture.md): apps import only lower ones. `records` is below `resolution`, so the person
page does not import resolution; resolution registers a section here when Django starts (its AppConfig.ready).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from qorgau.lib.sensitivity import levels_for

from . import indexing, policy
from .links import url_for
from .policy import render

PAGE_SIZE = 50

# Functions (request, person) -> extra context for the person page, registered by higher apps.
person_sections = []


def person_section(function):
    if function not in person_sections:
        person_sections.append(function)
    return function


def require(user, permission):
    if not (getattr(user, "is_authenticated", False) and user.can(permission)):
        raise PermissionDenied(_("Your role does not allow this."))


def visible_names(model, user):
    return Prefetch("names", queryset=model.objects.filter(sensitivity__in=levels_for(user)))


LIST_PAGES = {
    "person": (_l("Persons"), "web:person_create", _l("Add a person"), _l("Any spelling, Latin or Cyrillic")),
    "organisation": (_l("Organisations"), "web:organisation_create", _l("Add an organisation"), ""),
    "event": (_l("Events"), "web:event_create", _l("Add an event"), ""),
    "provision": (_l("Legal provisions"), "web:provision_create", _l("Add a provision"), "CC-174"),
    "document": (_l("Documents"), "web:document_create", _l("Add a document"), _l("Words in the title or text")),
}


def list_page(request, model, results_template, queryset, annotate_page=None):
    """A list page with search; an htmx request gets only the results."""
    query = request.GET.get("q", "").strip()[:200]
    records = queryset
    if query:
        records = queryset.filter(id__in=indexing.matching_record_ids(model.__name__.lower(), query, request.user))
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    if annotate_page:
        annotate_page(rows, request.user)
    kind = model.__name__.lower()
    heading, add_url, add_label, placeholder = LIST_PAGES[kind]
    context = {"page": page, "records": rows, "q": query, "heading": heading, "add_url": add_url,
               "add_label": add_label, "placeholder": placeholder, "results_template": results_template}
    if request.headers.get("HX-Request"):
        return render(request, results_template, context)
    return render(request, "records/list_page.html", context)


def form_page(request, form, save, *, title, message, record=None, hidden=None):
    """Show a record's form; on a valid POST, save(cleaned_data) -> record, then go to its page.

    The read policy restricts the form first: fields the reader may not read are not in it (so saving keeps
    them), choices offer only records the reader may see, and links to hidden records survive the save."""
    policy.restrict_form(form, request.user, record)
    if request.method == "POST" and form.is_valid():
        saved = save(policy.keep_hidden(form, dict(form.cleaned_data)))
        messages.success(request, message)
        return redirect(url_for(saved))
    return render(request, "records/form.html", {"form": form, "title": title, "record": record, "hidden": hidden})


