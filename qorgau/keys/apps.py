from django.apps import AppConfig


class Config(AppConfig):
    name = "qorgau.keys"
    label = "keys"
    default_auto_field = "django.db.models.BigAutoField"
