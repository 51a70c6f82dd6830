"""Where a record's page is."""

from django.urls import reverse


def url_for(record):
    kind = type(record).__name__.lower()
    if kind == "recognition":
        return url_for(record.person)
    if kind == "urgentaction":
        return reverse("web:ua", kwargs={"uid": record.uid})
    if kind == "target":
        return reverse("web:targets")
    if kind == "prisonerlist":
        return reverse("web:list", kwargs={"slug": record.slug})
    if kind == "listentry":
        return reverse("web:list", kwargs={"slug": record.prisoner_list.slug}) + f"#{record.uid}"
    if kind == "act":
        return url_for(record.victim_person or record.victim_organisation) + f"#{record.uid}"
    return reverse(f"web:{kind}", kwargs={"uid": record.uid})
