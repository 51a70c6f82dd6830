"""Urgent Action pages: authoring and follow-up for campaigners, outputs, and the public action page."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qorgau.lib.dates import display_date, partial_date_key
from qorgau.lib.sensitivity import levels_for, seen_value
from qorgau.records.access import get_person_for, get_record_for
from qorgau.records import actions as record_actions
from qorgau.records.pages import VERSION_FIELD, conflict_message, form_page, require
from qorgau.records.policy import Reader, Seen, render, restrict_form, wrap

from . import actions, fastpath, letters, ratelimit
from .directory import directory
from .forms import ReportForm, ResponseForm, TargetForm, UrgentActionForm
from .models import ActionReport, Channel, Target, UAStatus, UrgentAction
from .pdf import render_pdf


def get_ua_for(user, uid):
    return get_record_for(UrgentAction, user, uid, UrgentAction.objects.select_related("issuer"))


def counts_by_channel(ua):
    counts = dict(ActionReport.objects.filter(urgent_action=ua).values_list("channel")
                  .annotate(n=Sum("count")).values_list("channel", "n"))
    return [(value, label, counts.get(value, 0)) for value, label in Channel.choices]


def chart_points(ua, width=600, height=120):
    """A cumulative line of reported actions per day, as SVG coordinates (no script, no CDN)."""
    per_day = list(ActionReport.objects.filter(urgent_action=ua).values_list("date").annotate(n=Sum("count"))
                   .order_by("date"))
    if not per_day:
        return None
    total, cumulative = 0, []
    for day, n in per_day:
        total += n
        cumulative.append((day, total))
    span = max(len(cumulative) - 1, 1)
    points = " ".join(f"{round(i * width / span)},{round(height - total * height / cumulative[-1][1])}"
                      for i, (_, total) in enumerate(cumulative))
    if len(cumulative) == 1:
        points = f"0,{height} {width},0"
    return {"points": points, "width": width, "height": height, "first": cumulative[0][0],
            "last": cumulative[-1][0], "total": cumulative[-1][1]}


def ua_state(ua, today=None):
    """closed, past (the deadline has gone by, not yet closed) or open: what a supporter is invited to do."""
    if ua.status == UAStatus.CLOSED:
        return "closed"
    today = (today or datetime.date.today()).isoformat()
    if ua.deadline and partial_date_key(ua.deadline)[0] < today:
        return "past"
    return "open"


def shown_state(ua, user):
    """`ua_state` as `user` may read it: a status or deadline kept above the reader's level tells nothing (the
    report endpoint alone decides from the stored status)."""
    return ua_state(Seen(ua, Reader(user)))


def ua_sheet(ua, user):
    """What the printable page and the PDF show, as `user` may see it (records wrapped by the read policy)."""
    reader = Reader(user)
    facts = letters.case_facts(ua, user)
    issuer = reader.link(ua.issuer) if ua.issuer_id else None
    return wrap({
        "ua": ua,
        "state": shown_state(ua, user),
        "issuer": issuer.name if issuer else "",
        "targets": [t.target for t in ua.ua_targets.select_related("target__holder")],
        "facts": [letters.describe_act(fact, "en") for fact in facts.acts if letters.describe_act(fact, "en")],
        "names": facts.names["en"],
        "withheld": facts.withheld,
    }, reader)


# Campaigners ------------------------------------------------------------------------------------------

def ua_list(request):
    """The Urgent Actions the reader may see: staff open each one's file, visitors its public action page."""
    uas = (UrgentAction.objects.visible_to(request.user).select_related("issuer")
           .order_by(seen_value("issued", request.user).desc(),
                     seen_value("update", request.user, default=0).desc(), "-id"))  # a hidden value places nothing
    return render(request, "campaigns/ua_list.html", {"uas": uas})


def _persons_from(request):
    uids = request.POST.get("persons") or request.GET.get("person") or ""
    return [get_person_for(request.user, uid.strip()) for uid in uids.split(",") if uid.strip()]


@login_required
def person_suggest(request):
    """Search-as-you-type for person pickers: up to ten persons the reader may see, by any spelling."""
    from qorgau.records.indexing import ranked, search
    from qorgau.records.models import Person

    query = (request.GET.get("person_query") or request.GET.get("q") or "").strip()[:100]
    # Ranked as the person list ranks (the closest name first), not by name: the ten shown must be the best ten.
    persons = list(ranked(search(Person, query, request.user), "person", query, request.user)[:10]) if query else []
    return render(request, "campaigns/_person_suggestions.html", {"persons": persons, "query": query})


