from django.db import migrations


def ready_when_empty(apps, schema_editor):
    """A database without list entries has every entry's mark ("le") stored, one without acts every latest bucket
    ("L..."); otherwise the list changes are counted from the entries and a range from a start year from the unions
    of its sets, as before, until `qorgau census --rebuild` has marked them (docs/analysis.md)."""
    ListEntry = apps.get_model("analysis", "ListEntry")
    Act = apps.get_model("records", "Act")
    CacheGeneration = apps.get_model("analysis", "CacheGeneration")
    if not ListEntry._base_manager.exists():
        CacheGeneration.objects.update_or_create(name="statistics-list-changes-ready", defaults={"value": 1})
    if not Act._base_manager.exists():
        CacheGeneration.objects.update_or_create(name="statistics-last-buckets-ready", defaults={"value": 1})


class Migration(migrations.Migration):

    dependencies = [
        ('analysis', '0011_statistics_bucket_counts'),
    ]

    operations = [
        migrations.RunPython(ready_when_empty, migrations.RunPython.noop),
    ]
