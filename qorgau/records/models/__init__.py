from .acts import (ACT_GROUPS, ACT_TYPE_CHOICES, DEPRIVATION_TYPES, GROUP_OF, Act, ActProvision, ActStatus,
                   Involvement, InvolvementRole, PenaltyKind, PenaltyUnit, ProvisionRelation, Review)
from .base import Language, NameKind, Record, Script, Sensitivity, guess_script
from .citations import Citation
from .deletions import Deletion
from .events import ChainRelation, Event, EventLink, EventType, Tally
from .organisations import Organisation, OrganisationKind, OrganisationName
from .persons import Affiliation, Consent, Gender, Person, PersonName, PersonRelation, Relation
from .places import Place, PlaceKind, PlaceName
from .provisions import Code, Provision, provision_uid
from .recognitions import Recognition, RecognitionStatus
from .search import SearchEntry

__all__ = [name for name in dir() if not name.startswith("_")]
