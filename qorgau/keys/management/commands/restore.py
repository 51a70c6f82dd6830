import time

from django.core.management.base import BaseCommand, CommandError

from qorgau.keys.backup import BackupError, read_passphrase_file, restore_backup
from qorgau.keys.keyring import KeysUnavailable


class Command(BaseCommand):
    help = ("Restore a backup into a new data directory and an empty database: "
            "`qorgau --data-dir NEW restore FILE --passphrase-file P`. The archive is checked whole first; "
            "a wrong passphrase or a damaged file changes nothing.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive `qorgau backup` wrote")
        parser.add_argument("--passphrase-file", required=True, metavar="FILE")

    def handle(self, *args, file, passphrase_file, **options):
        from qorgau.interchange.management.commands.init import ensure_data_dir

        started = time.monotonic()
        try:
            passphrase = read_passphrase_file(passphrase_file)
            with open(file, "rb"):
                pass
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except BackupError as error:
            raise CommandError(str(error)) from None
        try:
            from qorgau.keys.backup import check_backup

            summary = check_backup(file, passphrase)  # before anything is written
            ensure_data_dir()
            summary = restore_backup(file, passphrase, summary)
        except (BackupError, KeysUnavailable) as error:
            raise CommandError(str(error)) from None
        from qorgau.audit.log import write_entry

        rows = sum(summary["counts"].values())
        write_entry("restore", actor="cli", changes={"rows": rows, "files": summary["files"]})
        self.stdout.write(f"Restored {rows} rows and {summary['files']} stored files in "
                          f"{time.monotonic() - started:.1f} s. Check it: qorgau audit verify")