@login_required
def ua_create(request):
    require(request.user, "campaign")
    persons = _persons_from(request)
    # Public only when every person concerned agreed to publication; otherwise internal, and the form says why.
    consented = persons and all(p.consent == "granted" for p in persons)
    initial = {"number": actions.next_number(), "persons": ", ".join(p.uid for p in persons),
               "languages": ["en", "ru", "kk"], "sensitivity": "public" if consented else "internal"}
    if persons and request.method == "GET":
        from qorgau.records.models import Act

        initial["acts"] = list(Act.objects.visible_to(request.user).filter(victim_person__in=persons))
        initial["title"] = _("%(names)s at risk") % {"names": ", ".join(p.name for p in persons)}
    form = UrgentActionForm(request.POST or None, initial=initial, user=request.user, persons=persons)
    return _save_ua(request, form, lambda data: actions.do_create_urgent_action(actor=request.user, **data),
                    _("New Urgent Action"))



def _save_ua(request, form, save, title, record=None):
    """Like form_page, but the action's own checks (a number already taken) come back as form errors."""
    try:
        return form_page(request, form, lambda _data: save(form.action_fields()), title=title,
                         message=_("Urgent Action saved."), record=record)
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return render(request, "records/form.html", {"form": form, "title": title, "record": record})


def _published(ua):
    """The persons a public UA already names: keeping them public needs no new confirmation of consent."""
    return list(ua.persons.all()) if ua.sensitivity == "public" else []


def _ua_initial(ua, user):
    """The form's starting values: only persons, acts and targets the reader may see (the others are kept by
    `_keep_hidden_links` when saving)."""
    reader = Reader(user)
    return {"number": ua.number, "title": ua.title, "issued": ua.issued, "deadline": ua.deadline,
            "persons": ", ".join(p.uid for p in ua.persons.all() if reader.sees(p)),
            "acts": [a for a in ua.acts.select_related("victim_person", "victim_organisation") if reader.sees(a)],
            "asks": "\n".join(ua.asks or []), "background": ua.background, "languages": ua.languages,
            "targets": [t.target for t in ua.ua_targets.select_related("target") if reader.sees(t.target)],
            "sensitivity": ua.sensitivity}


def _keep_hidden_links(ua, user, data):
    """A save by a less cleared campaigner keeps the persons, acts and targets they could not see."""
    reader = Reader(user)
    data = dict(data)
    if data.get("persons") is not None:
        data["persons"] = list(data["persons"]) + [p for p in ua.persons.all() if not reader.sees(p)]
    if data.get("acts") is not None:
        data["acts"] = list(data["acts"]) + [a for a in ua.acts.select_related("victim_person", "victim_organisation")
                                             if not reader.sees(a)]
    if data.get("targets") is not None:
        data["targets"] = list(data["targets"]) + [(t.target, t.kind) for t in ua.ua_targets.select_related("target")
                                                   if not reader.sees(t.target)]
    return data


@login_required
def ua_edit(request, uid):
    require(request.user, "campaign")
    ua = get_ua_for(request.user, uid)
    persons = _persons_from(request) if request.method == "POST" else list(ua.persons.visible_to(request.user))
    form = UrgentActionForm(request.POST or None, initial=_ua_initial(ua, request.user), user=request.user,
                            persons=persons, fixed_number=True, published=_published(ua))
    return _save_ua(request, form, lambda data: actions.do_update_urgent_action(
        ua, actor=request.user, **_keep_hidden_links(ua, request.user, data)),
                    _("Edit UA %(number)s") % {"number": ua.number}, ua)


@login_required
def ua_issue_update(request, uid):
    require(request.user, "campaign")
    ua = get_ua_for(request.user, uid)
    persons = _persons_from(request) if request.method == "POST" else list(ua.persons.visible_to(request.user))
    initial = _ua_initial(ua, request.user) | {"issued": "", "deadline": ""}
    form = UrgentActionForm(request.POST or None, initial=initial, user=request.user, persons=persons,
                            fixed_number=True, published=_published(ua))
    return _save_ua(request, form, lambda data: actions.do_issue_update(
        ua, actor=request.user, **_keep_hidden_links(ua, request.user, data)),
                    _("Update to UA %(number)s") % {"number": ua.number}, ua)


