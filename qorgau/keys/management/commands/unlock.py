from django.core.management.base import BaseCommand, CommandError

from qorgau.keys import keyring
from qorgau.keys.emergency import unlock


class Command(BaseCommand):
    help = "Lift a `qorgau panic` lock with the master key (from QORGAU_MASTER_KEY_FILE, … or --master-key-file)."

    def add_arguments(self, parser):
        parser.add_argument("--master-key-file", metavar="FILE", help="the master key, if not in the environment")

    def handle(self, *args, master_key_file=None, **options):
        try:
            source = None
            if master_key_file:
                source = keyring.source_from({"QORGAU_MASTER_KEY_FILE": master_key_file}, allow_default=False)
            was_locked = unlock(source, actor="cli")
        except keyring.KeysUnavailable as error:
            raise CommandError(str(error)) from None
        self.stdout.write("Unlocked." if was_locked else "Qorgau was not locked; the master key opens the keyring.")
