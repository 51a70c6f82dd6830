from dataclasses import dataclass, field


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
