import getpass

from django.core.management.base import BaseCommand, CommandError

from qorgau.accounts.actions import do_create_user
from qorgau.accounts.models import Role


class Command(BaseCommand):
    help = "Add a staff account with a role; --cleared grants clearance for confidential records."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=Role.values, default=Role.VIEWER)
        parser.add_argument("--cleared", action="store_true")
        parser.add_argument("--password", help="(default: asked for, or read from QORGAU_NEW_PASSWORD)")

    def handle(self, *args, username, role, cleared, password=None, **options):
        import os

        password = password or os.environ.get("QORGAU_NEW_PASSWORD") or getpass.getpass("Password: ")
        if len(password) < 10:
            raise CommandError("Use a password of at least 10 characters.")
        user = do_create_user(username=username, password=password, role=role, cleared=cleared, actor="cli")
        self.stdout.write(f"Created {user.username} ({user.role}{', cleared' if cleared else ''}).")
