"""Reading a PDF by the layout of its words (pdfplumber, MIT): where each line stands and how large it is set.

What plain text extraction cannot tell, positions and font sizes can:
- running headers and footers: lines in the top and bottom margin zones that are set smaller than the body, repeat
  on other pages (digits aside), or carry the page's number ("Page 2 of 5", "Страница 2 из 5", "5 беттің 2-беті") —
  so they go even on a document of one or two pages;
- paragraphs: a new one where the gap between lines is wider than the line spacing, the font size changes (a
  heading), a line starts with a bullet, or the line before it stopped short after a full stop;
- footnotes: the block at the foot of a page set smaller than the body (under a rule, or starting with its number)
  is read as notes "[^n]: …", and the small raised digits in the body that refer to them become "[^n]" markers,
  never digits glued to a word;
- a paragraph running over a page break is marked as continued, so that a name or sentence split by the break
  is read whole (canonicalise joins the pages with a space, not a paragraph break).

Only called on a file pypdf has already opened and read within its limits (reading.read_pdf); any failure here
falls back to pypdf's text. Time-bounded: past `deadline` (a time.monotonic() value) the caller gets None.
"""

import re
import time
from collections import Counter

TERMINAL = ".!?:;…»\"”)"
# A line ending with an abbreviation ("CC Art.", "ч. 2 ст.", "No.") has not ended its sentence, however short it is.
ABBREVIATION_END = re.compile(r"(?<!\w)(?:Art|art|Arts|No|Nos|para|paras|p|pp|ст|ч|п|пп|г|гг|им|т|бап|Mr|Ms|Dr)\.$")
NUMBER_LINE = re.compile(r"^\s*(?:\[\^)?(\d{1,3})(?:\])?[.)]?\s+(\S.*)$")


class TooSlow(Exception):
    pass


def _lines(words):
    """Words -> lines {top, bottom, x0, x1, size, words: [(x0, x1, text, raised)]}: a small number set above its
    line's baseline is raised (a footnote reference), everything else is a word of the line."""
    lines = []
    for w in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        middle = (w["top"] + w["bottom"]) / 2
        line = next((ln for ln in reversed(lines[-3:]) if ln["top"] - 0.5 <= middle <= ln["bottom"] + 0.5), None)
        if line is None:
            line = {"top": w["top"], "bottom": w["bottom"], "items": []}
            lines.append(line)
        line["top"], line["bottom"] = min(line["top"], w["top"]), max(line["bottom"], w["bottom"])
        line["items"].append(w)
    out = []
    for ln in sorted(lines, key=lambda ln: ln["top"]):
        sizes = Counter()
        for w in ln["items"]:
            sizes[round(w["size"], 1)] += len(w["text"])
        size = sizes.most_common(1)[0][0]
        baseline = max(w["bottom"] for w in ln["items"] if round(w["size"], 1) == size)
        items = sorted(ln["items"], key=lambda w: w["x0"])
        ln["words"] = [(w["x0"], w["x1"], w["text"], bool(
            re.fullmatch(r"\d{1,3}", w["text"]) and w["size"] < size * 0.85 and index > 0
            and (w["bottom"] < baseline - 1.0 or w["x0"] - items[index - 1]["x1"] < 0.5)))
            for index, w in enumerate(items)]
        body = [w for w in ln["items"] if round(w["size"], 1) == size]
        ln["size"], ln["top"], ln["bottom"] = size, min(w["top"] for w in body), max(w["bottom"] for w in body)
        ln["x0"], ln["x1"] = ln["words"][0][0], ln["words"][-1][1]
        out.append(ln)
    return out


def _crosses(line, x):
    return any(w[0] < x < w[1] for w in line["words"])


def _split_at(line, x, width):
    """Does `line` have words on both sides of `x` with a gutter there (wider than 1.5 of its size, never a
    space between two words of one column), each side a column's line (a quarter of the page wide or more, not a
    form's label and its value)?"""
    left = max((w[1] for w in line["words"] if w[1] <= x), default=None)
    right = min((w[0] for w in line["words"] if w[0] >= x), default=None)
    return left is not None and right is not None and right - left >= 1.5 * line["size"] \
        and left - line["x0"] >= width / 4 and line["x1"] - right >= width / 4 and not _crosses(line, x)


