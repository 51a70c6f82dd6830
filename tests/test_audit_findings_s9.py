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


# NUL in a submitted form ------------------------------------------------------------------------------------------

def _form_urls():
    """Every page of the site that takes a form: the parameterless routes, and each route of the demo's records."""
    from .leakworld import fill, url_patterns

    values = {"uid": "per_tobylova", "target_uid": "tgt_prosecutor_general_ua6318", "lang": "en", "index": 0,
              "citation_id": 1, "candidate_id": 1, "merge_id": 1, "attachment_id": 1, "relation_id": 1,
              "chart_id": 1, "slug": "amnesty-prisoners-of-conscience", "key": "by_article", "kind": "persons",
              "fmt": "csv", "name": "x.zip"}
    by_kind = {"campaigns": "ua_63_18", "act": "ua_63_18", "organisations": "org_dck", "events": "evt_dck_warnings",
               "documents": "doc_ai_ua_63_18", "provisions": "CC-174", "targets": "tgt_ambassador_usa",
               "places": "plc_almaty", "acts": "per_tobylova", "deleted": "per_tobylova"}
    urls = set()
    for _name, route, params in url_patterns():
        if route.startswith(("logout", "admin/panic")):
            continue  # signing out and the emergency lock are not forms of records
        first = route.split("/")[0]
        urls.add(fill(route, {**values, "uid": by_kind.get(first, values["uid"])}))
    return sorted(urls)


HOSTILE = {"name": "Aliya\x00Bekova", "title": "A\x00title", "q": "\x00", "persons": "per_tobylova\x00",
           "list": "amnesty\x00", "text": "x\x00y", "office": "Office\x00", "date": "2019-01-01\x00",
           "description": "\x00", "article": "CC-174\x00", "number": "1\x00/26", "slug": "a\x00b"}


def test_a_nul_in_any_submitted_form_is_refused_with_a_message_and_nothing_written(client_for, alice):
    """On PostgreSQL a NUL in a form field was a DataError and a 500 (a person's name, a briefing's list, a chart's
    title, a search); now every form refuses it with a 400 and a message, before any view writes anything."""
    from qorgau.audit.models import AuditEntry

    client = client_for(alice)
    urls = _form_urls()
    assert len(urls) > 60
    before = AuditEntry.objects.count()
    answers = {}
    for url in urls:
        response = client.post(url, HOSTILE)
        answers[url] = response.status_code
        assert response.status_code == 400, (url, response.status_code)
        assert "NUL" in response.content.decode(), url
    assert AuditEntry.objects.exclude(verb__in=("read",)).count() == before, "a form with a NUL wrote something"
    # A file's bytes may hold anything: an upload is not refused for them.
    from django.core.files.uploadedfile import SimpleUploadedFile

    clean = SimpleUploadedFile("report.txt", b"plain words \x00 and a NUL byte", content_type="text/plain")
    assert client.post("/documents/upload/", {"file": clean}).status_code != 400


# restore: places and provisions added without the audit log ------------------------------------------------------

def _only_what_migrations_seed():
    import importlib

    from django.apps import apps
    from django.db import connection

    from qorgau.keys import backup

    with connection.cursor() as cursor:
        for model in backup.dumped_models():
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
    importlib.import_module("qorgau.records.migrations.0003_seed_places_and_provisions").seed(apps, None)
    importlib.import_module(
        "qorgau.records.migrations.0007_provisions_of_the_1997_code_and_more_administrative_offences").add(apps, None)


@pytest.mark.parametrize("added", ["place", "place name", "provision"])
def test_restore_refuses_a_database_holding_a_place_or_law_put_in_without_the_audit_log(added, tmp_path, settings):
    """Places, their names and provisions share their tables with the rows migrations seed, so restore's emptiness
    check skipped those tables: a safe house or a law added without an audit entry was DELETEd by a restore."""
    from qorgau.keys import backup
    from qorgau.records.models import Place, PlaceName, Provision

    from .test_audit_findings_s8 import PASSPHRASE, _empty_archive

    _only_what_migrations_seed()
    assert backup._database_is_empty()  # a fresh database: the seeds alone are no one's data
    if added == "place":
        row = Place.objects.create(name="Safe house on Abay street", kind="other", sensitivity="confidential")
    elif added == "place name":
        row = PlaceName.objects.create(place=Place.objects.get(uid="plc_kz"), name="Our code name for it")
    else:
        row = Provision.objects.create(uid="CC-999", code="CC", article="999", sensitivity="public")
    settings.DATA_DIR = tmp_path / "new"
    settings.FILES_DIR = settings.DATA_DIR / "files"
    settings.QORGAU_KEYS_DIR = settings.DATA_DIR / "keys"
    with pytest.raises(backup.BackupError, match="not empty"):
        backup.restore_backup(_empty_archive(tmp_path / "empty.qbk"), PASSPHRASE)
    assert type(row)._base_manager.filter(pk=row.pk).exists()
