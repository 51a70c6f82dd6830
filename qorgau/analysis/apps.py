from django.apps import AppConfig


class Config(AppConfig):
    name = "qorgau.analysis"
    label = "analysis"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Analysis"

    def ready(self):
        from . import episodes

        episodes.connect()
        from . import views  # noqa: F401  (registers the person page's section on list entries)
