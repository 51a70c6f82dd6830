from django.db import migrations, models

import qorgau.analysis.models


def fill(apps, schema_editor):
    from qorgau.lib.identifiers import new_uid

    SavedChart = apps.get_model("analysis", "SavedChart")
    for row in SavedChart.objects.filter(public_id__isnull=True).only("pk").iterator():
        SavedChart.objects.filter(pk=row.pk).update(public_id=new_uid("cht_"))


class Migration(migrations.Migration):
    """Saved charts are named in URLs and forms by a random id instead of their row number (session 14 audit)."""

    dependencies = [
        ("analysis", "0012_statistics_list_changes_ready"),
    ]

    operations = [
        migrations.AddField(model_name="savedchart", name="public_id",
                            field=models.CharField(max_length=20, null=True, editable=False)),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(model_name="savedchart", name="public_id",
                              field=models.CharField(max_length=20, unique=True, editable=False,
                                                     default=qorgau.analysis.models.new_chart_id)),
    ]
