"""What every page of records shares: permission checks, list pages, form pages.

Layering (docs/architecture.md): apps import only lower ones. `records` is below `resolution`, so the person
page does not import resolution; resolution registers a section (records/registry.py) when Django starts.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qorgau.lib.sensitivity import levels_for

from . import actions, indexing, policy
from .links import url_for
from .policy import render

PAGE_SIZE = 50

def require(user, permission):
    if not (getattr(user, "is_authenticated", False) and user.can(permission)):
        raise PermissionDenied(_("Your role does not allow this."))


def visible_names(model, user):
    return Prefetch("names", queryset=model.objects.filter(sensitivity__in=levels_for(user)))


LIST_PAGES = {
    "person": (gettext_lazy("Persons"), "web:person_create", gettext_lazy("Add a person"), gettext_lazy("Any spelling, Latin or Cyrillic")),
    "organisation": (gettext_lazy("Organisations"), "web:organisation_create", gettext_lazy("Add an organisation"), ""),
    "event": (gettext_lazy("Events"), "web:event_create", gettext_lazy("Add an event"), ""),
    "provision": (gettext_lazy("Legal provisions"), "web:provision_create", gettext_lazy("Add a provision"), "CC-174"),
    "document": (gettext_lazy("Documents"), "web:document_create", gettext_lazy("Add a document"), gettext_lazy("Words in the title or text")),
}


def list_page(request, model, results_template, queryset, annotate_page=None):
    """A list page with search; an htmx request gets only the results."""
    query = request.GET.get("q", "").strip()[:200]
    records = queryset
    if query:
        records = queryset.filter(id__in=indexing.matching_record_ids(model.__name__.lower(), query, request.user))
        if model.__name__ == "Person":   # spellings as typed first, then other spellings of the name
            records = indexing.ranked(records, "person", query, request.user)
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


VERSION_FIELD = "record_version"


def form_page(request, form, save, *, title, message, record=None, hidden=None):
    """Show a record's form; on a valid POST, save(cleaned_data) -> record, then go to its page.

    The read policy restricts the form first: fields the reader may not read are not in it (so saving keeps
    them), choices offer only records the reader may see, and links to hidden records survive the save.

    Editing (`record` given): the form carries a token of the last save the reader could see (never the version
    number: records/versions.py), and the save is refused, with what changed since, when someone saved what the
    reader sees in between (no lost update). The refused form keeps the token it was read with, so saving it again
    is refused again: the editor opens the current version. The action's own
    checks come back as form errors.
    """
    policy.restrict_form(form, request.user, record)
    hidden = dict(hidden or {})
    if record is not None:
        hidden[VERSION_FIELD] = request.POST.get(VERSION_FIELD, "") if request.method == "POST" \
            else actions.edit_token(record, request.user)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                if record is not None:
                    actions.check_version(record, request.POST.get(VERSION_FIELD), request.user)
                saved = save(policy.keep_hidden(form, dict(form.cleaned_data)))
        except actions.EditConflict as conflict:
            form.add_error(None, conflict_message(conflict, request.user, form))
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                raise
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, message)
            return redirect(url_for(saved))
    return render(request, "records/form.html", {"form": form, "title": title, "record": record, "hidden": hidden})


def _shown_value(record, field, user):
    """A changed field's current value, if this reader may see it; None when withheld or not a plain value."""
    try:
        model_field = record._meta.get_field(field)
    except Exception:
        return None  # a link (provisions, persons, targets): named, not quoted
    if model_field.many_to_many or model_field.one_to_many or not record.may_read_field(user, field):
        return None
    value = getattr(record, field)
    if model_field.is_relation:
        if value is None:
            return "—"
        if getattr(value, "deleted_at", None) is not None or getattr(value, "sensitivity", None) not in levels_for(user):
            return None
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value if value not in (None, "") else "—")
    return text if len(text) <= 80 else text[:79] + "…"


def conflict_message(conflict, user, form=None):
    """Who changed what since the editor opened the form, with the values this reader may see."""
    parts, seen = [], set()
    for field, who, when in reversed(conflict.changes):
        if field in seen:
            continue
        seen.add(field)
        label = form.fields[field].label if form is not None and field in form.fields and form.fields[field].label \
            else field.replace("_", " ")
        value = _shown_value(conflict.record, field, user)
        now = _("now: “%(value)s”") % {"value": value} if value is not None else _("now: withheld")
        parts.append(_("%(field)s (by %(who)s at %(when)s; %(now)s)") % {
            "field": str(label), "who": who, "when": timezone.localtime(when).strftime("%Y-%m-%d %H:%M"), "now": now})
    changed = "; ".join(reversed(parts)) or _("its links or level")
    return _("Not saved: someone saved this record after you opened it. Changed since: %(changed)s. "
             "Open the page again to edit the current version.") % {"changed": changed}
