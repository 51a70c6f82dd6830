from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qorgau.documents.evaluation import FORMATS, SPLITS, evaluate_by_language, evaluate_formats, recall_gaps

HEADER = f"  {'kind':26} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"


class Command(BaseCommand):
    help = ("Score extraction against annotated evaluation sets: precision, recall and F1 per kind. Without --gold, "
            "every set present: the corpus, and the dev and test splits of tests/evaluation/genres (each also per "
            "language), each also rendered as a web page, a PDF report and a Word file (--no-formats: text only).")

    def add_arguments(self, parser):
        parser.add_argument("--gold", help="one annotation file (default: every set present)")
        parser.add_argument("--corpus", default="../shared/corpus",
                            help="the folder of the corpus documents (for the corpus set, or for --gold)")
        parser.add_argument("--split", action="append", choices=[name for name, _, _ in SPLITS],
                            help="only these sets (repeatable); with --resolution, only the labelled pairs of these "
                             "splits (dev, test) are scored")
        parser.add_argument("--per-document", action="store_true")
        parser.add_argument("--resolution", action="store_true",
                            help="score the resolver on the labelled name pairs (tests/evaluation/*pairs*.tsv)")
        parser.add_argument("--pairs", nargs="*", help="pair files (default: tests/evaluation/*pairs*.tsv)")
        parser.add_argument("--mistakes", action="store_true", help="list the dev split's wrong merges and missed pairs")
        parser.add_argument("--fit", action="store_true", help="estimate the name weights from the dev split")
        parser.add_argument("--formats", nargs="?", const=",".join(FORMATS), default=None, metavar="html,pdf,docx",
                            help="also render each document as a web page with site chrome, a PDF report and a Word "
                                 "file, read them back and score each against the same gold (with the gap to the "
                                 "text version and what boilerplate yields); on by default for the built-in sets")
        parser.add_argument("--no-formats", action="store_true", help="score the text versions only")
        parser.add_argument("--kinds", action="store_true", help="the dev split's pairs counted by kind")
        parser.add_argument("--russian-ner", action="store_true",
                            help="also use natasha's named-entity tagger on Russian documents (what it buys)")

    def handle(self, *args, gold=None, corpus="../shared/corpus", split=None, per_document=False, russian_ner=False,
               formats=None, no_formats=False, **options):
        if options.get("resolution") or options.get("fit"):
            return self.resolution(options, split)
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
        if formats is None and not gold:
            formats = ",".join(FORMATS)  # the built-in sets: the rendered versions are scored too (issue 11)
        if formats and not no_formats:
            chosen = [f.strip() for f in formats.split(",") if f.strip()]
            unknown = [f for f in chosen if f not in FORMATS]
            if unknown or not chosen:
                raise CommandError(f"--formats takes some of {', '.join(FORMATS)} (not {', '.join(unknown) or 'nothing'}).")
            for name, path, folder in sets:
                self.formats(name, path, folder, chosen, per_document, russian_ner)

    def formats(self, name, path, folder, chosen, per_document, ner):
        from qorgau.documents.render import FONT_DIR

        if "pdf" in chosen and not (FONT_DIR / "DejaVuSans.ttf").is_file():
            self.stderr.write(f"pdf not scored: the PDF renderer needs the DejaVu fonts in {FONT_DIR} "
                              "(Cyrillic and Kazakh letters); install fonts-dejavu-core.")
            chosen = [f for f in chosen if f != "pdf"]
        # The corpus is text extracted from PDF reports (hard-wrapped, notes inline): its formats lay out the
        # paragraphs and notes the reader finds; the evaluation documents' lines are paragraphs of their own.
        results = evaluate_formats(path, folder, chosen, ner=ner, as_read=name == "corpus")
        count = len(results["text"]["documents"])
        self.stdout.write(f"{name}: formats ({count} documents, each rendered and read back, scored against the same "
                          "gold; Δ = recall minus the text version's; off = documents whose acts or pairs recall "
                          "differs by more than 0.05; boilerplate = persons, acts and sources from outside the text)")
        self.stdout.write(f"  {'format':6} {'mentions P/R':>13} {'acts P/R':>13} {'pairs P/R':>13} {'Δ acts':>7} "
                          f"{'Δ pairs':>7} {'off':>4} {'bp persons':>10} {'bp acts':>7} {'bp sources':>10}")
        kinds = ("person mentions", "acts", "person–provision pairs")
        text = results["text"]["totals"]
        for fmt, result in results.items():
            totals, bp = result["totals"], result["boilerplate"]
            cells = " ".join(f"{totals[k].precision:6.3f}/{totals[k].recall:.3f}" for k in kinds)
            gaps = recall_gaps(results, fmt)
            self.stdout.write(f"  {fmt:6} {cells} {totals['acts'].recall - text['acts'].recall:+7.3f} "
                              f"{totals[kinds[2]].recall - text[kinds[2]].recall:+7.3f} "
                              f"{len({g[0] for g in gaps}):4d} {len(bp.persons):10d} {len(bp.acts):7d} {len(bp.sources):10d}")
            for language, scores in sorted(result["languages"].items()):
                cells = " ".join(f"{scores[k].precision:6.3f}/{scores[k].recall:.3f}" for k in kinds)
                self.stdout.write(f"    {language:4} {cells}")
            if per_document and fmt != "text":
                for document, kind, before, after in gaps:
                    self.stdout.write(f"    off: {document} {kind} recall {before:.3f} -> {after:.3f}")
                for item in sorted(bp.persons) + bp.acts + bp.sources:
                    self.stdout.write(f"    boilerplate: {item}")

    def resolution(self, options, split=None):
        from qorgau.resolution.evaluation import default_paths, evaluate_pairs, fit, read_pairs
        from qorgau.resolution.scoring import AUTO, REVIEW, name_probability

        paths = options.get("pairs") or default_paths()
        missing = [str(p) for p in paths if not Path(p).is_file()]
        if not paths or missing:
            raise CommandError(f"No labelled pairs to read ({', '.join(missing) or 'tests/evaluation/*pairs*.tsv'}).")
        pairs, skipped = read_pairs(paths)
        if not pairs:
            raise CommandError("The pair files hold no labelled pair (columns: left, right, same|different, dev|test).")
        if split:
            # Only the chosen splits are scored (tuning runs pass --split dev and never score the test pairs).
            chosen = set(split) & {"dev", "test"}
            if not chosen:
                raise CommandError("The labelled pairs are split into dev and test: --split dev or --split test.")
            pairs = [pair for pair in pairs if pair[3] in chosen]
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
