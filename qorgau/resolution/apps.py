from django.apps import AppConfig


class Config(AppConfig):
    name = "qorgau.resolution"
    label = "resolution"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from qorgau.records import indexing

        from . import blocking
        from . import views  # noqa: F401  (registers the person page's section on possible duplicates)

        if blocking not in indexing.PERSON_LISTENERS:   # stored blocking keys follow a person's names
            indexing.PERSON_LISTENERS.append(blocking)
