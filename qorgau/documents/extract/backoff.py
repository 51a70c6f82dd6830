"""Back-off to a surer, coarser date: a day the text does not state is not given.

An act's date comes from a cue: a date in its own clause or sentence, in a sentence before it, a heading above, the
paragraph before, or — when the text gives none — the document's own date (a news item's day). That last guess is
right to the day rarely on text the rules have not seen: on the dev rounds' first runs (tools/date_errors.py
--first-runs) 1 of 21 acts dated by the publication day alone had the gold's day, while 16 agreed with it at the
month (2 right already, 14 more). A wrong day is a false fact in every census that counts by date; the month is an
honest proposal the reviewer can narrow from the passage. So an act whose only cue is the document's date takes the
document's month — unless the same victim has an act of that group dated within the month by a cue of its own (then
it is that act told twice, and stays one). A dateline further above (not in the act's paragraph nor right above it)
is the report's day, not the act's: on the first runs 0 of 9 acts so dated had the gold's day, 8 its month.
"""

from . import learned


def cue_of(doc, proposal):
    """Where the act's date came from: sentence/same-clause, sentence/other-clause, previous (a sentence before it in
    its paragraph), heading, line_head, previous_paragraph, published (the document's date and nothing nearer),
    rule_only (a date the rules took from further back or computed), none (undated)."""
    if not proposal.date:
        return "none"
    found = [f for v, e, f in learned.candidates(doc, proposal) if v == proposal.date and e == proposal.date_end]
    if not found:
        return "rule_only"
    f = found[0]  # candidates come nearest first: the sentence's dates, then the sentences before, … the document's
    if "pos:sentence" in f:
        return "sentence/same-clause" if "same_clause" in f and "person_between" not in f else "sentence/other-clause"
    return next(k[4:] for k in f if k.startswith("pos:"))


def unstated_day_to_month(text, proposals, dates, mentions, published=""):
    """Acts dated to the document's day with no cue for that day nearer than the document's date itself (no date of
    that day in their sentence, the sentences before, a heading or the paragraph before) take the document's month.
    A day the text states for the act ("today", "yesterday", "on 12 May", a dateline right above) is kept."""
    if len(published or "") != 10:
        return proposals
    acts = [p for p in proposals if p.kind == "act" and p.victims and p.date == published and not p.date_end]
    if not acts:
        return proposals
    from qorgau.records.models.acts import GROUP_OF

    doc = learned.Document(text, dates, mentions, published)
    # (A dateline further above — not in the act's paragraph nor right above it — is the report's day, not the
    # act's: on the first runs 0 of 9 acts so dated had the gold's day, 8 had its month.)
    unstated = [p for p in acts if cue_of(doc, p) in {"published", "rule_only"}]
    # Another act of the victim in that group already dated within the month by a cue of its own: this one is the
    # same act told again (a headline and its body), and keeps the day so as to stay one act.
    stated = {(p.victims[0], GROUP_OF.get(p.act_type, "")) for p in proposals
              if p.kind == "act" and p.victims and p.date.startswith(published[:7]) and
              not any(p is q for q in unstated)}
    for p in unstated:
        if (p.victims[0], GROUP_OF.get(p.act_type, "")) not in stated:
            p.date = published[:7]
    return proposals


