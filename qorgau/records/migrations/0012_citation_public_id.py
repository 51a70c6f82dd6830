from django.db import migrations, models

import qorgau.records.models.citations


def fill(apps, schema_editor):
    from qorgau.lib.identifiers import new_uid

    Citation = apps.get_model("records", "Citation")
    batch = []
    for row in Citation.objects.filter(public_id__isnull=True).only("pk").iterator(chunk_size=2000):
        row.public_id = new_uid("cit_")
        batch.append(row)
        if len(batch) >= 2000:
            Citation.objects.bulk_update(batch, ["public_id"])
            batch = []
    Citation.objects.bulk_update(batch, ["public_id"])


class Migration(migrations.Migration):
    """Citations and extraction proposals are named in links, anchors, review addresses and forms by a random id
    instead of their row number (session 17)."""

    dependencies = [
        ("records", "0011_person_relation_public_id"),
    ]

    operations = [
        migrations.AddField(model_name="citation", name="public_id",
                            field=models.CharField(max_length=20, null=True, editable=False)),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(model_name="citation", name="public_id",
                              field=models.CharField(max_length=20, unique=True, editable=False,
                                                     default=qorgau.records.models.citations.new_citation_id)),
    ]
