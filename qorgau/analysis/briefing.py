"""Briefings: per case a summary and a timeline written from the record, every fact footnoted to its source.

`build_briefing()` reads the record once, at the reader's level, into plain dataclasses; `write_docx()` and
`write_pdf()` only lay it out. Wording is ours (the UA letters' phrases, `qorgau.campaigns.letters`).

Invariants:
- a fact appears only with at least one source the reader may read; a fact without one is left out and counted;
- a passage is quoted only when the reader may read the document's text;
- a linked record (a home place, a publisher) appears only when the reader may see it.
"""

import datetime
import html
import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from qorgau.campaigns.letters import ActFact as LetterFact
from qorgau.campaigns.letters import _local_name, describe_act, format_date
from qorgau.records.models import Act, Citation
from qorgau.records.policy import reader_for, wrap
from qorgau.records.queries import timeline_acts

from .custody import on_date
from .models import CustodyEpisode, CustodyKind, custody_label

WORDS = {
    "en": {"title": "Briefing: cases of concern", "prepared": "Prepared on {date} from {n} sources.",
           "timeline": "Timeline", "in_custody": "{name} has been deprived of liberty ({kind}) since {since}.",
           "not_in_custody": "The record shows no custody of {name} on {date}.",
           "was_held": "{name} was deprived of liberty ({kind}) from {start} to {end} ({reason}).",
           "omitted": "{n} recorded facts without a source you may read are left out.",
           "penalty": " The penalty: {penalty}.", "page": "p.", "roles": "Roles", "home": "Home"},
    "ru": {"title": "Справка: дела, вызывающие озабоченность", "prepared": "Подготовлено {date} по {n} источникам.",
           "timeline": "Хронология", "in_custody": "{name} лишён(а) свободы ({kind}) с {since}.",
           "not_in_custody": "По данным записи, на {date} {name} не находится под стражей.",
           "was_held": "{name} был(а) лишён(а) свободы ({kind}) с {start} по {end} ({reason}).",
           "omitted": "Не включено фактов без доступного вам источника: {n}.",
           "penalty": " Наказание: {penalty}.", "page": "с.", "roles": "Роли", "home": "Место жительства"},
    "kk": {"title": "Анықтама: алаңдатарлық істер", "prepared": "{date} күні {n} дереккөз бойынша дайындалды.",
           "timeline": "Хронология", "in_custody": "{name} {since} бастап бас бостандығынан айырылған ({kind}).",
           "not_in_custody": "Жазба бойынша {date} күні {name} қамауда емес.",
           "was_held": "{name} {start} бастап {end} дейін бас бостандығынан айырылған ({kind}; {reason}).",
           "omitted": "Сізге қолжетімді дереккөзі жоқ {n} факт енгізілмеді.",
           "penalty": " Жаза: {penalty}.", "page": "б.", "roles": "Рөлдері", "home": "Тұрғылықты жері"},
}


@dataclass
class Source:
    title: str
    publisher: str
    published: str
    url: str
    page: int | None = None
    passage: str = ""

    def text(self, lang):
        parts = [self.title or "—"]
        if self.publisher:
            parts.append(self.publisher)
        if self.published:
            parts.append(self.published)
        line = ". ".join(parts) + "."
        if self.page:
            line += f" {WORDS[lang]['page']} {self.page}."
        if self.passage:
            line += f" “{self.passage}”"
        if self.url:
            line += f" {self.url}"
        return line


@dataclass
class Fact:
    text: str
    sources: list  # [Source], at least one


@dataclass
class Case:
    name: str
    uid: str
    summary: list = field(default_factory=list)   # [Fact]
    timeline: list = field(default_factory=list)  # [Fact]


@dataclass
class Briefing:
    lang: str
    date: str
    cases: list = field(default_factory=list)
    omitted: int = 0
    charts: list = field(default_factory=list)  # [(title, columns, rows)] from saved charts, at the reader's level

    @property
    def facts(self):
        return [fact for case in self.cases for fact in case.summary + case.timeline]

    @property
    def source_count(self):
        return len({(s.title, s.url) for fact in self.facts for s in fact.sources})


def _sources_for(acts, reader):
    """{act pk: [Source]} through citations into documents the reader may read (one query each)."""
    from django.contrib.contenttypes.models import ContentType

    from qorgau.lib.sensitivity import levels_for

    from qorgau.records.policy import Seen

    allowed = levels_for(reader)
    seen_by = reader_for(reader)
    rows = (Citation.objects.filter(content_type=ContentType.objects.get_for_model(Act),
                                    object_id__in=[a.pk for a in acts], document__sensitivity__in=allowed,
                                    review="accepted")
            .select_related("document", "document__publisher").order_by("id"))
    found = {}
    for citation in rows:
        document = citation.document
        passage = citation.text if (citation.text and document.may_read_field(reader, "text")) else ""
        # a title, date of publication, address or publisher kept above the reader's level (the publisher as a
        # record the reader may see, and as the document's link the document may keep confidential)
        shown = Seen(document, seen_by)
        publisher = shown.publisher
        found.setdefault(citation.object_id, []).append(Source(
            title=shown.title or "", publisher=publisher.name if publisher is not None else "",
            published=shown.published or "", url=shown.url or "", page=citation.page, passage=passage[:300]))
    return found


