from django.db import migrations, models

import qorgau.documents.models


def fill(apps, schema_editor):
    from qorgau.lib.identifiers import new_uid

    PersonAttachment = apps.get_model("documents", "PersonAttachment")
    for row in PersonAttachment.objects.filter(public_id__isnull=True).only("pk").iterator():
        PersonAttachment.objects.filter(pk=row.pk).update(public_id=new_uid("att_"))


class Migration(migrations.Migration):
    """Attachments are named in URLs by a random id instead of their row number (session 14 audit)."""

    dependencies = [
        ("documents", "0006_person_attachments_stored_encrypted"),
    ]

    operations = [
        migrations.AddField(model_name="personattachment", name="public_id",
                            field=models.CharField(max_length=20, null=True, editable=False)),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(model_name="personattachment", name="public_id",
                              field=models.CharField(max_length=20, unique=True, editable=False,
                                                     default=qorgau.documents.models.new_attachment_id)),
    ]
