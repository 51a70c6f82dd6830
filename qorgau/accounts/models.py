"""Staff accounts. A role says what a person may change; clearance, what they may read.

Invariant: clearance for confidential records is granted per user, never by role.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    EDITOR = "editor", _("Editor")
    REVIEWER = "reviewer", _("Reviewer")
    CAMPAIGNER = "campaigner", _("Campaigner")
    VIEWER = "viewer", _("Viewer")


# What each role may do beyond reading internal records.
ROLE_PERMISSIONS = {
    Role.ADMIN: {"edit", "review", "campaign", "admin"},
    Role.EDITOR: {"edit"},
    Role.REVIEWER: {"edit", "review"},
    Role.CAMPAIGNER: {"campaign"},
    Role.VIEWER: set(),
}


class User(AbstractUser):
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.VIEWER)
    cleared_confidential = models.BooleanField(
        default=False, help_text=_("May read confidential records and fields.")
    )
    # The interface language the user last chose (a code of settings.LANGUAGES); applied at every sign-in.
    language = models.CharField(max_length=8, blank=True, default="")

    def can(self, permission):
        return self.is_active and permission in ROLE_PERMISSIONS.get(self.role, set())

    @property
    def may_edit(self):
        return self.can("edit")

    @property
    def may_review(self):
        return self.can("review")

    @property
    def may_campaign(self):
        return self.can("campaign")
