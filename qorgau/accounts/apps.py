from django.apps import AppConfig


class Config(AppConfig):
    name = "qorgau.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import middleware, signals  # noqa: F401  (signal receivers)
