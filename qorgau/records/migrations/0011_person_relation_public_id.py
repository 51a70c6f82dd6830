from django.db import migrations, models

import qorgau.records.models.persons


def fill(apps, schema_editor):
    from qorgau.lib.identifiers import new_uid

    PersonRelation = apps.get_model("records", "PersonRelation")
    batch = []
    for row in PersonRelation.objects.filter(public_id__isnull=True).only("pk").iterator(chunk_size=2000):
        row.public_id = new_uid("rel_")
        batch.append(row)
        if len(batch) >= 2000:
            PersonRelation.objects.bulk_update(batch, ["public_id"])
            batch = []
    PersonRelation.objects.bulk_update(batch, ["public_id"])


class Migration(migrations.Migration):
    """Links between persons are named in the address that removes them by a random id instead of their row number
    (session 16 audit)."""

    dependencies = [
        ("records", "0010_sealed_recognition_reasons"),
    ]

    operations = [
        migrations.AddField(model_name="personrelation", name="public_id",
                            field=models.CharField(max_length=20, null=True, editable=False)),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(model_name="personrelation", name="public_id",
                              field=models.CharField(max_length=20, unique=True, editable=False,
                                                     default=qorgau.records.models.persons.new_relation_id)),
    ]
