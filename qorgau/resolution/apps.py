from django.apps import AppConfig


class Config(AppConfig):
    name = "qorgau.resolution"
    label = "resolution"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from qorgau.records.registry import person_listener, person_section

        # The person page's section on possible duplicates, imported when a person page is first shown.
        person_section("qorgau.resolution.views.possible_duplicates")
        # Stored blocking keys follow a person's names (imported when a person's names are first indexed).
        person_listener("qorgau.resolution.blocking")
