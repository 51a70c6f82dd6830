"""Session 9 audit (outside): what session 8 left, and what it changed."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from qorgau.records import actions

pytestmark = pytest.mark.django_db


def _list_with(person, *, sensitivity="public", removed="", removed_level=None, slug="pp"):
    from qorgau.analysis import actions as analysis
    from qorgau.analysis.models import CriteriaSet, ListEntry

    organisation = actions.do_create_organisation(actor="cli", name="Monitors")
    prisoner_list = analysis.do_create_list(actor="cli", slug=f"{slug}-{sensitivity}", title="Political prisoners",
                                            organisation=organisation, criteria_set=CriteriaSet.objects.first(),
                                            sensitivity=sensitivity)
    entry = ListEntry.objects.create(prisoner_list=prisoner_list, person=person, date_added="2019-01-01",
                                     date_removed=removed, sensitivity="public",
                                     field_sensitivity={"date_removed": removed_level} if removed_level else {})
    return prisoner_list, entry


def _person(name="Aliya Listed"):
    return actions.do_create_person(actor="cli", name=name, sensitivity="public", consent="granted")


def test_a_public_census_counts_no_list_the_public_may_not_see():
    """`census --public --list <a confidential list>` counted its members: the public output told who is on it."""
    person = _person()
    actions.do_create_act(actor="cli", victim=person, act_type="imprisoned", date="2019-02-01", sensitivity="public")
    closed, _entry = _list_with(person, sensitivity="confidential")
    from qorgau.analysis.episodes import rebuild_all

    rebuild_all()
    with pytest.raises(CommandError, match="No list"):
        call_command("census", "--public", "--date", "2019-03-01", "--list", closed.slug, "--format", "json",
                     stdout=io.StringIO())
    out = io.StringIO()  # the operator's own census still counts it
    call_command("census", "--date", "2019-03-01", "--list", closed.slug, "--format", "json", stdout=out)
    assert '"count": 1' in out.getvalue()


@pytest.mark.parametrize("reader", [None, "carol"])
def test_a_briefing_of_a_list_reads_the_removal_as_the_list_page_does(reader, request):
    """A briefing by list left out an entry whose removal date the reader may not read, which the list's page shows
    as current: the difference told that a hidden removal exists. Both now read the dates at the reader's level."""
    from qorgau.analysis.selection import persons_for

    user = request.getfixturevalue(reader) if reader else None
    chosen = []
    for removed, level in (("", None), ("2020-06-01", "confidential")):
        person = _person()
        prisoner_list, _entry = _list_with(person, removed=removed, removed_level=level, slug=f"pp{len(chosen)}")
        chosen.append([p.uid == person.uid for p in persons_for(user, list_slug=prisoner_list.slug)])
    assert chosen[0] == chosen[1] == [True]
