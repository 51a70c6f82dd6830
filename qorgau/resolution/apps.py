from django.apps import AppConfig


class Config(AppConfig):
    name = "qorgau.resolution"
    label = "resolution"
    default_auto_field = "django.db.models.BigAutoField"