def _penalty(act, lang):
    text = act.penalty_text()
    return WORDS[lang]["penalty"].format(penalty=text) if text else ""


def chart_tables(charts, reader):
    """Saved charts as (title, columns, rows) computed at the reader's level; withheld cells read "< N"."""
    from django.conf import settings

    from .statistics import Filters, all_tables

    tables = []
    for chart in charts:
        filters = Filters(**{k: v for k, v in chart.filters.items() if k in Filters.__dataclass_fields__})
        table = next((t for t in all_tables(reader, filters) if t.key == chart.table), None)
        if table is not None:
            rows = [(str(label), str(value) if value is not None else f"< {settings.QORGAU_MIN_PUBLIC_CELL}")
                    for label, value in table.rows]
            tables.append((chart.title, [str(c) for c in table.columns], rows))
    return tables


def build_briefing(persons, reader, lang="en", today=None, charts=()):
    """The briefing on these persons (already visible to the reader), in one language, with saved charts."""
    from django.utils import translation

    # In the briefing's language: a penalty ("imprisonment: 5 years") and a kind of custody are labels of the
    # interface, and a Russian briefing read them in English (session 12 review).
    with translation.override(lang):
        return _build_briefing(persons, reader, lang, today, charts)


def _build_briefing(persons, reader, lang, today, charts):
    from qorgau.lib.sensitivity import clearance_of

    today = today or datetime.date.today().isoformat()
    words = WORDS[lang]
    briefing = Briefing(lang=lang, date=today, charts=chart_tables(charts, reader))
    level = clearance_of(reader)
    for person in persons:
        name = _local_name(person, lang)
        acts = list(timeline_acts(reader, Act.objects.filter(victim_person=person)).filter(review="accepted"))
        sources = _sources_for(acts, reader)
        case = Case(name=name, uid=person.uid)
        for act in acts:
            cited = sources.get(act.pk)
            if not cited:
                briefing.omitted += 1
                continue
            # The act as the reader may read it: a date, type or penalty kept above their level is blank.
            act = wrap(act, reader_for(reader))
            provisions = [(ap.provision.code, ap.provision.article, ap.provision.part, ap.relation)
                          for ap in act.act_provisions.all()]
            sentence = describe_act(LetterFact({lang: name}, wrap(person, reader_for(reader)).gender or "",
                                               act.act_type, act.date, provisions),
                                    lang)
            if not sentence:
                when = format_date(act.date, lang)
                sentence = f"{when}: {name} — {act.type_label}.".strip(": ")
            case.timeline.append(Fact(sentence + _penalty(act, lang), cited))
        episode = (CustodyEpisode.objects.filter(person=person, level=level).order_by("-start_lo")
                   .prefetch_related("evidence").first())
        presence = None
        if episode is not None:
            from .custody import Episode

            presence = on_date(Episode(kinds=[tuple(k) for k in episode.kinds], start=episode.start,
                                       end=episode.end), today)
        if presence is not None:
            evidence = [s for act in episode.evidence.all() for s in sources.get(act.pk, [])]
            if evidence:
                case.summary.append(Fact(words["in_custody"].format(
                    name=name, kind=custody_label(presence.kind), since=episode.start), evidence[-1:]))
        elif (episode is not None and episode.end and episode.end <= today
              and episode.kind != CustodyKind.RESTRICTED_FREEDOM):
            # Custody that has ended is summarised too (session 12: a released person's case had no summary).
            evidence = [s for act in episode.evidence.all() for s in sources.get(act.pk, [])]
            if evidence:
                case.summary.append(Fact(words["was_held"].format(
                    name=name, kind=custody_label(episode.kind), start=episode.start, end=episode.end,
                    reason=custody_label(episode.end_reason)), evidence[-1:]))
        briefing.cases.append(case)
    return briefing


