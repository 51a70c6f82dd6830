from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qorgau.documents.evaluation import SPLITS, evaluate_by_language

HEADER = f"  {'kind':26} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"


class Command(BaseCommand):
    help = ("Score extraction against annotated evaluation sets: precision, recall and F1 per kind. Without --gold, "
            "every set present: the corpus, and the dev and test splits of tests/evaluation/genres (each also per "
            "language).")

    def add_arguments(self, parser):
        parser.add_argument("--gold", help="one annotation file (default: every set present)")
        parser.add_argument("--corpus", default="../shared/corpus",
                            help="the folder of the corpus documents (for the corpus set, or for --gold)")
        parser.add_argument("--split", action="append", choices=[name for name, _, _ in SPLITS],
                            help="only these sets (repeatable)")
        parser.add_argument("--per-document", action="store_true")
        parser.add_argument("--russian-ner", action="store_true",
                            help="also use natasha's named-entity tagger on Russian documents (what it buys)")

    def handle(self, *args, gold=None, corpus="../shared/corpus", split=None, per_document=False, russian_ner=False,
               **options):
        if gold:
            sets = [(Path(gold).stem, Path(gold), Path(corpus))]
        else:
            sets = [(name, path, folder or Path(corpus)) for name, path, folder in SPLITS
                    if (not split or name in split)]
            sets = [(name, path, folder) for name, path, folder in sets if path.exists() and folder.is_dir()]
        missing = [(name, path, folder) for name, path, folder in sets if not path.exists() or not folder.is_dir()]
        if not sets or missing:
            where = ", ".join(f"{p} with {f}" for _, p, f in (missing or [(s, p, f) for s, p, f in SPLITS]))
            raise CommandError(f"Need the annotation and the documents: {where}.")
        for name, path, folder in sets:
            totals, documents, languages = evaluate_by_language(path, folder, ner=russian_ner)
            rows = [(f"{name}: all documents ({len(documents)})", totals)]
            rows += [(f"{name}: language {lang}", scores) for lang, scores in sorted(languages.items())]
            rows += list(documents.items()) if per_document else []
            for title, scores in rows:
                self.stdout.write(title)
                self.stdout.write(HEADER)
                for kind, s in scores.items():
                    self.stdout.write(f"  {kind:26} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f} "
                                      f"{s.tp:5d} {s.fp:5d} {s.fn:5d}")
