from django.core.management.base import BaseCommand, CommandError

from qorgau.keys.emergency import panic


class Command(BaseCommand):
    help = ("Emergency: end every session and lock the keys, so the data cannot be read without the master key "
            "(docs/security.md#emergency). Undo with `qorgau unlock`.")

    def add_arguments(self, parser):
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
        parser.add_argument("--destroy-local-key", action="store_true",
                            help="also delete keys/master.key when it is the only master key (irreversible "
                                 "without a copy)")

    def handle(self, *args, yes=False, destroy_local_key=False, **options):
        if not yes:
            answer = input("Lock Qorgau now? Every session ends; unlocking needs the master key. Type PANIC: ")
            if answer.strip() != "PANIC":
                raise CommandError("Nothing done.")
        done, warnings = panic(actor="cli", destroy_local_key=destroy_local_key)
        for line in done:
            self.stdout.write(f"Done: {line}.")
        for line in warnings:
            self.stderr.write(f"Warning: {line}.")
