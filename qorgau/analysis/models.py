"""Analysis records: political-prisoner lists under written criteria, and custody episodes derived from acts.

Invariants:
- A list entry is a fact with a source, changed only through `qorgau.analysis.actions` (audited).
- `CustodyEpisode` rows are derived data, like the search index: rebuilt from accepted acts by
  `qorgau.analysis.episodes.rebuild_person`, one set per reading level, never edited by hand.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from qorgau.keys.fields import ConfidentialTextField
from qorgau.lib.sensitivity import levels_for
from qorgau.records.models.base import Record, RecordQuerySet, live_manager


class CriteriaSet(models.Model):
    """Written criteria a list applies, versioned (PACE Resolution 1900 (2012), Amnesty's prisoner of conscience…)."""

    code = models.SlugField(max_length=60)
    version = models.CharField(max_length=40)
    name = models.CharField(max_length=200)
    name_ru = models.CharField(max_length=200, blank=True)
    name_kk = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(blank=True)

    class Meta:
        ordering = ["code", "version"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="criteria_set_version_once")]

    def __str__(self):
        return f"{self.name} ({self.version})"


class Criterion(models.Model):
    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="items")
    code = models.CharField(max_length=10)
    text = models.TextField()
    text_ru = models.TextField(blank=True)
    text_kk = models.TextField(blank=True)

    class Meta:
        ordering = ["criteria_set", "code"]
        constraints = [models.UniqueConstraint(fields=["criteria_set", "code"], name="criterion_code_once")]

    def __str__(self):
        return f"{self.code}: {self.text[:60]}"


class EntryStatus(models.TextChoices):
    POLITICAL_PRISONER = "political_prisoner", _("Political prisoner")
    PRISONER_OF_CONSCIENCE = "prisoner_of_conscience", _("Prisoner of conscience")
    PERSECUTED = "persecuted", _("Persecuted, not detained")


class RemovalReason(models.TextChoices):
    RELEASED = "released", _("Released")
    CRITERIA_NOT_MET = "criteria_not_met", _("Criteria no longer met")
    DIED = "died", _("Died")
    OTHER = "other", _("Other")