@login_required
def ua_detail(request, uid):
    ua = get_ua_for(request.user, uid)
    context = {
        "ua": ua, "sheet": ua_sheet(ua, request.user), "state": shown_state(ua, request.user), "counts": counts_by_channel(ua),
        "chart": chart_points(ua),
        "response_form": restrict_form(ResponseForm(initial={"response": ua.response, "impact": ua.impact,
                                                             "status": ua.status}), request.user, ua),
        "versions": UrgentAction.objects.visible_to(request.user).filter(number=ua.number).order_by("update"),
        "letter_languages": letters.LANGUAGES,
    }
    return render(request, "campaigns/ua_detail.html", context)


@login_required
@require_POST
def ua_response(request, uid):
    require(request.user, "campaign")
    ua = get_ua_for(request.user, uid)
    form = restrict_form(ResponseForm(request.POST), request.user, ua)
    if form.is_valid():
        data = dict(form.cleaned_data)
        if "impact" not in form.fields:  # above the campaigner's clearance: kept as it is
            data["impact"] = ua.impact
        # The form carries the version it was read at: a response saved by someone else in between is not
        # overwritten silently (the second campaigner is told what changed and reads it first).
        try:
            with transaction.atomic():
                record_actions.check_version(ua, request.POST.get(VERSION_FIELD), request.user)
                actions.do_record_response(ua, actor=request.user, **data)
        except record_actions.EditConflict as conflict:
            messages.error(request, conflict_message(conflict, request.user, form))
            return redirect("web:ua", uid=ua.uid)
        messages.success(request, _("Response recorded."))
    else:
        messages.error(request, _("The response was not recorded: %(errors)s") % {"errors": form.errors.as_text()})
    return redirect("web:ua", uid=ua.uid)


# Outputs: for staff, and for anyone when the UA is public --------------------------------------------

def ua_print(request, uid):
    ua = get_ua_for(request.user, uid)
    return render(request, "campaigns/ua_print.html", ua_sheet(ua, request.user))


def ua_pdf(request, uid):
    ua = get_ua_for(request.user, uid)
    response = HttpResponse(render_pdf(ua_sheet(ua, request.user)), content_type="application/pdf")
    filename = f"UA-{ua.number.replace('/', '-')}" + (f"-update-{ua.update}" if ua.update else "") + ".pdf"
    filename = "".join(ch for ch in filename if ch.isalnum() or ch in "._-") or "UA.pdf"  # no quote, no line break
    response["Content-Disposition"] = content_disposition_header(True, filename)  # a number in any letters
    return response


def ua_letter(request, uid, target_uid, lang):
    ua = get_ua_for(request.user, uid)
    if lang not in letters.LANGUAGES:
        raise Http404(_("No such language."))
    link = ua.ua_targets.filter(target__uid=target_uid, target__sensitivity__in=levels_for(request.user)) \
        .select_related("target__holder").first()
    if link is None:
        raise Http404(_("No such target for this Urgent Action."))
    target = link.target
    from qorgau.records.policy import Reader, Seen

    # The salutation is one of the target's fields: a field above the reader's level is not written into the text.
    shown = Seen(target, Reader(request.user))
    text = letters.write_letter(letters.case_facts(ua, request.user), letters.salutation_for(shown, lang), lang,
                                through_authorities=bool(shown.through_authorities))
    office, address = letters.office_for(shown, lang)
    return render(request, "campaigns/letter.html", {"ua": ua, "target": target, "text": text, "lang": lang,
                                                     "state": shown_state(ua, request.user),
                                                     "office": office, "address": address,
                                                     "languages": letters.LANGUAGES})


# The public action page --------------------------------------------------------------------------------

def action_page(request, uid, form=None, status=200):
    ua = get_ua_for(request.user, uid)
    context = {"ua": ua, "sheet": ua_sheet(ua, None), "state": shown_state(ua, None), "counts": counts_by_channel(ua),
               "chart": chart_points(ua),
               "form": form or ReportForm(), "languages": letters.LANGUAGES, "public": True,
               "thanks": request.GET.get("reported") == "1"}
    return render(request, "campaigns/action_page.html", context, status=status)


