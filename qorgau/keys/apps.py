from django.apps import AppConfig


class Config(AppConfig):
    name = "qorgau.keys"
    label = "keys"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import otp

        otp.install()  # second-factor secrets sealed at rest (see otp.py)
