from django.core.management.base import BaseCommand, CommandError

from qorgau.audit.log import verify_chain


class Command(BaseCommand):
    help = "Work with the audit log. `qorgau audit verify` checks the hash chain."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, action, **options):
        report = verify_chain()
        if report.intact:
            self.stdout.write(f"Audit chain intact: {report.checked} entries checked.")
            return
        raise CommandError(
            f"Audit chain broken at entry {report.broken_at}: {report.reason}. "
            f"{report.checked} entries before it are intact."
        )
