"""How each record type maps to the interchange format (export-format.md), both ways.

Scalar fields are listed per type; references are written as the other
record's uid. Exporter and importer share these tables so they cannot drift.
"""

SCALARS = {
    "person": ["given_name", "family_name", "patronymic", "gender", "birth_year", "roles", "consent", "contact",
               "notes"],
    "organization": ["kind", "url", "notes"],
    "place": ["kind"],
    "provision": ["code", "article", "part", "edition"],
    "document": ["filename", "title", "published", "language", "kind", "reliability", "sha256", "url", "reference",
                 "text", "review_state"],
    "event": ["event_type", "title", "start", "end", "description"],
    "act": ["act_type", "date", "date_end", "description", "status", "review"],
    "recognition": ["status", "date", "criteria", "criteria_version", "reasons"],
    "target": ["office", "office_ru", "office_kk", "holder_name", "address", "address_ru", "address_kk", "fax",
               "emails", "phone", "salutation", "salutation_ru", "salutation_kk", "through_authorities",
               "valid_from", "valid_to"],
    "urgent_action": ["number", "update", "title", "issued", "deadline", "reference", "asks", "background",
                      "languages", "response", "impact", "status"],
}

# Field name in the format -> (model field, referenced type).
REFERENCES = {
    "person": {"home_place": ("home_place", "place")},
    "organization": {"place": ("place", "place"), "parent": ("parent", "organization")},
    "place": {"parent": ("parent", "place")},
    "document": {"publisher": ("publisher", "organization")},
    "act": {"event": ("event", "event"), "place": ("place", "place"), "court": ("court", "organization")},
    "recognition": {"person": ("person", "person"), "organization": ("organisation", "organization")},
    "target": {"holder": ("holder", "person"), "organization": ("organisation", "organization")},
    "urgent_action": {"issuer": ("issuer", "organization")},
}

PREFIXES = {"person": "per_", "organization": "org_", "place": "plc_", "event": "evt_", "act": "act_",
            "document": "doc_", "urgent_action": "ua_", "target": "tgt_", "recognition": "rcg_",
            "judgement": "jdg_"}

# Import order: a type's references point only to types before it (places and
# organisations may point to themselves, handled in two passes).
ORDER = ["place", "organization", "person", "provision", "document", "event", "act", "recognition", "target",
         "urgent_action", "judgement"]


def model_for(record_type):
    from qorgau.campaigns.models import Target, UrgentAction
    from qorgau.documents.models import Document
    from qorgau.records import models as m
    from qorgau.resolution.models import Judgement

    return {"person": m.Person, "organization": m.Organisation, "place": m.Place, "provision": m.Provision,
            "document": Document, "event": m.Event, "act": m.Act, "recognition": m.Recognition,
            "target": Target, "urgent_action": UrgentAction, "judgement": Judgement}[record_type]
