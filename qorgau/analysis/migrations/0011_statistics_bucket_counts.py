from django.db import migrations, models


def ready_when_empty(apps, schema_editor):
    """A database without acts has its sets' counts complete; one with acts decodes the sets as before until
    `qorgau census --rebuild` has counted them (docs/analysis.md)."""
    Act = apps.get_model("records", "Act")
    CacheGeneration = apps.get_model("analysis", "CacheGeneration")
    if not Act._base_manager.exists():
        CacheGeneration.objects.update_or_create(name="statistics-bucket-counts-ready", defaults={"value": 1})


class Migration(migrations.Migration):

    dependencies = [
        ('analysis', '0010_statistics_buckets_by_place_and_date'),
    ]

    operations = [
        migrations.AddField(
            model_name='statisticsbucket',
            name='people',
            field=models.IntegerField(default=0),
        ),
        migrations.AddField(
            model_name='statisticsbucket',
            name='unconsented',
            field=models.IntegerField(default=0),
        ),
        migrations.RunPython(ready_when_empty, migrations.RunPython.noop),
    ]
