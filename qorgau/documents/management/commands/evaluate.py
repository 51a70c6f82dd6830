from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qorgau.documents.evaluation import evaluate


class Command(BaseCommand):
    help = "Score extraction against an annotated evaluation set: precision, recall and F1 per kind."

    def add_arguments(self, parser):
        parser.add_argument("--gold", default="tests/evaluation/gold.json")
        parser.add_argument("--corpus", default="../shared/corpus")
        parser.add_argument("--per-document", action="store_true")

    def handle(self, *args, gold, corpus, per_document=False, **options):
        if not Path(gold).exists() or not Path(corpus).is_dir():
            raise CommandError(f"Need the annotation ({gold}) and the documents ({corpus}).")
        totals, documents = evaluate(gold, corpus)
        rows = [("all documents", totals)] + (list(documents.items()) if per_document else [])
        for title, scores in rows:
            self.stdout.write(f"{title}")
            self.stdout.write(f"  {'kind':26} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
            for kind, s in scores.items():
                self.stdout.write(f"  {kind:26} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