def _column_lines(words, width):
    """Lines in reading order on a page set in two columns: where consecutive lines (three or more) all leave a
    vertical gutter free near the middle of the page and have words on both sides of it, the left column's lines
    are read before the right column's — word by word across the page, the columns' sentences interleave ("…
    remanded In a separate case, police … the blogger Yerlan Kassymov"). Lines across the gutter (a title, a
    table, notes under both columns) stay where they stand. A page in one column is left as it is."""
    lines = _lines(words)
    if len(lines) < 6:
        return lines
    # (cheap first: a page where fewer than three lines have a wide gap between words is in one column)
    gapped = [ln for ln in lines if any(b[0] - a[1] >= 1.5 * ln["size"] for a, b in zip(ln["words"], ln["words"][1:]))]
    if len(gapped) < 3:
        return lines
    counts = [(x, sum(_split_at(ln, x, width) for ln in lines))
              for x in range(int(width * 0.35), int(width * 0.65) + 1, 2)]
    most = max(split for _, split in counts)
    widest = [x for x, split in counts if split == most]  # the gutter: where most lines split; its middle
    best = (widest[len(widest) // 2], most) if most >= 3 else None
    # (lines across the gutter — a title, notes, a footer — may be there, but fewer than twice the split ones)
    if best is None or sum(_crosses(ln, best[0]) for ln in lines) > 2 * best[1]:
        return lines
    x = best[0]
    out, run = [], []

    def flush():
        if len(run) >= 3 and sum(_split_at(ln, x, width) for ln in run) >= 2:
            side = [[w for ln in run for w in ln["items"] if (w["x0"] + w["x1"]) / 2 < x],
                    [w for ln in run for w in ln["items"] if (w["x0"] + w["x1"]) / 2 >= x]]
            for column in side:
                column_lines = _lines(column) if column else []
                edge = max((line["x1"] for line in column_lines), default=0)
                for line in column_lines:
                    line["edge"] = edge  # the column's right edge: where a full line of it ends
                out.extend(column_lines)
        else:
            out.extend(run)
        run.clear()

    for ln in lines:
        if _crosses(ln, x):
            flush()
            out.append(ln)
        else:
            run.append(ln)
    flush()
    return out


def _text(line, notes=None, raised=None):
    """A line's text: words by one space; a raised number glued to the word before it, as "[^n]" when it refers
    to a note of the page (`notes`), else as its digits."""
    parts = []
    raised_out = raised
    for index, (x0, _, text, raised) in enumerate(line["words"]):
        if raised and index > 0:
            if notes is not None and int(text) in notes:
                parts.append(f"[^{text}]")
            else:
                parts.append(text)
                if raised_out is not None:  # a small number with no note on its page: a hint for canonicalise
                    raised_out.append(("".join(parts[:-1])[-40:], text))
        else:
            parts.append((" " if parts else "") + text)
    return "".join(parts)


def _glue(before, line, right, after=""):
    """What joins a line (`after`) to the text before it: nothing when that ends in a web address cut by the right
    edge of the text and the line goes on with the rest of an address (a long URL wrapped), else one space."""
    first = after.split(" ", 1)[0]
    if (line is not None and re.search(r"(?:https?://|www\.)\S+[^\s;,)]$", before)
            and line["x1"] >= right - 2 * line["size"] and first and not re.match(r"https?:|www\.|[(\[]", first)
            and (first == after.strip() or re.search(r"[-/._#?=&%\d]", first))):
        return ""
    return " "


def _dash_wrapped(previous, line, right, text):
    """A line opening with a dash that the line before had no room for, when that line did not end a sentence: the
    dash separates the fields of a wrapped list entry ("… — 5 жыл бас бостандығын шектеу / — ұсталды 17.01.2025"),
    it is no bullet of a new item."""
    # (a closing bracket or quote alone ends no sentence: "… (breaking the rules on rallies) / — and sent each …")
    return text[:1] in "-–—" and not _would_fit(previous, line, right) and \
        not re.search(r"[.!?:;…][\"”»)]*$", _text(previous).rstrip())


def _would_fit(previous, line, right):
    """Would the first word of `line` have fitted at the end of `previous`? Then `previous` ended its paragraph."""
    x0, x1 = line["words"][0][:2]
    return previous["x1"] + 0.3 * line["size"] + (x1 - x0) < right - 1


def _is_page_number(text, number, total):
    digits = re.findall(r"\d+", text)
    letters = re.sub(r"[\d\W_]+", "", text)
    return str(number) in digits and len(letters) <= 20 and len(digits) <= 2 and (len(digits) == 1 or str(total) in digits)


def _tables_as_rows(page, words):
    """A ruled table's rows as one line each, cells between dashes ("• 1 – TKACHYOV Mikhail – Karaganda – CC Art.
    174", as the Markdown and Word readers print a row): read word by word, the lines of wrapped cells interleave
    and a row's name, article and dates fall apart. Only tables drawn with rules (pdfplumber's finder), of two
    rows and two columns or more; the words inside them are replaced by one "word" per row."""
    if len(page.lines) + len(page.rects) < 4:
        return words
    from .reading import record_table, table_row

    rows_out, boxes = [], []
    for table in page.find_tables():
        rows = [(row.bbox, cells) for row, cells in zip(table.rows, table.extract())]
        rows = [(bbox, [re.sub(r"\s+", " ", cell or "").strip() for cell in cells]) for bbox, cells in rows
                if any((cell or "").strip() for cell in cells)]
        if len(rows) < 2 or max(len(cells) for _, cells in rows) < 2:
            continue
        x0, top, x1, bottom = table.bbox
        inside = [w for w in words if x0 - 1 <= w["x0"] and w["x1"] <= x1 + 1 and top - 1 <= w["top"]
                  and w["bottom"] <= bottom + 1]
        if not inside:
            continue
        size = sorted(w["size"] for w in inside)[len(inside) // 2]
        boxes.append(table.bbox)
        record = record_table([cells for _, cells in rows])
        for (rx0, rtop, rx1, _), cells in rows:
            rows_out.append({"x0": rx0, "x1": rx1, "top": rtop + 1, "bottom": rtop + 1 + size, "size": size,
                             "text": table_row(cells, label=record)})
    if not boxes:
        return words
    kept = [w for w in words if not any(x0 - 1 <= w["x0"] and w["x1"] <= x1 + 1 and top - 1 <= w["top"]
                                        and w["bottom"] <= bottom + 1 for x0, top, x1, bottom in boxes)]
    return kept + rows_out


def read_layout(data, max_pages, deadline):
    """[(page text, continued)], [(anchor, url)], [(page index, text before, digits)] for raised numbers that refer
    to no note on their page, or None when the file has no words pdfplumber can place."""
    import logging

    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    import io

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > max_pages:
            return None
        links = []
        for page in pdf.pages:
            if time.monotonic() > deadline:
                raise TooSlow
            words = page.extract_words(extra_attrs=["size"], x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False)
            words = _tables_as_rows(page, words)
            rules = [r for r in list(page.lines) + list(page.rects)
                     if abs(r["bottom"] - r["top"]) < 2 and (r["x1"] - r["x0"]) > 20]
            pages.append((page.width, page.height, words, rules))
            links += [("", str(link["uri"])) for link in page.hyperlinks if link.get("uri")]
            page.flush_cache()
    # The body's size: the commonest by characters, counted above the foot of the page (where notes stand, which
    # on a short page may hold as many characters as the body).
    sizes, everywhere = Counter(), Counter()
    for _, height, words, _ in pages:
        for w in words:
            everywhere[round(w["size"], 1)] += len(w["text"])
            if w["bottom"] < height * 0.7:
                sizes[round(w["size"], 1)] += len(w["text"])
    sizes = sizes or everywhere
    if not sizes:
        return None
    body_size = sizes.most_common(1)[0][0]
    laid_out = [(width, height, _column_lines(words, width), rules) for width, height, words, rules in pages]

    # Running headers and footers: a line in the top or bottom zone repeated on other pages (digits aside).
    def key(line):
        return re.sub(r"\d+", "#", " ".join(w[2] for w in line["words"]))

    edge_counts = Counter()
    for _, height, lines, _ in laid_out:
        edge_counts.update({key(ln) for ln in lines if ln["bottom"] < height * 0.12 or ln["top"] > height * 0.88})
    total = len(laid_out)
    result = []
    for number, (width, height, lines, rules) in enumerate(laid_out, 1):
        kept = []
        for ln in lines:
            in_edge = ln["bottom"] < height * 0.12 or ln["top"] > height * 0.88
            text = " ".join(w[2] for w in ln["words"])
            if in_edge and (edge_counts[key(ln)] >= 2 and total >= 2 or _is_page_number(text, number, total)):
                continue
            if ln["bottom"] < height * 0.09 and ln["size"] < body_size * 0.95:  # a running header
                continue
            kept.append(ln)
        # The footnote zone: from a short rule in the lower half with only small text below it, or the last run of
        # small lines whose first line starts with a number.
        notes_from = len(kept)
        rule_tops = sorted(r["top"] for r in rules if r["top"] > height * 0.5 and (r["x1"] - r["x0"]) < width * 0.6)
        for top in rule_tops:
            below = [i for i, ln in enumerate(kept) if ln["top"] >= top - 1]
            if below and all(kept[i]["size"] < body_size * 0.95 for i in below) and NUMBER_LINE.match(_text(kept[below[0]])):
                notes_from = below[0]
                break
        else:
            i = len(kept)
            while i > 0 and kept[i - 1]["size"] < body_size * 0.95 and kept[i - 1]["top"] > height * 0.5:
                i -= 1
            if i < len(kept) and NUMBER_LINE.match(_text(kept[i])):
                notes_from = i
        body, zone = kept[:notes_from], []
        # Small lines in the bottom margin are a running footer, unless they continue the notes above them.
        body = [ln for ln in body if not (ln["top"] > height * 0.91 and ln["size"] < body_size * 0.95)]
        for ln in kept[notes_from:]:
            if ln["top"] > height * 0.91 and zone and ln["top"] - zone[-1]["bottom"] > 1.5 * ln["size"]:
                continue
            zone.append(ln)
        notes, current, edge = {}, None, max((ln["x1"] for ln in zone), default=0)
        for previous, ln in zip([None] + zone, zone):
            match = NUMBER_LINE.match(_text(ln))
            if match and (current is None or int(match.group(1)) > current):
                current = int(match.group(1))
                notes[current] = match.group(2).strip()
            elif current is not None:
                notes[current] += _glue(notes[current], previous, edge, _text(ln)) + _text(ln)
        result.append((body, notes, width))
    # Body lines into paragraphs; pages marked as continuing the paragraph before the break.
    # The spacing of lines inside a paragraph: measured after lines the text wrapped (they reach the right edge),
    # which are surely inside one; a document of one-line paragraphs (a record's fields, a list) would otherwise
    # teach the paragraph gap as the line gap, and every field would run into the next.
    right = max((ln["x1"] for body, _, _ in result for ln in body), default=0)
    gaps, wrapped = Counter(), Counter()
    for body, _, _ in result:
        for a, b in zip(body, body[1:]):
            if abs(a["size"] - b["size"]) < 0.3:
                gap = round(b["top"] - a["bottom"], 0)
                gaps[gap] += 1
                if a["x1"] >= a.get("edge", right) - 3 * a["size"]:
                    wrapped[gap] += 1
    line_gap = (wrapped or gaps).most_common(1)[0][0] if gaps else body_size * 0.4
    out, previous_last, superscripts = [], None, []
    for page_index, (body, notes, width) in enumerate(result):
        hints = []
        paragraphs, current, prev = [], [], None
        for ln in body:
            text = _text(ln, notes, hints)
            if prev is not None and (
                    ln["top"] - prev["bottom"] > line_gap + max(2.0, body_size * 0.3)
                    or abs(ln["size"] - prev["size"]) >= 0.5
                    or (re.match(r"^[•▪●◦\-–—*]\s", text) and not _dash_wrapped(prev, ln, prev.get("edge", right), text))
                    or (_would_fit(prev, ln, prev.get("edge", right)) and _text(prev).rstrip().endswith(tuple(".!?:"))
                        and not ABBREVIATION_END.search(_text(prev).rstrip()) and not text[:1].islower())):
                paragraphs.append(current)
                current = []
            if current and _glue(current[-1], prev, prev.get("edge", right) if prev else right, text) == "":
                current[-1] += text
            else:
                current.append(text)
            prev = ln
        if current:
            paragraphs.append(current)
        first = body[0] if body else None
        continued = bool(previous_last is not None and first is not None and paragraphs
                         and abs(first["size"] - previous_last[0]["size"]) < 0.5
                         and previous_last[0]["x1"] >= previous_last[0].get("edge", right) - 3 * body_size  # a full line cut
                         and not previous_last[1].rstrip().endswith(tuple(TERMINAL))
                         and not re.match(r"^(?:[•▪●◦\-–—*]|\d{1,3}[.)]|[A-ZА-ЯЁ][.)])\s", paragraphs[0][0]))
        text = "\n\n".join("\n".join(lines) for lines in paragraphs)
        if notes:
            text += "\n\n" + "\n".join(f"[^{n}]: {note}" for n, note in sorted(notes.items()))
        out.append((text, continued))
        superscripts += [(page_index, before, digits) for before, digits in hints]
        if body:
            previous_last = (body[-1], _text(body[-1]))
    return out, links, superscripts
