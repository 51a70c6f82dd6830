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
        parser.add_argument("--resolution", action="store_true",
                            help="score the resolver on the labelled name pairs (tests/evaluation/*pairs*.tsv)")
        parser.add_argument("--pairs", nargs="*", help="pair files (default: tests/evaluation/*pairs*.tsv)")
        parser.add_argument("--mistakes", action="store_true", help="list the dev split's wrong merges and missed pairs")
        parser.add_argument("--fit", action="store_true", help="estimate the name weights from the dev split")
        parser.add_argument("--kinds", action="store_true", help="the dev split's pairs counted by kind")
        parser.add_argument("--russian-ner", action="store_true",
                            help="also use natasha's named-entity tagger on Russian documents (what it buys)")

    def handle(self, *args, gold=None, corpus="../shared/corpus", split=None, per_document=False, russian_ner=False,
               **options):
        if options.get("resolution") or options.get("fit"):
            return self.resolution(options)
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
        if options.get("kinds"):
            from qorgau.resolution.evaluation import by_kind

            self.stdout.write(f"  dev by kind: {'kind':44} {'true':>5} {'merged':>6} {'queued':>6} {'diff':>5} {'wrong':>5}")
            for kind, (true, merged, queued, diff, wrong) in by_kind(pairs).items():
                self.stdout.write(f"  dev by kind: {kind[:44]:44} {true:5d} {merged:6d} {queued:6d} {diff:5d} {wrong:5d}")
        if options.get("mistakes"):
            for split, left, right, label, p, kind in mistakes:
                if split == "dev":
                    self.stdout.write(f"  dev  {label:9} {p:5.3f}  {left}  |  {right}  ({kind})")
