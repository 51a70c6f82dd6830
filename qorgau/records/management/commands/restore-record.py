"""`qorgau restore-record UID`: bring back a deleted record with everything its deletion took along."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from qorgau.records.actions import do_restore_record
from qorgau.records.models import Deletion


class Command(BaseCommand):
    help = "Restore a deleted record (and what was deleted with it). Without UID: list what can be restored."

    def add_arguments(self, parser):
        parser.add_argument("uid", nargs="?", help="the deleted record's identifier, e.g. per_ab12cd34")
        parser.add_argument("--as", dest="actor", default="command line", help="who restores, for the audit log")

    def handle(self, *args, uid=None, actor="command line", **options):
        if not uid:
            deletions = Deletion.objects.filter(restored_at__isnull=True).order_by("-at", "-id")
            for deletion in deletions:
                self.stdout.write(f"{deletion.record_uid}\t{deletion.record_type}\tdeleted {deletion.at:%Y-%m-%d %H:%M}"
                                  f" by {deletion.actor_label}\t{sum(r['op'] == 'soft' for r in deletion.rows)} records")
            if not deletions:
                self.stdout.write("Nothing is deleted.")
            return
        try:
            deletion, notes = do_restore_record(uid.strip(), actor=f"{actor} (restore-record)")
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        count = sum(row["op"] == "soft" for row in deletion.rows)
        self.stdout.write(f"Restored {deletion.record_uid} ({deletion.record_type}) and {count - 1} records deleted "
                          f"with it.")
        for note in notes:
            self.stdout.write(f"  {note}")
