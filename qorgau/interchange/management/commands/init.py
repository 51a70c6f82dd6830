import secrets

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from qorgau.records.indexing import rebuild_index


def ensure_data_dir():
    """Create the data directory and its lasting secret key (readable by the owner only)."""
    data_dir = settings.DATA_DIR
    (data_dir / "keys").mkdir(parents=True, exist_ok=True, mode=0o700)
    (data_dir / "files").mkdir(parents=True, exist_ok=True, mode=0o700)
    (data_dir / "static").mkdir(parents=True, exist_ok=True)
    key_file = data_dir / "keys" / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return data_dir


class Command(BaseCommand):
    help = "Create the data directory, its keys and the database (safe to run again)."

    def handle(self, *args, **options):
        data_dir = ensure_data_dir()
        call_command("migrate", verbosity=0, interactive=False)
        rebuild_index()
        self.stdout.write(f"Data directory ready: {data_dir}")
