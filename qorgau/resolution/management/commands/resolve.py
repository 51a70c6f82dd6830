from django.core.management.base import BaseCommand

from qorgau.resolution.actions import AUTO, resolve


class Command(BaseCommand):
    help = "Find persons recorded more than once: link the certain ones, queue the likely ones for review."

    def add_arguments(self, parser):
        parser.add_argument("--threshold", type=float, default=AUTO, help=f"score for automatic links (default {AUTO})")

    def handle(self, *args, threshold, **options):
        counts = resolve(actor="cli", auto=threshold)
        self.stdout.write(f"Merged {counts['merged']} pairs automatically; {counts['queued']} pairs await review; "
                          f"{counts['kept apart']} pairs kept apart by earlier judgements.")
