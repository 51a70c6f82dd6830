import sys

from django.core.management.base import BaseCommand

from qorgau.audit.log import write_entry
from qorgau.interchange.exporter import write_export
from qorgau.keys.files import open_private


class Command(BaseCommand):
    help = "Write the database in the interchange format (JSON Lines)."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")
        parser.add_argument("--public", action="store_true", help="only what an anonymous visitor may see")
        parser.add_argument("--accepted-only", action="store_true", help="leave out facts nobody has reviewed")

    def handle(self, *args, output=None, public=False, accepted_only=False, **options):
        from qorgau.keys.keyring import unwrapped

        unwrapped()  # a lost or wrong master key: refused before a line is written (the export is audited)
        if output:
            with open_private(output, "w", encoding="utf-8") as stream:  # 0600: exports hold names
                count = write_export(stream, public=public, accepted_only=accepted_only)
            self.stderr.write(f"Wrote {count} records to {output}.")
        else:
            count = write_export(sys.stdout, public=public, accepted_only=accepted_only)
        write_entry("export", actor="cli", changes={"records": count, "public": public, "accepted_only": accepted_only})