class PrisonerList(Record):
    """A list of political prisoners kept by an organisation (ours or another's)."""

    UID_PREFIX = "lst_"

    slug = models.SlugField(max_length=60, unique=True)
    title = models.CharField(max_length=300)
    organisation = models.ForeignKey("records.Organisation", on_delete=models.PROTECT, related_name="prisoner_lists")
    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.PROTECT, related_name="lists")
    description = ConfidentialTextField(blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title


class ListEntryQuerySet(RecordQuerySet):
    def visible_to(self, user):
        """An entry is seen only with its list and its person."""
        allowed = levels_for(user)
        return self.filter(sensitivity__in=allowed, prisoner_list__sensitivity__in=allowed,
                           person__sensitivity__in=allowed, person__merged_into__isnull=True,
                           deleted_at__isnull=True, prisoner_list__deleted_at__isnull=True,
                           person__deleted_at__isnull=True)

    def as_read_by(self, reader):
        """Annotated with the dates and status as the reader may read them (`seen_added`, `seen_removed`,
        `seen_status`): blank where the entry keeps the field above the reader's level. Ordering, filtering by a day
        or a status, and counting by year go by these, or a hidden date would place the entry (docs/security.md)."""
        from qorgau.lib.sensitivity import seen_value

        return self.annotate(seen_added=seen_value("date_added", reader), seen_removed=seen_value("date_removed", reader),
                             seen_status=seen_value("status", reader))

    def on(self, day, *, reader):
        """Entries on the list on an ISO day (added on or before it, not removed by it), by the dates the reader may
        read: an entry whose date of adding is hidden is on the list from the start, one whose removal date is hidden
        has not been removed."""
        return self.as_read_by(reader).filter(seen_added__lte=day).filter(Q(seen_removed="") | Q(seen_removed__gt=day))


class ListEntry(Record):
    UID_PREFIX = "lse_"

    prisoner_list = models.ForeignKey(PrisonerList, on_delete=models.CASCADE, related_name="entries")
    person = models.ForeignKey("records.Person", on_delete=models.CASCADE, related_name="list_entries")
    status = models.CharField(max_length=32, choices=EntryStatus.choices, default=EntryStatus.POLITICAL_PRISONER)
    criteria_met = models.ManyToManyField(Criterion, blank=True, related_name="entries")
    date_added = models.CharField(max_length=10)
    date_removed = models.CharField(max_length=10, blank=True)
    removal_reason = models.CharField(max_length=20, choices=RemovalReason.choices, blank=True)
    reasons = ConfidentialTextField(blank=True)
    sources = models.ManyToManyField("documents.Document", blank=True, related_name="list_entries")

    objects = live_manager(ListEntryQuerySet)

    class Meta:
        ordering = ["prisoner_list", "date_added", "id"]
        constraints = [models.UniqueConstraint(fields=["prisoner_list", "person", "date_added"],
                                               name="list_entry_once_a_day")]

    def __str__(self):
        return f"{self.person} on {self.prisoner_list}"


class CustodyKind(models.TextChoices):
    POLICE_CUSTODY = "police_custody", _("police custody")
    ADMINISTRATIVE_DETENTION = "administrative_detention", _("administrative detention")
    PRETRIAL_DETENTION = "pretrial_detention", _("pre-trial detention")
    HOUSE_ARREST = "house_arrest", _("house arrest")
    PSYCHIATRIC_DETENTION = "psychiatric_detention", _("psychiatric detention")
    IMPRISONMENT = "imprisonment", _("imprisonment")
    RESTRICTED_FREEDOM = "restricted_freedom", _("restricted freedom")


# An episode's end reason (custody.CLOSES and the rules of custody.py) as a reader's words.
END_REASON_LABELS = {"released": _("released"), "acquitted": _("acquitted"), "paroled": _("paroled"),
                     "died": _("death in custody"), "term_served": _("term served"),
                     "non_custodial_sentence": _("non-custodial sentence"),
                     "taken_into_custody": _("taken into custody")}


def custody_label(code):
    """A custody kind or an episode's end reason in the reader's language; an unknown code with spaces."""
    label = END_REASON_LABELS.get(code)
    if label is None and code in CustodyKind.values:
        label = CustodyKind(code).label
    return str(label) if label is not None else str(code or "").replace("_", " ")


class CustodyEpisode(models.Model):
    """One stretch of custody of one person, as a reader of `level` may know it (derived; see module doc)."""

    person = models.ForeignKey("records.Person", on_delete=models.CASCADE, related_name="custody_episodes")
    level = models.CharField(max_length=16, db_index=True)
    kind = models.CharField(max_length=32, choices=CustodyKind.choices)  # the latest kind
    kinds = models.JSONField(default=list)  # [[kind, since], ...]
    start = models.CharField(max_length=10)
    start_lo = models.CharField(max_length=10, db_index=True)
    start_hi = models.CharField(max_length=10)
    end = models.CharField(max_length=10, blank=True)
    end_lo = models.CharField(max_length=10, blank=True)
    end_hi = models.CharField(max_length=10, blank=True, db_index=True)  # "" = open
    end_reason = models.CharField(max_length=32, blank=True)
    last_act_date = models.CharField(max_length=10, blank=True)
    place = models.ForeignKey("records.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    evidence = models.ManyToManyField("records.Act", related_name="custody_episodes")

    class Meta:
        ordering = ["person", "start_lo"]
        indexes = [models.Index(fields=["level", "start_lo", "end_hi"])]


class ChartKind(models.TextChoices):
    BAR = "bar", _("bar")
    LINE = "line", _("line")
    METRIC = "metric", _("single number")


def new_chart_id():
    from qorgau.lib.identifiers import new_uid

    return new_uid("cht_")


class SavedChart(models.Model):
    """A statistics table with its filter, saved under a title to be shown alone, embedded, or put in a briefing.

    It stores the question, not the answer: each reader sees it computed at their own level.
    """

    # Its name in URLs and forms: random, so the numbers a reader sees do not count the charts they may not open.
    public_id = models.CharField(max_length=20, unique=True, default=new_chart_id, editable=False)
    title = models.CharField(max_length=200)
    table = models.SlugField(max_length=60)
    filters = models.JSONField(default=dict, blank=True)
    kind = models.CharField(max_length=8, choices=ChartKind.choices, default=ChartKind.BAR)
    public = models.BooleanField(default=False, help_text=_("Listed for anonymous visitors (computed from public "
                                                            "data for them)."))
    created_by = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title


class CacheGeneration(models.Model):
    """How many times watched records have changed (qorgau.analysis.generation): the key of every cached count."""

    name = models.CharField(max_length=40, primary_key=True)
    value = models.BigIntegerField(default=0)


class PersonSummary(models.Model):
    """What the statistics count of one person, as a reader of `level` may know it (derived, like custody episodes;
    rebuilt by `qorgau.analysis.summaries` whenever the person's acts change; never edited by hand).

    `cells` is a list of [table, label, ref, n]: e.g. ["ar", "", provision id, 1] (charged under that provision),
    ["py", "2018", 0, 2] (two prosecutions began in 2018). docs/analysis.md, "Stored summaries".
    """

    # Not a cascade: deleting a person (softly or for good) must go through `summaries` so the totals follow.
    person = models.ForeignKey("records.Person", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    level = models.CharField(max_length=16)
    unconsented = models.BooleanField(default=True)  # consent to publication not granted
    cells = models.JSONField(default=list)
    # The people filters this person is chosen by at this level ("g:f", "r:journalist", "l:<list id>",
    # "a:<provision id>"): their cells are summed into those slices' totals too.
    slices = models.JSONField(default=list)
    # The date buckets and keys this person is in at this level ("a|2018-03-01||1": an act dated in March 2018),
    # kept so a rebuild can take the person out of the old ones (`StatisticsBucket`, summaries.person_marks).
    marks = models.JSONField(default=list)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "level"], name="person_summary_once_a_level")]
        indexes = [models.Index(fields=["level", "person"])]


