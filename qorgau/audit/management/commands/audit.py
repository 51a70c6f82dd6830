from django.core.management.base import BaseCommand, CommandError

from qorgau.audit.log import checkpoints_path, verify_chain, write_checkpoint
from qorgau.keys.keyring import KeysUnavailable


class Command(BaseCommand):
    help = ("Work with the audit log. `qorgau audit verify` checks the keyed chain against its checkpoints; "
            "`qorgau audit checkpoint` appends one (and prints it, to keep a copy offline).")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify", "checkpoint"])
        parser.add_argument("--checkpoints", action="append", default=[], metavar="FILE",
                            help="also compare with checkpoints kept elsewhere (a copy, a printout typed back)")

    def handle(self, *args, action, checkpoints=(), **options):
        try:
            if action == "checkpoint":
                line = write_checkpoint()
                self.stderr.write(f"Checkpoint appended to {checkpoints_path()}; keep this line elsewhere:")
                self.stdout.write(line)
                return
            for path in checkpoints:
                try:
                    open(path, encoding="utf-8").close()
                except OSError as error:
                    raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
            report = verify_chain(checkpoint_files=checkpoints)
        except KeysUnavailable as error:
            raise CommandError(str(error)) from None
        for warning in report.warnings:
            self.stderr.write(f"Warning: {warning}.")
        if report.intact:
            self.stdout.write(f"Audit chain intact: {report.checked} entries checked against "
                              f"{report.checkpoints} checkpoints.")
            write_checkpoint()
            return
        where = f"at entry {report.broken_at}" if report.broken_at else "in its checkpoints"
        raise CommandError(
            f"Audit chain broken {where}: {report.reason}. "
            f"{report.checked} entries before it are intact."
        )
