import bisect
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class DateRef(Span):
    value: str = ""           # partial ISO date
    value_end: str = ""       # for ranges
    how: str = "explicit"     # explicit | year_from_context | relative


@dataclass
class ProvisionRef(Span):
    code: str = ""
    article: str = ""
    part: str = ""
    how: str = "number"

    @property
    def uid(self):
        return f"{self.code}-{self.article}" + (f".{self.part}" if self.part else "")


@dataclass
class Mention(Span):
    name: str = ""            # the name, in the nominative, line breaks collapsed
    how: str = "rule"
    role: str = ""            # the role named before it (journalist, blogger, official …)


@dataclass
class Proposal:
    """One proposed act (or tally), with the sentence it came from."""

    kind: str                 # act | tally
    act_type: str
    start: int
    end: int
    victims: list = field(default_factory=list)       # names
    date: str = ""
    date_end: str = ""
    provisions: list = field(default_factory=list)    # (uid, relation)
    penalty: dict = None
    perpetrators: list = field(default_factory=list)  # names
    place: str = ""
    role: str = ""            # the victim's role named in the text (journalist, blogger …)
    perpetrator_bodies: list = field(default_factory=list)  # police, knb, court, prosecutor
    minimum: int = None
    maximum: int = None
    rule: str = ""
    date_source: str = ""     # own (in its sentence or line) | context (borrowed from the text before) | headline


# Where a line or a paragraph starts or ends, by bisection over the text's breaks found once: `text.rfind("\n\n", 0,
# start)` for each sentence, name or date scans back to the text's start when the text has no blank line (hostile text:
# thousands of lines, or one line of 2,000,000 characters), a time that grows with the square of the text.
NEAR = 4096   # characters searched plainly before the positions are asked (an ordinary paragraph is shorter)


@lru_cache(maxsize=16)
def stop_positions(text, stop):
    """Where `stop` occurs in the text (overlapping occurrences included), in order; kept for the last texts read."""
    positions, at = [], text.find(stop)
    while at >= 0:
        positions.append(at)
        at = text.find(stop, at + 1)
    return positions


def text_find(text, stop, start=0, end=None):
    """text.find(stop, start, end), from the positions of `stop` found once."""
    if start < 0 or (end is not None and end < 0):
        return text.find(stop, start, end)
    end = len(text) if end is None else min(end, len(text))
    # the break is most often near: a plain search of a short window first (a hit there is the first one)
    near = text.find(stop, start, min(end, start + NEAR + len(stop)))
    if near >= 0:
        return near
    positions = stop_positions(text, stop)
    at = bisect.bisect_left(positions, start)
    return positions[at] if at < len(positions) and positions[at] + len(stop) <= end else -1


def text_rfind(text, stop, start=0, end=None):
    """text.rfind(stop, start, end), from the positions of `stop` found once."""
    if start < 0 or (end is not None and end < 0):
        return text.rfind(stop, start, end)
    end = len(text) if end is None else min(end, len(text))
    near = text.rfind(stop, max(start, end - NEAR - len(stop)), end)   # a hit in the window is the last one
    if near >= 0:
        return near
    positions = stop_positions(text, stop)
    at = bisect.bisect_right(positions, end - len(stop)) - 1
    return positions[at] if at >= 0 and positions[at] >= start else -1
