from django.apps import AppConfig


class Config(AppConfig):
    name = "qorgau.throttle"
    label = "throttle"
    default_auto_field = "django.db.models.BigAutoField"
