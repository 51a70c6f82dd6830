from django.apps import AppConfig


class Config(AppConfig):
    name = "qorgau.documents"
    label = "documents"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from qorgau.records.registry import person_section

        # The person page's section on attachments, imported when a person page is first shown (not at every start).
        person_section("qorgau.documents.views.attachments_section")
