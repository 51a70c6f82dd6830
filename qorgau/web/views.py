"""Home, dashboard, sign-in and the JSON API: pages that belong to no single record type."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from qorgau.campaigns.models import UrgentAction
from qorgau.documents.views import awaiting_review
from qorgau.records.models import Person
from qorgau.lib.sensitivity import seen_value
from qorgau.records.policy import render
from qorgau.records.queries import deprived_of_liberty, timeline_acts


def home(request):
    if request.user.is_authenticated:
        return redirect("web:dashboard")
    context = {
        # A date kept above the visitor's level does not place its act among the recent ones.
        "recent_acts": timeline_acts(request.user).annotate(seen_date=seen_value("date", request.user))
        .order_by("-seen_date", "-id")[:15],
        "urgent_actions": UrgentAction.objects.visible_to(request.user)
        .order_by(seen_value("issued", request.user).desc(), "-id")[:10],
        "person_count": Person.objects.visible_to(request.user).count(),
    }
    return render(request, "web/home.html", context)


@login_required
def dashboard(request):
    context = {
        "recent_acts": timeline_acts(request.user).order_by("-created_at", "-id")[:15],
        "deprived": deprived_of_liberty(request.user),
        "awaiting": awaiting_review(request.user)[:20],
        "urgent_actions": UrgentAction.objects.visible_to(request.user)
        .order_by(seen_value("issued", request.user).desc(), "-id")[:10],
    }
    return render(request, "web/dashboard.html", context)


# JSON API: one error shape for every endpoint: {"error": {"code": …, "message": …}}.

def api_error(code, message, status):
    return JsonResponse({"error": {"code": code, "message": str(message)}}, status=status)


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



def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the icon."""
    from django.templatetags.static import static

    return redirect(static("qorgau/favicon.svg"), permanent=True)
