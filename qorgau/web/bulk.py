"""Bulk actions on the persons and acts lists and on a document's review page: tick rows, then set their level,
put persons on a political-prisoner list, accept or reject proposals, or merge two persons through the resolver.

One URL, POST only (CSRF-checked like every form). The ticked rows are looked up through visible_to(user): when
any ticked row is not among them (above the user's clearance, deleted, or made up) the whole request is refused
and nothing changes, with the same message whichever the reason. Each bulk action is one transaction through the
record actions, plus one `bulk` audit entry (web/actions.py).
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qorgau.lib.dates import PartialDateError, parse_partial_date
from qorgau.records.models import Act, Person
from qorgau.records.pages import require
from qorgau.records.policy import render

from . import actions

MAX_ROWS = 500
# operation -> (kinds it applies to, the permission it needs)
OPERATIONS = {
    "set_sensitivity": ({"person", "act"}, "review"),
    "add_to_list": ({"person"}, "edit"),
    "merge": ({"person"}, "review"),
    "accepted": ({"act", "proposal"}, "review"),
    "rejected": ({"act", "proposal"}, "review"),
}
HOME = {"person": "web:persons", "act": "web:acts"}


def _back(request, kind, document=None):
    from django.urls import reverse

    from qorgau.accounts.views import safe_next

    fallback = (reverse("web:document_review", kwargs={"uid": document.uid}) if document is not None
                else HOME.get(kind, "web:dashboard"))
    return redirect(safe_next(request, fallback))


def _refuse(request, kind, message, document=None):
    messages.error(request, message)
    return _back(request, kind, document)


def _rows(request, kind, asked):
    model = Person if kind == "person" else Act
    queryset = model.objects.visible_to(request.user)
    if kind == "person":
        queryset = queryset.filter(merged_into__isnull=True)
    rows = list(queryset.filter(uid__in=asked))
    return rows if len(rows) == len(asked) else None


def _proposals(request, asked):
    from qorgau.documents.review import _proposals as visible_proposals, get_reviewable_for

    document = get_reviewable_for(request.user, request.POST.get("document", ""))
    # Proposals are named by their random ids (`cit_…`): a row number names none (session 17).
    ids = set(asked)
    found = [c for c in visible_proposals(document, request.user)[0] if c.public_id in ids]
    return document, (found if len(found) == len(ids) else None)


@login_required
@require_POST
def bulk(request):
    kind, operation = request.POST.get("kind", ""), request.POST.get("op", "")
    if operation not in OPERATIONS or kind not in OPERATIONS[operation][0]:
        return HttpResponseBadRequest(_("Choose what to do with the ticked rows."))
    require(request.user, OPERATIONS[operation][1])
    asked = list(dict.fromkeys(u.strip() for u in request.POST.getlist("uid") if u.strip()))
    document = None
    if not asked:
        if kind == "proposal":
            document, _found = _proposals(request, [])
        return _refuse(request, kind, _("Tick at least one row."), document)
    if len(asked) > MAX_ROWS:
        return _refuse(request, kind, _("At most %(n)d rows at a time.") % {"n": MAX_ROWS})
    if kind == "proposal":
        document, rows = _proposals(request, asked)
    else:
        rows = _rows(request, kind, asked)
    if rows is None:
        return _refuse(request, kind, _("Some ticked rows are not available to you (above your clearance, deleted "
                                        "or unknown). Nothing was changed."), document)
    try:
        message = _run(request, kind, operation, rows)
    except actions.BulkRefused as refusal:
        return _refuse(request, kind, str(refusal), document)
    except ValidationError as error:
        return _refuse(request, kind, " ".join(error.messages), document)
    if message is None or not isinstance(message, str):
        return message  # the merge's confirmation page
    messages.success(request, message)
    return _back(request, kind, document)


def _run(request, kind, operation, rows):
    user = request.user
    if operation == "set_sensitivity":
        level = request.POST.get("level", "")
        n = actions.do_bulk_set_sensitivity(rows, actor=user, level=level,
                                            read_after=request.POST.get("read_after", ""))
        return _("Rows whose level changed: %(n)d.") % {"n": n}
    if operation == "add_to_list":
        from qorgau.analysis.models import PrisonerList

        prisoner_list = PrisonerList.objects.visible_to(user).filter(slug=request.POST.get("list", "")).first()
        if prisoner_list is None:
            raise actions.BulkRefused(_("Choose a list."))
        try:
            date = parse_partial_date(request.POST.get("date", "")) or datetime.date.today().isoformat()
        except PartialDateError as error:
            raise actions.BulkRefused(str(error)) from None
        n = actions.do_bulk_add_to_list(rows, actor=user, prisoner_list=prisoner_list, date_added=date,
                                        reasons=request.POST.get("reasons", "")[:2000])
        return _("Added to %(list)s: %(n)d.") % {"n": n, "list": prisoner_list.title}
    if operation == "merge":
        return _merge(request, rows)
    if kind == "act":
        from qorgau.records.models import Citation

        citations = list(Citation.objects.filter(content_type__model="act", content_type__app_label="records",
                                                 object_id__in=[a.pk for a in rows], review="suggested"))
        n = actions.do_bulk_decide_proposals(citations, actor=user, decision=operation,
                                             acts=[a for a in rows if a.review == "suggested"])
    else:
        n = actions.do_bulk_decide_proposals(rows, actor=user, decision=operation)
    return (_("Proposals accepted: %(n)d.") if operation == "accepted" else _("Proposals rejected: %(n)d.")) % {"n": n}


def _merge(request, rows):
    from qorgau.resolution import scoring
    from qorgau.resolution.actions import score_persons

    if len(rows) != 2:
        raise actions.BulkRefused(_("Tick exactly two persons to merge."))
    left, right = sorted(rows, key=lambda p: p.pk)
    if request.POST.get("confirm") != "1":
        # The evidence shown rests only on what this reviewer may see (a hidden act's type and date, a confidential
        # birth year, a hidden provision would otherwise be quoted).
        probability, evidence = score_persons(left, right,
                                              context=scoring.contexts([left, right], reader=request.user))
        return render(request, "web/bulk_merge.html", {"left": left, "right": right, "probability": probability,
                                                       "evidence": evidence, "next": request.POST.get("next", "")})
    # The confirmation carries the versions the evidence was read at (as edit tokens: records/versions.py): a record
    # edited in between (a birth year corrected, a name changed) is not merged on evidence that no longer holds.
    from django.db import transaction

    from qorgau.records.actions import EditConflict, check_version

    versions = request.POST.getlist("version")
    try:
        with transaction.atomic():
            if len(versions) != 2:
                raise EditConflict(left, -1, [])
            check_version(left, versions[0], request.user)
            check_version(right, versions[1], request.user)
            actions.do_bulk_merge_persons(left, right, actor=request.user, note=request.POST.get("note", ""))
    except EditConflict:
        raise actions.BulkRefused(_("One of the two records changed since you read the evidence: nothing was "
                                    "merged. Tick them again to read it anew.")) from None
    return _("%(other)s is merged into %(kept)s.") % {"other": right.name, "kept": left.name}
