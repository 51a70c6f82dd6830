import getpass
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from qorgau.accounts.actions import do_create_user
from qorgau.accounts.models import Role


class Command(BaseCommand):
    help = ("Add a staff account with a role; --cleared grants clearance for confidential records. The password is "
            "asked for, or read from the first line of --password-file (never given on the command line).")

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=Role.values, default=Role.VIEWER)
        parser.add_argument("--cleared", action="store_true")
        parser.add_argument("--password-file", metavar="FILE",
                            help="read the password from the first line of FILE ('-': standard input)")

    def handle(self, *args, username, role, cleared, password_file=None, **options):
        password = self.read_password(password_file)
        try:
            user = do_create_user(username=username, password=password, role=role, cleared=cleared, actor="cli")
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"Created {user.username} ({user.role}{', cleared' if cleared else ''}).")
        if user.role == Role.ADMIN or cleared:
            self.stdout.write("They set up two-factor sign-in (an authenticator app) when they first sign in.")

    def read_password(self, password_file):
        if password_file:
            try:
                text = sys.stdin.read() if password_file == "-" else Path(password_file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"Cannot read the password file: {error}") from None
            lines = text.splitlines()
            if not lines or not lines[0]:
                raise CommandError("The password file is empty.")
            return lines[0]
        if not sys.stdin.isatty():
            raise CommandError("Give the password with --password-file FILE (or '-' for standard input), "
                               "or run this in a terminal to be asked for it.")
        password = getpass.getpass("Password: ")
        if getpass.getpass("Password (again): ") != password:
            raise CommandError("The two passwords differ; nothing was changed.")
        return password
