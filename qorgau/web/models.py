from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """A staff script's key to the read API. Only its SHA-256 is stored; the token is shown once, when made.

    A request with the token reads as its user, at that user's level now (a revoked clearance or a deactivated
    account applies at once); a revoked token reads nothing.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    label = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.prefix}… ({self.user})"
