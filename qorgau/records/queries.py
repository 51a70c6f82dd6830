"""Read-side questions about the record that several pages ask."""

from django.db.models import Prefetch

from qorgau.lib.dates import partial_date_order

from .models import DEPRIVATION_TYPES, Act, ActProvision, Citation, Involvement, Person

# Short stops and past administrative detentions end by themselves; they do not
# make someone "currently deprived of liberty".
ONGOING_DEPRIVATION = set(DEPRIVATION_TYPES) - {"detained", "administrative_detention"}
LIBERTY_CHANGES = set(DEPRIVATION_TYPES) | {"released", "acquitted", "paroled", "sentenced", "sentence_reduced"}


def timeline_acts(user, queryset=None):
    """Acts with everything a timeline shows, in a fixed number of queries."""
    queryset = queryset if queryset is not None else Act.objects.all()
    return (queryset.visible_to(user).exclude(review="rejected")
            .select_related("place", "court", "event", "victim_person", "victim_organisation")
            .prefetch_related(
                Prefetch("act_provisions", queryset=ActProvision.objects.select_related("provision")),
                Prefetch("involvements", queryset=Involvement.objects.select_related(
                    "perpetrator_person", "perpetrator_organisation")),
            ).order_by(*partial_date_order("date", reader=user), "id"))


def citations_for(records, user):
    """{record pk: [citations]} for records of one model, only into documents the user may read."""
    from django.contrib.contenttypes.models import ContentType

    from qorgau.lib.sensitivity import levels_for

    records = list(records)
    if not records:
        return {}
    content_type = ContentType.objects.get_for_model(records[0])
    found = {}
    rows = (Citation.objects.filter(content_type=content_type, object_id__in=[r.pk for r in records],
                                    document__sensitivity__in=levels_for(user))
            .exclude(review="rejected").select_related("document", "document__publisher"))
    for citation in rows:
        found.setdefault(citation.object_id, []).append(citation)
    return found


def is_deprivation(act):
    if act.act_type == "sentenced":
        return act.penalty_kind == "imprisonment"
    return act.act_type in ONGOING_DEPRIVATION


def deprived_of_liberty(user, limit=50):
    """Persons whose latest change of liberty is a deprivation that has not ended."""
    # Statistics count accepted facts only.
    acts = (Act.objects.visible_to(user).filter(act_type__in=LIBERTY_CHANGES, victim_person__isnull=False,
                                                 review="accepted")
            .order_by("victim_person_id", "date", "id")
            .only("act_type", "date", "penalty_kind", "victim_person_id"))
    latest = {}
    for act in acts:
        latest[act.victim_person_id] = act
    ids = [pk for pk, act in latest.items() if is_deprivation(act)]
    persons = Person.objects.visible_to(user).filter(id__in=ids).order_by("name")[:limit]
    return [(person, latest[person.pk]) for person in persons]
