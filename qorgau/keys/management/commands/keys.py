import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qorgau.audit.log import write_entry
from qorgau.keys import keyring
from qorgau.keys.fields import compact_database, reseal_all
from qorgau.keys.files import UnreadableSecret, read_secret_text, write_private
from qorgau.records.indexing import rebuild_index


def read_secret_file(path, what):
    try:
        text = read_secret_text(path, what).strip()
    except UnreadableSecret as error:
        raise CommandError(str(error)) from None
    if not text:
        raise CommandError(f"{path} is empty.")
    return text


class Command(BaseCommand):
    help = ("Manage the keys: `keys generate` prints a new master key; `keys status` says where the master key "
            "comes from; `keys rotate` re-wraps the keyring under a new master key (and with --reencrypt "
            "re-encrypts every sealed value under a new data key); `keys seal` seals values still stored plain.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["generate", "status", "rotate", "seal"])
        parser.add_argument("--new-master-key-file", metavar="FILE",
                            help="rotate: wrap under the master key in FILE (a new one is written there when "
                                 "FILE does not exist)")
        parser.add_argument("--new-passphrase-file", metavar="FILE",
                            help="rotate: wrap under the passphrase in FILE")
        parser.add_argument("--reencrypt", action="store_true",
                            help="rotate: also make a new data key and re-encrypt every sealed value with it")

    def handle(self, *args, action, new_master_key_file=None, new_passphrase_file=None, reencrypt=False,
               **options):
        try:
            if action == "generate":
                self.stdout.write(keyring.generate_master_key())
                return
            if action == "status":
                return self.status()
            if action == "seal":
                changed = reseal_all()
                rebuild_index()
                compact_database()
                self.stdout.write(f"Sealed {changed} rows.")
                return
            return self.rotate(new_master_key_file, new_passphrase_file, reencrypt)
        except keyring.KeysUnavailable as error:
            raise CommandError(str(error)) from None

    def status(self):
        source = keyring.source_from()
        plain = keyring.unwrapped()
        self.stdout.write(f"Keyring: {keyring.keyring_path()}")
        self.stdout.write(f"Master key: {source.kind} from {source.where}")
        self.stdout.write(f"Data keys: {', '.join(sorted(plain['data']))} (current {plain['current']})")
        if source.default:
            self.stderr.write("Warning: the master key is a file in the data directory: whoever copies the data "
                              "directory can read everything. Move it elsewhere (docs/security.md).")

    def rotate(self, new_master_key_file, new_passphrase_file, reencrypt):
        current = keyring.source_from()
        if current is None:
            keyring.unwrapped()  # says what is missing
        keyring.unwrapped()  # the current master key must open the keyring before anything changes
        if new_master_key_file and new_passphrase_file:
            raise CommandError("Give --new-master-key-file or --new-passphrase-file, not both.")
        rewrapped_to = None
        if new_passphrase_file:
            new = keyring.MasterSource("passphrase", read_secret_file(new_passphrase_file, "the passphrase file")
                                       .encode(), new_passphrase_file)
            keyring.rewrap(new)
            rewrapped_to = "passphrase"
        elif new_master_key_file:
            path = Path(new_master_key_file)
            if not path.exists():
                write_private(path, (keyring.generate_master_key() + "\n").encode())
                self.stderr.write(f"Wrote a new master key to {path}.")
            text = read_secret_file(path, "the master key file")
            new = keyring.MasterSource("key", keyring.parse_master_key(text, str(path)), str(path))
            keyring.rewrap(new)
            rewrapped_to = "key file"
        elif current.default and not reencrypt:
            # A new default key: the keyring is re-wrapped first under the new key, kept beside the old one,
            # then the new key file replaces the old one.
            path = keyring.default_master_path()
            pending = path.with_name("master.key.new")
            text = keyring.generate_master_key()
            write_private(pending, (text + "\n").encode())
            keyring.rewrap(keyring.MasterSource("key", keyring.parse_master_key(text, str(pending)), str(pending),
                                                default=True))
            pending.replace(path)
            rewrapped_to = "default key file"
        elif not reencrypt:
            raise CommandError("The master key comes from the environment: say where the new one is with "
                               "--new-master-key-file or --new-passphrase-file (or use --reencrypt alone).")
        default_file = keyring.default_master_path()
        if rewrapped_to in {"passphrase", "key file"} and default_file.exists():
            default_file.unlink()  # it no longer opens the keyring
            self.stderr.write(f"Removed {default_file}: the master key now lives outside the data directory.")
        changes = {"rewrapped": rewrapped_to or "no"}
        if reencrypt:
            key_id = keyring.add_data_key()
            changed = reseal_all()
            compact_database()
            changes.update({"data_key": key_id, "rows_reencrypted": changed})
            self.stdout.write(f"New data key {key_id}; re-encrypted {changed} rows.")
        write_entry("rotate_keys", actor="cli", record_type="Keyring", changes=changes)
        if rewrapped_to:
            self.stdout.write(f"Keyring re-wrapped under the new {rewrapped_to}.")
            if rewrapped_to in {"passphrase", "key file"}:
                self.stdout.write("Point QORGAU_MASTER_KEY_FILE / QORGAU_MASTER_PASSPHRASE at the new secret, "
                                  "then restart the server (workers keep the keys they already hold).")
        sys.stdout.flush()
