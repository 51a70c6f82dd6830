from django.db import migrations, models


def ready_when_empty(apps, schema_editor):
    """A database without acts has its sets by place and date complete; one with acts reads the acts for a date range
    with a region (as before) until `qorgau census --rebuild` has built them (docs/analysis.md)."""
    Act = apps.get_model("records", "Act")
    CacheGeneration = apps.get_model("analysis", "CacheGeneration")
    if not Act._base_manager.exists():
        CacheGeneration.objects.update_or_create(name="statistics-place-dates-ready", defaults={"value": 1})


class Migration(migrations.Migration):

    dependencies = [
        ('analysis', '0009_sealed_reasons_and_description'),
    ]

    operations = [
        migrations.AlterField(  # "@<place id>:<date bucket>" (summaries.person_marks)
            model_name='statisticsbucket',
            name='bucket',
            field=models.CharField(max_length=32),
        ),
        migrations.RunPython(ready_when_empty, migrations.RunPython.noop),
    ]
