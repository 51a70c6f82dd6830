from django.core.management.base import BaseCommand, CommandError

from qorgau.analysis.opendata import write_package, write_snapshot
from qorgau.audit.log import write_entry


class Command(BaseCommand):
    help = ("Write the open-data release: a Frictionless data package (CSV + datapackage.json) and one XLSX, "
            "public records only.")

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="a directory to write into (default: a dated snapshot in the "
                                                   "data directory, offered on the statistics page)")
        parser.add_argument("--license", help="licence of the package, an SPDX id: CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, "
                                              "ODC-By-1.0, ODbL-1.0, PDDL-1.0 (default QORGAU_OPENDATA_LICENSE)")

    def handle(self, *args, output, license, **options):
        from qorgau.analysis.opendata import license_entry
        from qorgau.keys.keyring import unwrapped

        try:
            license_entry(license)
        except ValueError as error:
            raise CommandError(str(error)) from None
        unwrapped()  # a lost or wrong master key: refused before a snapshot is published (the release is audited)
        if output:
            try:
                counts = write_package(output, license=license)
            except OSError as error:
                raise CommandError(f"Cannot write to {output}: {error.strerror}.") from None
            where = output
        else:
            where, counts = write_snapshot()
        write_entry("opendata", actor="cli", changes={"output": str(where), **counts})
        self.stdout.write(f"Wrote {where}: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
