"""A merge moves every row that points at a person, found from the models, and unmerge moves each one back."""

import pytest

from qorgau.records import actions
from qorgau.resolution.actions import HANDLED_APART, _pointing_rows, do_merge_persons, do_unmerge, relations_to_person

pytestmark = pytest.mark.django_db


def test_every_relation_to_a_person_is_moved_or_handled_apart():
    relations = {(label, field) for label, field, _model in relations_to_person()}
    moved = {(model._meta.label_lower, field) for _key, model, field in _pointing_rows()}
    assert relations == moved | set(HANDLED_APART)
    assert not moved & set(HANDLED_APART)
    assert set(HANDLED_APART) <= relations, "HANDLED_APART names a relation that no longer exists"


def test_merge_and_unmerge_move_a_row_of_every_relation(alice, settings, tmp_path):
    from qorgau.documents.actions import do_add_attachment

    from .test_person_links import PNG  # a whole photo: a damaged one is refused (session 12)

    keep = actions.do_create_person(actor=alice, name="Keep Test", sensitivity="internal")
    other = actions.do_create_person(actor=alice, name="Other Test", sensitivity="internal")
    settings.FILES_DIR = tmp_path / "files"  # relations the demo has no row of: made here
    do_add_attachment(keep, actor=alice, data=PNG, filename="photo.png")
    rows = {}
    for key, model, field in _pointing_rows():
        row = model._base_manager.exclude(**{field: None}).order_by("id").first()
        assert row is not None, f"the demo data has no {model.__name__}.{field}: add one to this test"
        model._base_manager.filter(pk=row.pk).update(**{field: other})  # test setup: point one row at `other`
        rows[key] = (model, field, row.pk)
    merge = do_merge_persons(keep, other, actor=alice)
    for key, (model, field, pk) in rows.items():
        assert getattr(model._base_manager.get(pk=pk), f"{field}_id") == keep.pk, key
    do_unmerge(merge, actor=alice)
    for key, (model, field, pk) in rows.items():
        assert getattr(model._base_manager.get(pk=pk), f"{field}_id") == other.pk, key
