from django.apps import AppConfig


class Config(AppConfig):
    name = "qorgau.interchange"
    label = "interchange"
    default_auto_field = "django.db.models.BigAutoField"
