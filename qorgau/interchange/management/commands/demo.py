import secrets
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from qorgau.accounts import twofactor
from qorgau.accounts.models import Role, User
from qorgau.interchange.importer import import_stream
from qorgau.records.models import Person

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "demo.jsonl"


class Command(BaseCommand):
    help = "Create the data directory, load the demo dataset, create an admin account, and serve."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="stop after loading")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, no_serve=False, port=8000, host="127.0.0.1", **options):
        call_command("init", verbosity=0)
        if not Person.objects.filter(uid="per_tobylova").exists():
            with DEMO_FILE.open(encoding="utf-8") as stream:
                counts = import_stream(stream, actor="demo")
            self.stdout.write(f"Loaded the demo dataset: {counts.get('person', 0)} persons, {counts.get('act', 0)} acts.")
            from qorgau.analysis.actions import do_build_lists_from_recognitions

            entries = do_build_lists_from_recognitions(actor="demo")
            self.stdout.write(f"Built political-prisoner lists from its recognitions: {entries} entries.")
        from qorgau.analysis.opendata import snapshots, write_snapshot

        if not snapshots():  # the open-data page offers something on the first run (issue 13, item 7)
            from qorgau.audit.log import write_entry

            archive, counts = write_snapshot()
            write_entry("opendata", actor="demo", changes={"output": archive.name, **counts})
            self.stdout.write(f"Published an open-data snapshot of its public records: {archive.name}.")
        else:
            self.stdout.write("The demo dataset is already loaded.")
        password = secrets.token_urlsafe(12)
        admin = User.objects.filter(username="admin").first() or User(username="admin")
        admin.role, admin.cleared_confidential, admin.is_staff = Role.ADMIN, True, True
        admin.set_password(password)
        admin.save()
        self.stdout.write(f"\n  Address:  http://{host}:{port}/login/\n  User:     admin\n  Password: {password}\n")
        if twofactor.enrolled(admin):
            self.stdout.write("  Then the 6-digit code from your authenticator app (or a recovery code).\n")
        else:
            self.stdout.write("  Then scan the QR code shown with an authenticator app on your phone (FreeOTP, Aegis,\n"
                              "  Google Authenticator…) and type its 6-digit code: two-factor sign-in is required\n"
                              "  for administrators. Keep the recovery codes it shows.\n")
        if not no_serve:
            call_command("serve", port=port, host=host)