@require_POST
def report(request, uid):
    """A supporter says what they did. Bounded, rate-limited, anonymous; CSRF-protected like every form."""
    # Only public Urgent Actions take reports. This path is the one under load: one indexed lookup, one insert.
    ua = UrgentAction.objects.filter(uid=uid, sensitivity="public").only("id", "uid", "status").first()
    if ua is None:
        raise Http404(_("No such Urgent Action."))
    if ua.status == UAStatus.CLOSED:
        return render(request, "web/error.html", {
            "title": _("This Urgent Action is closed"),
            "message": _("It no longer takes reports. Thank you for your support.")}, status=410)
    # One transaction, one commit: the client's counter (shared by every worker, see ratelimit.py) and the report.
    # The cap is on the actions reported (a report of 5 letters counts 5) per client, per Urgent Action, per window
    # (a UTC day by default); a bad report counts as one.
    # A valid report usually never gets here: fastpath.py stores it before the session and sign-in middlewares.
    # Here: invalid input, and a client the short path already counted over the cap (not counted again).
    form = ReportForm(request.POST)
    with transaction.atomic():
        well_formed = form.is_valid()
        if getattr(request, fastpath.OUTCOME, None) == actions.LIMITED:
            allowed = False
        else:
            amount = form.cleaned_data["count"] if well_formed else 1
            allowed = ratelimit.allow(request, f"report:{ua.uid}", *settings.QORGAU_REPORT_RATE, amount=amount)
        valid = allowed and well_formed
        if valid:
            actions.report_action(ua, **form.cleaned_data)
    if not allowed:
        return render(request, "web/error.html", {
            "title": _("Thank you — that is a lot of actions"),
            "message": _("We have received many reports from your connection for this Urgent Action. Please "
                         "try again tomorrow.")}, status=429)
    if not valid:
        return action_page(request, uid, form=form, status=400)
    # The thanks travel in the address rather than a signed cookie: cheaper, and nothing to store.
    response = HttpResponseRedirect(reverse("web:action_page", kwargs={"uid": ua.uid}) + "?reported=1#report")
    response.status_code = 303  # "see other": a reload does not post the report again
    return response


class UrgentActionFeed(Feed):
    """New and updated public Urgent Actions, as Atom."""

    feed_type = Atom1Feed
    title = "Qorgau: Urgent Actions"
    subtitle = "New and updated Urgent Actions"
    link = "/urgent-actions/feed.atom"

    def items(self):
        # Ordered and dated by the last save a public reader could see: `updated_at` also moves when a field kept
        # above the public level (the sealed impact, say) is saved, and the feed would tell that it changed.
        from qorgau.records.versions import last_seen_at

        shown = list(UrgentAction.objects.visible_to(None))
        for ua in shown:
            ua.public_updated_at = last_seen_at(ua, None)
        return sorted(shown, key=lambda ua: (ua.public_updated_at, ua.uid), reverse=True)[:50]

    def item_title(self, ua):
        ua = wrap(ua, Reader(None))
        return f"UA {ua.number}" + (f" (update {ua.update})" if ua.update else "") + f": {ua.title}"

    def item_description(self, ua):
        ua = wrap(ua, Reader(None))
        state = ua_state(ua)
        if state == "closed":
            invitation = " " + _("This Urgent Action is closed. No further appeals are requested.")
        elif state == "open" and ua.deadline:
            invitation = " " + _("Please send appeals before %(date)s.") % {"date": display_date(ua.deadline)}
        else:
            invitation = ""
        return (ua.background or "") + invitation

    def item_link(self, ua):
        return reverse("web:action_page", kwargs={"uid": ua.uid})

    def item_updateddate(self, ua):
        return ua.public_updated_at

    def item_pubdate(self, ua):
        return ua.created_at


# Targets -------------------------------------------------------------------------------------------------

@login_required
def target_list(request):
    targets = Target.objects.visible_to(request.user).select_related("holder", "organisation").order_by("office")
    return render(request, "campaigns/target_list.html", {"entries": directory(targets, request.user)})


@login_required
def target_create(request):
    require(request.user, "campaign")
    return form_page(request, TargetForm(request.POST or None),
                     lambda data: actions.do_create_target(actor=request.user, **data),
                     title=_("New target"), message=_("Target saved."))


@login_required
def target_edit(request, uid):
    require(request.user, "campaign")
    target = get_record_for(Target, request.user, uid)
    return form_page(request, TargetForm(request.POST or None, instance=Target.objects.get(pk=target.pk)),
                     lambda data: actions.do_update_target(target, actor=request.user, **data),
                     title=_("Edit target"), message=_("Target saved."), record=target)

