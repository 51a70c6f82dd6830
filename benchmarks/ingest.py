"""Speed and memory of reading and extraction (the pure pipeline, one process = one core).

    python benchmarks/ingest.py                    # words/s on ../shared/corpus, and a generated 300-page PDF
    python benchmarks/ingest.py --pages 300 --repeat 20
    python benchmarks/ingest.py --russian 50000       # also: a generated Russian text of that many words, through
                                                      # the pure pipeline and through the whole `qorgau ingest`
    python benchmarks/ingest.py --only-command --databases sqlite,postgres:///qorgau_bench_ingest
                                                      # only the whole `qorgau ingest` (corpus, Russian), both databases
    python benchmarks/ingest.py --only-command --code ../main   # the same command of another checkout (before/after)

The whole command runs in a fresh process on a new data directory (and a PostgreSQL database dropped and created
anew), as `qorgau ingest FILES`: its CPU time includes start-up (Django, the models, the rules' patterns), which is
also measured apart; peak memory is that process's. The proposal and time limits are lifted for it (the generated
Russian text makes more proposals than QORGAU_MAX_PROPOSALS allows one document) and PYTHONHASHSEED is fixed, so two
checkouts extract the same.

Words per second: read + repair + every extraction rule, over the corpus files, repeated. Times are CPU time of
the process (the machine is shared: wall-clock time would measure the neighbours). Peak memory: a
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
CODE = os.environ.get("QORGAU_BENCH_CODE", str(ROOT))   # --code: the checkout whose `qorgau ingest` is measured
sys.path.insert(0, CODE)
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


RU_GIVEN_MALE = ["Айдос", "Бауыржан", "Ерлан", "Марат", "Нурлан", "Серик", "Талгат", "Кайрат", "Даурен", "Асхат",
                 "Жанболат", "Арман", "Ержан", "Болат", "Руслан", "Тимур", "Галым", "Азамат", "Дастан", "Ермек"]
RU_GIVEN_FEMALE = ["Асель", "Гульнара", "Жанар", "Айгерим", "Динара", "Сауле", "Меруерт", "Айнур", "Алия", "Карлыгаш"]
RU_FAMILY = ["Садыков", "Омаров", "Беккулов", "Нуров", "Исаев", "Касымов", "Жумабаев", "Сейтказин", "Тохтаров",
             "Ахметов", "Есенов", "Мукашев", "Байжанов", "Искаков", "Абенов", "Жаксылыков", "Тулегенов", "Кенжебаев",
             "Шайхин", "Рахимов", "Алимбеков", "Сарсенов", "Утепов", "Калиев", "Досанов"]
RU_CITIES = ["Актобе", "Алматы", "Шымкенте", "Уральске", "Таразе", "Павлодаре", "Костанае", "Атырау"]
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
             "декабря"]


def make_russian(words, seed=5):
    """A Russian monitoring text of our own, about `words` words long: people (many distinct), dates, triggers,
    articles, penalties and filler, names declined as Russian prints them."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    rng = random.Random(seed)

    def declined(given, family, female, case):
        out = []
        for word, tag in ((given, "Name"), (family, "Surn")):
            parse = next((p for p in morph.parse(word.lower()) if tag in p.tag), None)
            form = parse.inflect({case, "femn" if female else "masc"}) if parse else None
            if tag == "Surn" and female and case == "nomn":
                form = parse.inflect({"nomn", "femn"}) if parse else None
            out.append(form.word.capitalize() if form else word)
        return " ".join(out)

    def person(case):
        female = rng.random() < 0.35
        given = rng.choice(RU_GIVEN_FEMALE if female else RU_GIVEN_MALE)
        return declined(given, rng.choice(RU_FAMILY), female, case), female

    def date():
        return f"{rng.randint(1, 28)} {rng.choice(RU_MONTHS)} {rng.randint(2016, 2023)} года"

    templates = [
        lambda: f"{date()} полиция в {rng.choice(RU_CITIES)} задержала активиста {person('accs')[0]}.",
        lambda: f"Суд приговорил {person('accs')[0]} к {rng.choice(['двум', 'трём', 'пяти', 'семи'])} годам лишения "
                f"свободы по части 2 статьи 405 УК РК.",
        lambda: f"{person('nomn')[0]} был оштрафован на {rng.randint(10, 200)} МРП по статье 488 КоАП РК.",
        lambda: f"По словам правозащитников, {person('accs')[0]} вызвали на допрос в департамент полиции {date()}.",
        lambda: f"Через два дня суд поместил {person('accs')[0]} под домашний арест.",
        lambda: "Правозащитники заявили, что преследование связано с публикациями в социальных сетях и участием в "
                "мирных собраниях.",
        lambda: "Международные организации призвали власти соблюдать свободу выражения мнений и право на мирные "
                "собрания.",
        lambda: f"Блогер {person('nomn')[0]} сообщил, что у него дома прошёл обыск.",
    ]
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(rng.choice(templates)() for _ in range(rng.randint(3, 6)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs) + "\n"


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


def command_child(argv):
    """Run `qorgau ingest` (or only start up) in this process; print its CPU time and peak memory."""
    from qorgau.cli import main as qorgau

    if len(argv) > 1:
        qorgau(["--data-dir", argv[0], "ingest", *argv[1:]])
    else:
        import django

        os.environ["QORGAU_DATA_DIR"] = os.path.abspath(argv[0])

        django.setup()
        import qorgau.documents.management.commands.ingest  # noqa: F401 -- what the command imports
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{time.process_time():.3f} {peak:.0f}")


def _fresh_database(database, data_dir, code=None):
    """A new data directory (and PostgreSQL database, dropped and created) initialised by `code`'s `qorgau init`; the
    environment its commands run in (same hash seed, limits lifted). `code` defaults to the checkout chosen by --code,
    read when called (a default of CODE in the signature was fixed at import, before --code was read, so every run
    measured this file's own checkout)."""
    code = code or CODE
    env = dict(os.environ, PYTHONPATH=code, QORGAU_BENCH_CODE=code, PYTHONHASHSEED="0", QORGAU_MAX_PROPOSALS="1000000",
               QORGAU_MAX_PROCESSING_SECONDS="100000")
    env.pop("DATABASE_URL", None)
    if database != "sqlite":
        name = database.rsplit("/", 1)[-1]
        subprocess.run(["dropdb", "--if-exists", name], check=True, capture_output=True)
        subprocess.run(["createdb", name], check=True, capture_output=True)
        env["DATABASE_URL"] = database
    subprocess.run([sys.executable, "-m", "qorgau", "--data-dir", data_dir, "init"], env=env, check=True,
                   capture_output=True, cwd=code)
    return env


def report_command(label, paths, database, args):
    """The whole `qorgau ingest` of `paths` in one process, into a new data directory and database (best CPU time
    of --command-repeat runs); start-up measured apart (Django, the models, the rules' patterns)."""
    import tempfile

    words = sum(len(Path(p).read_text(encoding="utf-8").split()) for p in paths)
    runs = []
    for _ in range(args.command_repeat):
        with tempfile.TemporaryDirectory() as data_dir:
            env = _fresh_database(database, data_dir)
            result = subprocess.run([sys.executable, __file__, "--command-child", data_dir, *paths], env=env,
                                    check=True, capture_output=True, text=True)
            startup = subprocess.run([sys.executable, __file__, "--startup-child", data_dir], env=env, check=True,
                                     capture_output=True, text=True)
        cpu, peak = map(float, result.stdout.split()[-2:])
        runs.append((cpu, peak, float(startup.stdout.split()[-2])))
    cpu, peak, start = min(runs)
    kind = "SQLite" if database == "sqlite" else "PostgreSQL"
    print(f"whole `qorgau ingest`, {kind}, {label}: {words:,} words, CPU {cpu:.2f} s = {words / cpu:,.0f} words/s "
          f"(start-up {start:.2f} s; without it {words / max(cpu - start, 1e-9):,.0f} words/s); peak memory "
          f"{peak:.0f} MB")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--russian", type=int, default=50000, help="words of generated Russian text (0: none)")
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--command-repeat", type=int, default=1, help="runs of the whole command (best is shown)")
    parser.add_argument("--databases", default="sqlite",
                        help="comma-separated: sqlite, and/or a PostgreSQL URL (dropped and created anew each run, "
                             "e.g. postgres:///qorgau_bench_ingest) for the whole `qorgau ingest`")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--command-child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--startup-child", help=argparse.SUPPRESS)
    parser.add_argument("--code", help="measure the whole command of another checkout (e.g. main, for before/after)")
    parser.add_argument("--only-command", action="store_true", help="skip the pure pipeline and the PDF")
    args = parser.parse_args()
    if args.code:
        global CODE
        CODE = str(Path(args.code).resolve())
    if args.command_child or args.startup_child:
        return command_child(args.command_child or [args.startup_child])
    import django

    django.setup()
    if args.child:
        started = time.process_time()
        words, acts = pipeline("big.pdf", Path(args.child).read_bytes())
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{words} {acts} {time.process_time() - started:.2f} {peak:.0f}")
        return
    files = sorted(Path(args.corpus).glob("*.txt"))
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    russian = out / f"generated-russian-{args.russian}.txt"
    if args.russian and not russian.exists():
        russian.write_text(make_russian(args.russian), encoding="utf-8")
    if files and not args.only_command:
        data = [(f.name, f.read_bytes()) for f in files]
        pipeline(*data[0])  # warm imports
        started, words = time.process_time(), 0
        for _ in range(args.repeat):
            for name, content in data:
                words += pipeline(name, content)[0]
        elapsed = time.process_time() - started
        print(f"corpus: {len(files)} files x {args.repeat}: {words} words in {elapsed:.2f} s "
              f"= {words / elapsed:,.0f} words/s on one core")
    if args.russian and not args.only_command:
        data = russian.read_bytes()
        pipeline(russian.name, data)  # warm the caches a long-running server would have warm
        started = time.process_time()
        words, acts = pipeline(russian.name, data)
        elapsed = time.process_time() - started
        print(f"Russian text: {words} words, {acts} acts proposed, {elapsed:.2f} s = {words / elapsed:,.0f} words/s "
              f"(pure pipeline, one core)")
    for database in args.databases.split(","):
        if files:
            report_command("corpus (3 files, one command)", [str(f) for f in files], database, args)
        if args.russian:
            report_command(f"Russian text ({args.russian:,} words)", [str(russian)], database, args)
    if args.no_pdf or args.only_command:
        return
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
