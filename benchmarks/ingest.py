"""Speed and memory of reading and extraction (the pure pipeline, one process = one core).

    python benchmarks/ingest.py                    # words/s on ../shared/corpus, and a generated 300-page PDF
    python benchmarks/ingest.py --pages 300 --repeat 20

Words per second: read + repair + every extraction rule, over the corpus files, repeated. Peak memory: a
300-page PDF generated here (our own sentences, with footnotes in a smaller font) is read and analysed in a
fresh process; the figure is that process's peak resident set size.
"""

import argparse
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")


def pipeline(filename, data):
    from qorgau.documents.extract.acts import find_acts, find_tallies
    from qorgau.documents.extract.dates import find_dates
    from qorgau.documents.extract.names import find_persons
    from qorgau.documents.extract.provisions import find_provisions
    from qorgau.documents.extract.targets import find_targets
    from qorgau.documents.ingest.reading import read_document
    from qorgau.documents.ingest.repair import canonicalise

    text = canonicalise(read_document(filename, data), {"174", "274", "400", "488"}).text
    mentions, dates, provisions = find_persons(text), find_dates(text), find_provisions(text)
    acts = find_acts(text, mentions, dates, provisions)
    find_tallies(text, dates)
    find_targets(text)
    return len(text.split()), len(acts)


def make_pdf(path, pages):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rng = random.Random(3)
    names = ["Aidos Serikbaev", "Gulnara Omarova", "Nurlan Kassymov", "Saule Utepova", "Timur Bekov"]
    cities = ["Almaty", "Shymkent", "Aktobe", "Pavlodar", "Oral"]
    pdf = canvas.Canvas(str(path), pagesize=A4)
    note = 1
    for page in range(pages):
        y = 800
        for _ in range(34):
            sentence = (f"On {rng.randint(1, 28)} March 2021 police in {rng.choice(cities)} detained activist "
                        f"{rng.choice(names)}, who was charged under Article 174 of the Criminal Code")
            pdf.setFont("Helvetica", 10)
            pdf.drawString(40, y, sentence)
            if rng.random() < 0.15:
                pdf.setFont("Helvetica", 6)
                pdf.drawString(40 + pdf.stringWidth(sentence, "Helvetica", 10), y + 3, str(note))
                note += 1
            y -= 20
        pdf.setFont("Helvetica", 8)
        pdf.drawString(40, 40, f"Monitoring report, page {page + 1}")
        pdf.showPage()
    pdf.save()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    import django

    django.setup()
    if args.child:
        started = time.perf_counter()
        words, acts = pipeline("big.pdf", Path(args.child).read_bytes())
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{words} {acts} {time.perf_counter() - started:.2f} {peak:.0f}")
        return
    files = sorted(Path(args.corpus).glob("*.txt"))
    if files:
        data = [(f.name, f.read_bytes()) for f in files]
        pipeline(*data[0])  # warm imports
        started, words = time.perf_counter(), 0
        for _ in range(args.repeat):
            for name, content in data:
                words += pipeline(name, content)[0]
        elapsed = time.perf_counter() - started
        print(f"corpus: {len(files)} files x {args.repeat}: {words} words in {elapsed:.2f} s "
              f"= {words / elapsed:,.0f} words/s on one core")
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    pdf = out / f"generated-{args.pages}-pages.pdf"
    if not pdf.exists():
        make_pdf(pdf, args.pages)
    result = subprocess.run([sys.executable, __file__, "--child", str(pdf)], capture_output=True, text=True,
                            check=True)
    words, acts, seconds, peak = result.stdout.split()
    print(f"{args.pages}-page PDF ({pdf.stat().st_size / 1048576:.1f} MB): {words} words, {acts} acts proposed, "
          f"{seconds} s = {int(words) / float(seconds):,.0f} words/s; peak memory {peak} MB")


if __name__ == "__main__":
    main()
