from django.db import migrations, models

import qorgau.resolution.models


def fill(apps, schema_editor):
    from qorgau.lib.identifiers import new_uid

    for name, prefix in (("Candidate", "cnd_"), ("Merge", "mrg_")):
        model = apps.get_model("resolution", name)
        batch = []
        for row in model.objects.filter(public_id__isnull=True).only("pk").iterator(chunk_size=2000):
            row.public_id = new_uid(prefix)
            batch.append(row)
            if len(batch) >= 2000:
                model.objects.bulk_update(batch, ["public_id"])
                batch = []
        model.objects.bulk_update(batch, ["public_id"])


class Migration(migrations.Migration):
    """Candidate pairs and merges are named in URLs and forms by a random id instead of their row number
    (session 16 audit)."""

    dependencies = [
        ("resolution", "0003_person_blocking_keys"),
    ]

    operations = [
        migrations.AddField(model_name="candidate", name="public_id",
                            field=models.CharField(max_length=20, null=True, editable=False)),
        migrations.AddField(model_name="merge", name="public_id",
                            field=models.CharField(max_length=20, null=True, editable=False)),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(model_name="candidate", name="public_id",
                              field=models.CharField(max_length=20, unique=True, editable=False,
                                                     default=qorgau.resolution.models.new_candidate_id)),
        migrations.AlterField(model_name="merge", name="public_id",
                              field=models.CharField(max_length=20, unique=True, editable=False,
                                                     default=qorgau.resolution.models.new_merge_id)),
    ]
