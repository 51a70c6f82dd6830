from django.apps import AppConfig


class Config(AppConfig):
    name = "qorgau.campaigns"
    label = "campaigns"
    default_auto_field = "django.db.models.BigAutoField"