class SummaryTotal(models.Model):
    """The sum of every visible person's summary cells at a level, kept by difference when a summary changes: an
    unfiltered statistics page reads a few thousand of these rows instead of every act."""

    level = models.CharField(max_length=16)
    # "" for everyone; else the people one filter chooses (PersonSummary.slices): such a filtered page reads these
    # rows instead of summing every chosen person's summary.
    slice = models.CharField(max_length=48, default="", blank=True)
    table_key = models.CharField(max_length=4)
    label = models.CharField(max_length=40)
    ref = models.BigIntegerField(default=0)
    people = models.BigIntegerField(default=0)
    unconsented = models.BigIntegerField(default=0)  # people among them without consent to publication
    n = models.BigIntegerField(default=0)
    n_unconsented = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["level", "slice", "table_key", "label", "ref"],
                                               name="summary_total_once_a_slice")]


class StatisticsBucket(models.Model):
    """The people (a set of person ids, as a compressed bit set) of one reading level, act-date bucket and key,
    kept by the same rebuilds as the summaries: a statistics page with a date range reads the buckets the range
    covers instead of the acts it keeps (docs/analysis.md, "Date ranges from buckets").

    bucket: "" (acts without a date), "2018" (a year alone), "2018-03" (a month alone), "2018-03-01" (every full
    date of March 2018), "*" (not by date: custody, consent), "@<place id>" (the acts at a place or under it) and
    "@<place id>:<date bucket>" (those acts by date: a range with a region). table_key and label: what the people share there
    (summaries.person_marks); k: how many acts or episodes each of them has there (1 for a plain set)."""

    level = models.CharField(max_length=16)
    table_key = models.CharField(max_length=4)
    bucket = models.CharField(max_length=32)
    label = models.CharField(max_length=40, blank=True, default="")
    k = models.IntegerField(default=1)
    bits = models.BinaryField(default=b"")
    # How many persons the set holds, and how many of them without consent to publication (in the level's "u" set):
    # a label read from one bucket is counted from these without decoding its sets (summaries.COUNTS_READY).
    people = models.IntegerField(default=0)
    unconsented = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["level", "table_key", "bucket", "label", "k"],
                                               name="statistics_bucket_once")]
        indexes = [models.Index(fields=["level", "bucket"], name="statistics_bucket_by_date")]
