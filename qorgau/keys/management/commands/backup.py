import os
import secrets
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qorgau.audit.log import write_entry
from qorgau.keys.backup import BackupError, open_backup_output, read_passphrase_file, write_backup
from qorgau.keys.keyring import KeysUnavailable


class Command(BaseCommand):
    help = ("Write one encrypted, integrity-checked archive of everything: database (accounts, audit log, "
            "resolution state), stored originals, keys (wrapped by the backup passphrase), audit checkpoints.")

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", required=True, help="the archive to write")
        parser.add_argument("--passphrase-file", required=True, metavar="FILE",
                            help="a file holding the backup passphrase (at least 12 characters); never on the "
                                 "command line")

    def handle(self, *args, output, passphrase_file, **options):
        started = time.monotonic()
        target = Path(output)
        # A partial file of this run's own: two runs to one archive at once (the nightly one and an operator's) each
        # write a whole archive, and the last to finish is the archive (session 16 audit; a shared name interleaved
        # both into one that failed only at restore).
        partial = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.partial")
        try:
            passphrase = read_passphrase_file(passphrase_file)
            if not target.parent.is_dir():
                raise BackupError(f"{target.parent} is not a directory.")
            with open_backup_output(partial) as stream:
                summary = write_backup(stream, passphrase)
            partial.replace(target)
        except (BackupError, KeysUnavailable) as error:
            partial.unlink(missing_ok=True)
            raise CommandError(str(error)) from None
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        rows = sum(summary["counts"].values())
        write_entry("backup", actor="cli", changes={"rows": rows, "files": summary["files"]})
        self.stdout.write(f"Wrote {target}: {rows} rows, {summary['files']} stored files, "
                          f"{summary['bytes'] / 1e6:.1f} MB in {time.monotonic() - started:.1f} s.")