# DOCX: WordprocessingML written directly, with real footnotes (word/footnotes.xml) ----------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def _run(text, bold=False):
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _paragraph(runs, style=""):
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def _reference(number):
    return (f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>')


def write_docx(briefing):
    """The briefing as DOCX bytes, one Word footnote per source of each fact."""
    words = WORDS[briefing.lang]
    body, notes = [], []

    def fact_paragraph(fact):
        runs = [_run(fact.text)]
        for index, source in enumerate(fact.sources):
            notes.append(source.text(briefing.lang))
            if index:
                runs.append('<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>,</w:t></w:r>')
            runs.append(_reference(len(notes)))
        return _paragraph(runs)

    body.append(_paragraph([_run(words["title"])], "Title"))
    body.append(_paragraph([_run(words["prepared"].format(date=briefing.date, n=briefing.source_count))]))
    for case in briefing.cases:
        body.append(_paragraph([_run(case.name)], "Heading1"))
        body.extend(fact_paragraph(f) for f in case.summary)
        if case.timeline:
            body.append(_paragraph([_run(words["timeline"])], "Heading2"))
            body.extend(fact_paragraph(f) for f in case.timeline)
    for title, columns, rows in briefing.charts:
        body.append(_paragraph([_run(title)], "Heading1"))
        cells = lambda values, bold=False: "".join(  # noqa: E731
            f"<w:tc><w:tcPr><w:tcW w:w=\"4000\" w:type=\"dxa\"/></w:tcPr>{_paragraph([_run(v, bold)])}</w:tc>"
            for v in values)
        body.append('<w:tbl><w:tblPr><w:tblBorders><w:insideH w:val="single" w:sz="4"/><w:top w:val="single" '
                    'w:sz="4"/><w:bottom w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>'
                    f'<w:tr>{cells(columns, True)}</w:tr>' + "".join(f"<w:tr>{cells(r)}</w:tr>" for r in rows)
                    + "</w:tbl>")
    if briefing.omitted:
        body.append(_paragraph([_run(words["omitted"].format(n=briefing.omitted))]))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W} {R}><w:body>'
                f'{"".join(body)}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
                f'<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/></w:sectPr></w:body></w:document>')
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {W}>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
                 '</w:p></w:footnote>'
                 + "".join(f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                           f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/>'
                           f'</w:rPr><w:footnoteRef/></w:r>{_run(" " + text)}</w:p></w:footnote>'
                           for i, text in enumerate(notes, start=1))
                 + "</w:footnotes>")
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
              '<w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:sz w:val="22"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
              '<w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
              '<w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="0"/></w:pPr>'
              '<w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
              '<w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
              '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
              '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>')
    settings = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings {W}><w:footnotePr>'
                '<w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr></w:settings>')
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.footnotes+xml"/>'
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.styles+xml"/>'
        '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.settings+xml"/></Types>')
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/>'
                    '</Relationships>')
    document_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     f'<Relationship Id="rId1" Type="{rel}/footnotes" Target="footnotes.xml"/>'
                     f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/>'
                     f'<Relationship Id="rId3" Type="{rel}/settings" Target="settings.xml"/>'
                     '</Relationships>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as docx:
        docx.writestr("[Content_Types].xml", content_types)
        docx.writestr("_rels/.rels", package_rels)
        docx.writestr("word/document.xml", document)
        docx.writestr("word/_rels/document.xml.rels", document_rels)
        docx.writestr("word/footnotes.xml", footnotes)
        docx.writestr("word/styles.xml", styles)
        docx.writestr("word/settings.xml", settings)
    return buffer.getvalue()


# PDF: the same briefing as HTML, footnotes at the foot of each page by CSS (WeasyPrint) ----------------------

CSS = """
@page { size: A4; margin: 2cm 2cm 2.5cm; @bottom-right { content: counter(page); font-size: 9pt; }
        @footnote { border-top: 0.5pt solid #999; padding-top: 4pt; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.4; }
h1 { font-size: 18pt; } h2 { font-size: 13.5pt; margin-top: 16pt; } h3 { font-size: 11pt; }
sup { font-size: 7pt; }
table { border-collapse: collapse; } td, th { border-bottom: 0.5pt solid #999; padding: 2pt 8pt; text-align: left; }
.fn { float: footnote; font-size: 8pt; line-height: 1.25; }
::footnote-call { content: counter(footnote); vertical-align: super; font-size: 7pt; }
::footnote-marker { content: counter(footnote) ". "; }
"""


def briefing_html(briefing):
    words = WORDS[briefing.lang]

    def fact(f):
        notes = "<sup>,</sup>".join(f'<span class="fn">{html.escape(s.text(briefing.lang))}</span>'
                                    for s in f.sources)
        return f"<p>{html.escape(f.text)}{notes}</p>"

    parts = [f'<!doctype html><html lang="{briefing.lang}"><head><meta charset="utf-8"><style>{CSS}</style>'
             f'<title>{html.escape(words["title"])}</title></head><body><h1>{html.escape(words["title"])}</h1>',
             f'<p>{html.escape(words["prepared"].format(date=briefing.date, n=briefing.source_count))}</p>']
    for case in briefing.cases:
        parts.append(f"<h2>{html.escape(case.name)}</h2>")
        parts.extend(fact(f) for f in case.summary)
        if case.timeline:
            parts.append(f"<h3>{html.escape(words['timeline'])}</h3>")
            parts.extend(fact(f) for f in case.timeline)
    for title, columns, rows in briefing.charts:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>" for row in rows)
        parts.append(f"<h2>{html.escape(title)}</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
                     "</table>")
    if briefing.omitted:
        parts.append(f"<p>{html.escape(words['omitted'].format(n=briefing.omitted))}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def write_pdf(briefing):
    from weasyprint import HTML

    # No base_url and no external resources: the page fetches nothing.
    return HTML(string=briefing_html(briefing), url_fetcher=_refuse_fetch).write_pdf()


def _refuse_fetch(url, *args, **kwargs):
    raise ValueError(f"A briefing loads nothing from outside ({url}).")
