import secrets

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from qorgau.audit.log import rekey_legacy_chain
from qorgau.documents.storage import migrate_legacy_names
from qorgau.keys.fields import compact_database, seal_pending
from qorgau.keys.files import private_dir, tighten_data_dir, write_private
from qorgau.keys.keyring import KeysUnavailable, unwrapped
from qorgau.records.indexing import rebuild_index


def ensure_data_dir():
    """Create the data directory and its lasting secret key; everything in it is the owner's only (0700/0600)."""
    data_dir = settings.DATA_DIR
    private_dir(data_dir)
    private_dir(data_dir / "keys")
    private_dir(data_dir / "files")
    private_dir(data_dir / "audit")
    tighten_data_dir(data_dir)  # upgrades a directory an older release left readable by others
    (data_dir / "static").mkdir(parents=True, exist_ok=True)
    key_file = data_dir / "keys" / "secret_key"
    if not key_file.exists():
        write_private(key_file, secrets.token_urlsafe(50).encode())
    return data_dir


class Command(BaseCommand):
    help = "Create the data directory, its keys and the database (safe to run again)."

    def handle(self, *args, **options):
        data_dir = ensure_data_dir()
        try:
            unwrapped()  # creates the keyring on first run
        except KeysUnavailable as error:
            raise CommandError(str(error)) from None
        call_command("migrate", verbosity=0, interactive=False)
        rekey_legacy_chain()
        migrate_legacy_names()
        sealed = seal_pending()
        rebuild_index()
        if sealed:
            compact_database()
        tighten_data_dir(data_dir)
        self.stdout.write(f"Data directory ready: {data_dir}")
