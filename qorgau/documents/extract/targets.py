"""Whom to write to, and an Urgent Action's number, issue date and deadline.

Two layouts are common: blocks that end with "Salutation: Dear …" (Urgent Actions) and one bullet per office,
"Office, Holder – address, e-mail: …" (reports' closing lists). Both become TargetProposals.
"""

import re
from dataclasses import dataclass, field

from . import lexicon
from .dates import find_dates
from qorgau.lib.prefilter import led

# The words that open and end a list of whom to write to, and place words before a holder's name, are data
# (lexicon/<lang>/target_sections.tsv, target_section_ends.tsv, target_place_words.tsv).
SECTION = re.compile(rf"(?:{'|'.join(lexicon.words('target_sections'))})", re.I)
SECTION_END = re.compile(rf"(?:{'|'.join(lexicon.words('target_section_ends'))})", re.I)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
FAX = re.compile(r"Fax:?\s*([+\d][\d\s()-]{6,}\d)", re.I)
PHONE = re.compile(r"(?:Phone|Tel|тел)\.?:?\s*([+\d][\d\s()-]{6,}\d)", re.I)
SALUTATION = re.compile(r"Salutation:\s*(Dear [^\[\n]+?)(?=\s*(?:\[|$|\n|[A-Z][a-z]+ [A-Z][a-z]+,))")
HOLDER = re.compile(r"(?:[A-Z]\.){1,3}\s?[A-Z][a-z]+(?:[-'][A-Za-z]+)?|[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s[A-Z][a-z']+){1,2}")
PLACE_WORDS = set(lexicon.words("target_place_words"))


def _holder(value):
    """Drop place words that ran into a holder's name ("Kazakhstan Kalmukhanbet Kasymov")."""
    words = value.split()
    while len(words) > 2 and words[0] in PLACE_WORDS:
        words = words[1:]
    return " ".join(words)


@dataclass
class TargetProposal:
    office: str
    holder: str = ""
    address: list = field(default_factory=list)
    fax: str = ""
    emails: list = field(default_factory=list)
    phone: str = ""
    salutation: str = ""
    start: int = 0
    end: int = 0


def _clean(value):
    return re.sub(r"\[bookmark:[^\]]*\]", "", value).strip(" ,;–-\u2013\u2014")


def _from_block(block, offset):
    block = _clean(block)
    salutation = SALUTATION.search(block + "\n")
    fax, phone = FAX.search(block), PHONE.search(block)
    emails = EMAIL.findall(block)
    cut = min([m.start() for m in (fax, phone, EMAIL.search(block), salutation, re.search(r"e-?mail", block, re.I))
               if m] + [len(block)])
    head = block[:cut].strip(" ,;–-\n")
    # A line each ("Office / Holder / street / city"), "Office, Holder – address" or "Office Holder Address …"
    office, holder, address = head, "", []
    lines = [line.strip(" ,") for line in head.split("\n") if line.strip(" ,")]
    split = re.split(r"\s+[–—-]\s+", head, maxsplit=1)
    if len(lines) > 1:
        office, rest = lines[0], lines[1:]
        if HOLDER.fullmatch(rest[0]):
            holder, rest = rest[0], rest[1:]
        address = rest
    elif len(split) == 2:
        left, right = split
        address = [part.strip() for part in right.split(",") if part.strip()]
        parts = [p.strip() for p in left.split(",")]
        if len(parts) > 1 and HOLDER.fullmatch(parts[-1]):
            office, holder = ", ".join(parts[:-1]), parts[-1]
        else:
            m = list(HOLDER.finditer(left))
            if m and m[-1].end() == len(left) and m[-1].start() > 0:
                holder = _holder(m[-1].group())
                office = left[:len(left) - len(holder)].strip(" ,")
            else:
                office = left
    else:
        m = re.match(r"(.+?)\s+([A-Z][a-z]+\s[A-Z][a-z]+(?:ov|ev|ova|eva|yev|in)\b),?\s*(.*)", head)
        if m:
            office, holder, rest = m.groups()
            address = [rest] if rest else []
    return TargetProposal(office=office.strip(" ,")[:300], holder=holder, address=address,
                          fax=fax.group(1).strip() if fax else "", emails=emails,
                          phone=phone.group(1).strip() if phone else "",
                          salutation=salutation.group(1).strip() if salutation else "",
                          start=offset, end=offset + len(block))


def find_targets(text):
    proposals = []
    anchor = min([m.start() for m in (re.search("Salutation:", text), EMAIL.search(text)) if m] or [len(text)])
    sections = [m for m in led(SECTION).finditer(text) if m.start() < anchor]
    for section in reversed(sections):  # the heading nearest the first address
        end = SECTION_END.search(text, section.end())
        body_start = text.find(":", section.end(), section.end() + 120)
        body_start = body_start + 1 if body_start != -1 else section.end()
        body = text[body_start:end.start() if end else len(text)]
        if "Salutation:" in body:
            pieces = re.split(r"(?<=Salutation: )(Dear [^\[\n]+?)(?=\s*(?:\[|\n|$|[A-Z][a-z]+ [A-Z][a-z]+,))", body)
            blocks, current = [], ""
            for i, piece in enumerate(pieces):
                current += piece
                if i % 2 == 1:
                    blocks.append(current)
                    current = ""
            position = body_start
            for block in blocks:
                proposals.append(_from_block(block, position))
                position += len(block)
        else:
            position = body_start
            for paragraph in re.split(r"\n+|\uf0b7|•", body):
                if EMAIL.search(paragraph) or re.search(r"\d{4,6}", paragraph):
                    if len(paragraph) < 600 and re.search(r"[A-Z]", paragraph):
                        start = text.find(paragraph, position)
                        proposals.append(_from_block(paragraph, max(start, 0)))
                position += len(paragraph)
        if proposals:
            break
    seen, unique = set(), []
    for proposal in proposals:
        if proposal.office and (proposal.office, proposal.holder) not in seen:
            seen.add((proposal.office, proposal.holder))
            unique.append(proposal)
    return unique


def find_urgent_action(text, dates=None):
    """{"number": "63/18", "issued": "2018-03-27", "deadline": "2018-06-08", "reference": "EUR 57/8122/2018"}."""
    number = re.search(r"\bUA:?\s*(\d{1,4})\s*[/.]\s*(\d{2})\b", text) or \
        re.search(r"Urgent Action\s+(\d{1,4})[./](\d{2})\b", text, re.I)
    if not number:
        return None
    result = {"number": f"{number.group(1)}/{number.group(2)}"}
    issued = re.search(r"Issue Date:?\s*([^\n]{6,25}?\d{4})", text)
    if issued:
        found = find_dates(issued.group(1))
        if found:
            result["issued"] = found[0].value
    deadline = re.search(r"(?:by|before|until)\s+(\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},\s+\d{4})", text)
    if deadline:
        found = find_dates(deadline.group(1))
        if found:
            result["deadline"] = found[0].value
    reference = re.search(r"Index:?\s*([A-Z]{3}\s*\d{2}/\d{3,4}/\d{4})", text)
    if reference:
        result["reference"] = reference.group(1)
    return result

