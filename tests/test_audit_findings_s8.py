"""Session 8 audit (outside): what the session 7 audit left, and what session 7 added."""

import json

import pytest
from django.db import connection

from qorgau.keys import backup

pytestmark = pytest.mark.django_db

PASSPHRASE = "correct horse battery staple"


def _empty_archive(path):
    with open(path, "wb") as stream:
        out = backup._Sealer(stream, PASSPHRASE)
        backup._frame(out, b"M", "manifest.json", json.dumps({"format": "qorgau-backup/1"}).encode())
        backup._frame(out, b"E", "end", json.dumps({"counts": {}, "files": 0}).encode())
        out.close()
    return path


SEEDED = {"records.place", "records.placename", "records.provision", "analysis.criteriaset", "analysis.criterion",
          "analysis.cachegeneration"}


# 1. restore into a database that holds records but no person and no audit entry -------------------------------

def _document():
    from qorgau.records import actions
    return actions.do_create_document(actor="cli", title="Court decision", kind="other")


def _urgent_action():
    from qorgau.campaigns import actions
    return actions.do_create_urgent_action(actor="cli", number="1/26", title="Release the defenders")


def _prisoner_list():
    from qorgau.analysis import actions
    from qorgau.analysis.models import CriteriaSet
    from qorgau.records.actions import do_create_organisation
    organisation = do_create_organisation(actor="cli", name="Us")
    return actions.do_create_list(actor="cli", slug="pp", title="Political prisoners", organisation=organisation,
                                  criteria_set=CriteriaSet.objects.first())


def _user():
    from qorgau.accounts import actions
    return actions.do_create_user(username="editor1", password="a long passphrase here", role="editor",
                                  actor="cli")


@pytest.mark.parametrize("make", [_document, _urgent_action, _prisoner_list, _user])
def test_restore_refuses_a_database_with_records_but_no_person_or_audit_entry(make, tmp_path, settings):
    """Rows put in without the audit log (a truncated log, a database shared by mistake) are data: restore must
    refuse rather than DELETE them."""
    with connection.cursor() as cursor:  # the test database holds the demo: down to what migrations seed
        for model in backup.dumped_models():
            if model._meta.label_lower not in SEEDED:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
    record = make()
    model = type(record)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry")
    settings.DATA_DIR = tmp_path / "new"
    settings.FILES_DIR = settings.DATA_DIR / "files"
    settings.QORGAU_KEYS_DIR = settings.DATA_DIR / "keys"
    archive = _empty_archive(tmp_path / "empty.qbk")
    with pytest.raises(backup.BackupError, match="not empty"):
        backup.restore_backup(archive, PASSPHRASE)
    assert model._base_manager.filter(pk=record.pk).exists()


# 2. The search index rebuilt from scratch is the index kept record by record ------------------------------------

def _index_rows():
    from qorgau.records.models import SearchEntry
    return sorted(SearchEntry.objects.values_list("kind", "record_id", "level", "text"))


def test_a_rebuilt_index_holds_the_same_rows_as_the_one_kept_by_the_actions():
    """After merges, deletions and new records, `rebuild_index()` (init, bulk imports) must give the rows the actions
    kept: a person merged away is found by no search, also after a rebuild (its names live on the kept person at the
    level they had)."""
    from qorgau.records import actions
    from qorgau.records.indexing import rebuild_index, search
    from qorgau.records.models import Person
    from qorgau.resolution.actions import do_merge_persons

    keep = actions.do_create_person(actor="cli", name="Kept Qyzylbaeva", sensitivity="confidential")
    other = actions.do_create_person(actor="cli", name="Zhanylsyn Mergedaway", sensitivity="public", consent="granted")
    do_merge_persons(keep, other, actor="cli")
    actions.do_delete_person(actions.do_create_person(actor="cli", name="Deleted Somebody"), actor="cli")
    kept = _index_rows()
    assert not search(Person, "Mergedaway", None).exists()
    rebuild_index()
    assert _index_rows() == kept
    assert not search(Person, "Mergedaway", None).exists()
