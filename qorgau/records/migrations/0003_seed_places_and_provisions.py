"""Seed data: Kazakhstan's regions and the places and laws that monitoring reports name.

Reads JSON files beside the app rather than importing app code, so the
migration keeps working as the code changes. Search rows are built later by
`qorgau init` (the index is derived data).
"""

import json
import secrets
from pathlib import Path

from django.db import migrations

SEED_DIR = Path(__file__).resolve().parent.parent / "seed"
ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"


def _script(text):
    return "Cyrl" if any("\u0400" <= ch <= "\u04ff" for ch in text) else "Latn"


def seed(apps, schema_editor):
    Place = apps.get_model("records", "Place")
    PlaceName = apps.get_model("records", "PlaceName")
    Provision = apps.get_model("records", "Provision")
    by_key = {}
    for row in json.loads((SEED_DIR / "places.json").read_text(encoding="utf-8")):
        place = Place.objects.create(
            uid=row.get("uid") or "plc_" + "".join(secrets.choice(ALPHABET) for _ in range(12)),
            name=row["name"], kind=row["kind"], parent=by_key.get(row.get("parent")),
            latitude=row.get("lat"), longitude=row.get("lon"), sensitivity="public",
        )
        by_key[row["key"]] = place
        for alias in row.get("names", []):
            name, lang, kind = alias if isinstance(alias, list) else (alias, "", "alias")
            PlaceName.objects.create(place=place, name=name, script=_script(name), lang=lang, kind=kind)
    for row in json.loads((SEED_DIR / "provisions.json").read_text(encoding="utf-8")):
        Provision.objects.create(sensitivity="public", **row)


def unseed(apps, schema_editor):
    apps.get_model("records", "Place").objects.all().delete()
    apps.get_model("records", "Provision").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("records", "0002_full_text_search_index")]
    operations = [migrations.RunPython(seed, unseed)]
