from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qorgau.documents.evaluation import evaluate


class Command(BaseCommand):
    help = "Score extraction against an annotated evaluation set: precision, recall and F1 per kind."

    def add_arguments(self, parser):
        parser.add_argument("--gold", default="tests/evaluation/gold.json")
        parser.add_argument("--corpus", default="../shared/corpus")
        parser.add_argument("--per-document", action="store_true")
        parser.add_argument("--resolution", action="store_true",
                            help="score the resolver on the labelled name pairs (tests/evaluation/*pairs*.tsv)")
        parser.add_argument("--pairs", nargs="*", help="pair files (default: tests/evaluation/*pairs*.tsv)")
        parser.add_argument("--mistakes", action="store_true", help="list the dev split's wrong merges and missed pairs")
        parser.add_argument("--fit", action="store_true", help="estimate the name weights from the dev split")

    def handle(self, *args, gold, corpus, per_document=False, **options):
        if options.get("resolution") or options.get("fit"):
            return self.resolution(options)
        if not Path(gold).exists() or not Path(corpus).is_dir():
            raise CommandError(f"Need the annotation ({gold}) and the documents ({corpus}).")
        totals, documents = evaluate(gold, corpus)
        rows = [("all documents", totals)] + (list(documents.items()) if per_document else [])
        for title, scores in rows:
            self.stdout.write(f"{title}")
            self.stdout.write(f"  {'kind':26} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
            for kind, s in scores.items():
                self.stdout.write(f"  {kind:26} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")

    def resolution(self, options):
        from qorgau.resolution.evaluation import default_paths, evaluate_pairs, fit, read_pairs
        from qorgau.resolution.scoring import AUTO, REVIEW, name_probability

        paths = options.get("pairs") or default_paths()
        missing = [str(p) for p in paths if not Path(p).is_file()]
        if not paths or missing:
            raise CommandError(f"No labelled pairs to read ({', '.join(missing) or 'tests/evaluation/*pairs*.tsv'}).")
        pairs, skipped = read_pairs(paths)
        if not pairs:
            raise CommandError("The pair files hold no labelled pair (columns: left, right, same|different, dev|test).")
        if options.get("fit"):
            self.stdout.write("weights estimated on the dev split (m, u, log2 m/u):")
            for level, (m, u, w) in fit(pairs).items():
                self.stdout.write(f"  {level:22} m={m:<6} u={u:<6} {w:+.1f}")
            return
        results, mistakes = evaluate_pairs(pairs)
        self.stdout.write(f"resolution on labelled pairs ({len(pairs)} pairs from {len(paths)} files"
                          f"{f', {skipped} lines skipped' if skipped else ''}); merged at >= {AUTO}, queued at >= {REVIEW}")
        self.stdout.write(f"  {'split':6} {'pairs':>6} {'precision':>9} {'recall':>7} {'F1':>6} {'wrong merges':>12} "
                          f"{'queue recall':>12}")
        for split in sorted(results):
            r = results[split]
            self.stdout.write(f"  {split:6} {r.tp + r.fp + r.fn + r.tn:6d} {r.precision:9.3f} {r.recall:7.3f} {r.f1:6.3f} "
                              f"{r.fp:12d} {r.queue_recall:12.3f}")
        names_only, _ = evaluate_pairs(pairs, score=name_probability)
        for split in sorted(names_only):
            r = names_only[split]
            self.stdout.write(f"  {split + '*':6} {r.tp + r.fp + r.fn + r.tn:6d} {r.precision:9.3f} {r.recall:7.3f} "
                              f"{r.f1:6.3f} {r.fp:12d} {r.queue_recall:12.3f}")
        self.stdout.write("  * names only: a one-word mention without the weight of its document")
        if options.get("mistakes"):
            for split, left, right, label, p, kind in mistakes:
                if split == "dev":
                    self.stdout.write(f"  dev  {label:9} {p:5.3f}  {left}  |  {right}  ({kind})")
