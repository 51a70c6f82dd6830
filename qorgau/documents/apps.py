from django.apps import AppConfig


class Config(AppConfig):
    name = "qorgau.documents"
    label = "documents"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import views  # noqa: F401  (registers the person page's section on attachments)
