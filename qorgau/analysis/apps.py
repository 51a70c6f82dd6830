from django.apps import AppConfig


class Config(AppConfig):
    name = "qorgau.analysis"
    label = "analysis"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Analysis"

    def ready(self):
        from . import checks, episodes  # noqa: F401 (checks registers the database collation check)

        episodes.connect()
        from qorgau.records.registry import person_section

        # The person page's section on list entries, imported when a person page is first shown.
        person_section("qorgau.analysis.views.list_memberships")
