"""A world of secrets, derived from the models, and a crawler over every URL (tests/test_access.py).

For every foreign key, one-to-one and many-to-many between our models (`_meta.get_fields()`):
- a *public* record links through it to a *secret* record (a forward link: a public person's home place);
- a *secret* record of a guarded model links through it to a public *hub* (a reverse link: a confidential
  alias of a public person, a confidential act of a public person);
- a link row (an affiliation, an involvement, a tally…) joins public hubs to a secret record.
Every text of a secret record carries its own marker ("Qz0001Zq-name"), so a marker on a page names the
relation that leaked it. Each guarded model also gets a public record whose other texts are each marked
confidential one by one (field levels), and a public document whose text alone is confidential, quoted by a
citation.

A new model, relation or URL is covered without touching this file; one it cannot build or fill fails.
"""

import datetime
import io
import re

from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from qorgau.records.policy import is_guarded

APPS = ("records", "documents", "campaigns", "resolution", "analysis")
MARKER = re.compile(r"Qz\d{4}Zq")
# Values that are not text (a date, a year) cannot carry a marker: a record keeps them above its own level with a
# value nothing else in the world holds (the year 1903), so the year anywhere on a page -- a date, a month of a
# chart, an age -- is that value told.
HIDDEN_YEAR = 1903
HIDDEN_VALUE = re.compile(r"(?<![\w.])1903(?![\w])")
# Texts that name a record: kept readable in field-level scenarios (the record itself is public).
NAMING = {"name", "title", "office", "number", "code", "article", "part", "edition", "uid", "slug"}
# JSON lists that hold words (the others hold offsets or codes).
WORD_LISTS = {"address", "address_ru", "address_kk", "emails", "asks"}
PAIRS = {"Act": ("victim_person", "victim_organisation")}  # exactly one of these is set


def project_models():
    return [m for m in apps.get_models() if m._meta.app_label in APPS]


def links_of(model):
    """Forward relations of `model` to project models: (field, kind) with kind fk | m2m | generic."""
    out = []
    for field in model._meta.get_fields():
        if isinstance(field, models.ForeignKey) or isinstance(field, models.OneToOneField):
            if field.related_model._meta.app_label in APPS:
                out.append(field)
        elif isinstance(field, models.ManyToManyField) and field.related_model._meta.app_label in APPS:
            out.append(field)
    return out


def every_relation():
    """Every relation between project models, from either side, as (model, field name)."""
    seen = set()
    for model in project_models():
        for field in model._meta.get_fields():
            if not field.is_relation or field.related_model is None:
                continue
            if field.related_model._meta.app_label not in APPS:
                continue
            if field.auto_created and not field.concrete:  # a reverse relation: name its forward side
                remote = field.remote_field
                seen.add((field.related_model.__name__, remote.name))
            else:
                seen.add((model.__name__, field.name))
    return seen


def _text_fields(model):
    for field in model._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)) and not field.choices and not field.is_relation \
                and (field.max_length is None or field.max_length >= 12) and field.name not in ("uid",):
            yield field


class World:
    def __init__(self, level="confidential"):
        self.level = level
        self.count = 0
        self.hubs = {}
        self.secrets = {}  # marker -> (record, why)
        self.holders = []  # public records that link to a secret
        self.covered = set()  # (model name, field name) built
        self.field_markers = {}  # marker -> (record, field) readable only with clearance
        self.value_secrets = []  # (record, fields) holding HIDDEN_YEAR, readable only with clearance

    def marker(self):
        self.count += 1
        return f"Qz{self.count:04d}Zq"

    # Making rows --------------------------------------------------------------------------------------

    def make(self, model, *, level="public", marker=None, given=None, save=True):
        given = dict(given or {})
        kwargs = {}
        for field in model._meta.concrete_fields:
            name = field.name
            if field.primary_key or name in given or name in ("uid", "sensitivity"):
                continue
            if field.is_relation:
                if not field.null and field.related_model is ContentType:
                    continue
                if not field.null and field.related_model._meta.app_label in APPS:
                    if name not in PAIRS.get(model.__name__, ()):
                        kwargs[name] = self.hub(field.related_model)
                continue
            value = self._value(model, field, marker)
            if value is not None:
                kwargs[name] = value
        kwargs.update(given)
        for generic in model._meta.private_fields:  # a generic key (a citation's record): the hub person
            if isinstance(generic, GenericForeignKey) and generic.ct_field not in given:
                from qorgau.records.models import Person

                kwargs[generic.ct_field] = ContentType.objects.get_for_model(Person)
                kwargs[generic.fk_field] = self.hub(Person).pk
        pair = PAIRS.get(model.__name__)
        if pair and not any(kwargs.get(p) for p in pair):
            kwargs[pair[0]] = self.hub(model._meta.get_field(pair[0]).related_model)
        if is_guarded(model):
            kwargs["sensitivity"] = level
        if not hasattr(model, "UID_PREFIX") and any(f.name == "uid" for f in model._meta.concrete_fields):
            from qorgau.lib.identifiers import new_uid

            kwargs.setdefault("uid", new_uid("crawl_"))  # a model that does not make its own identifiers
        if model.__name__ == "Person":
            kwargs.setdefault("consent", "granted")
        row = model(**kwargs)
        if save:
            row.save()
        return row

    def _value(self, model, field, marker):
        if marker and isinstance(field, (models.CharField, models.TextField)) and field in list(_text_fields(model)):
            if isinstance(field, models.URLField):
                return f"https://example.org/{marker}"
            text = f"{marker}-{field.name}".replace("_", "-")
            return text[:field.max_length] if field.max_length else text
        if marker and isinstance(field, models.JSONField) and field.name in WORD_LISTS:
            return [f"{marker}-{field.name}"]
        if marker and isinstance(field, models.JSONField) and field.name == "extra":
            return {"note": f"{marker}-extra"}
        if field.has_default() or field.null:
            return None
        if field.choices:
            return field.choices[0][0]
        if isinstance(field, (models.CharField, models.TextField)):
            if field.blank and not field.unique:
                return None
            self.count += 1
            return f"Hb{self.count:04d}"[: field.max_length or 20]
        if isinstance(field, (models.IntegerField, models.FloatField, models.DecimalField)):
            return 1
        if isinstance(field, models.DateTimeField):
            return timezone.now()
        if isinstance(field, models.DateField):
            return datetime.date.today()
        if isinstance(field, models.BooleanField):
            return False
        raise AssertionError(f"cannot fill {model.__name__}.{field.name}: teach tests/leakworld.py")

    def hub(self, model):
        """The public record of a model that others link to."""
        if model not in self.hubs:
            self.hubs[model] = None
            self.hubs[model] = self.make(model)
        return self.hubs[model]

    def secret(self, model, why, given=None):
        marker = self.marker()
        row = self.make(model, level=self.level, marker=marker, given=given)
        self.secrets[marker] = (row, why)
        return row

    # The scenarios ------------------------------------------------------------------------------------

    def build(self):
        for model in project_models():
            if is_guarded(model):
                self.hub(model)
        for model in project_models():
            for field in links_of(model):
                self._link_scenarios(model, field)
        self._generic_citations()
        self._field_secrets()
        self._connect_holders()
        self._saved_charts()
        return self

    def _saved_charts(self):
        """A public saved chart whose filter names each secret record a statistics filter can name (a confidential
        article, region or list), its title written for it; and a public chart with no filter. (Session 12: the
        world had no chart, so no chart page or embed was ever crawled.)"""
        from qorgau.analysis.models import SavedChart
        from qorgau.analysis.statistics import NAMING_FILTERS

        SavedChart.objects.create(title="A public chart", table="by_article", filters={}, public=True,
                                  created_by="crawl")
        for key, (label, field) in NAMING_FILTERS.items():
            model = apps.get_model(label)
            for row in [r for r, _why in list(self.secrets.values()) if isinstance(r, model)][:2]:
                marker = self.marker()
                chart = SavedChart.objects.create(title=f"{marker}-chart", table="by_article",
                                                  filters={key: getattr(row, field)}, public=True, created_by="crawl")
                self.secrets[marker] = (chart, f"SavedChart.filters[{key}] -> {model.__name__}")

    def _connect_holders(self):
        """Public records that link to a secret are themselves linked from the hubs, through every link row and
        many-to-many: a secret two steps away (a public UA's target whose holder is secret) is covered too."""
        for model in project_models():
            for field in links_of(model):
                target = field.related_model
                if not is_guarded(target):
                    continue
                holders = [h for h in self.holders if isinstance(h, target)]
                if field.many_to_many and is_guarded(model):
                    getattr(self.hub(model), field.name).add(*holders)
                elif not is_guarded(model) and not field.null and not field.many_to_many \
                        and model.__name__ not in ("Candidate", "Merge"):
                    for holder in holders:
                        self.make(model, given={field.name: holder})

    def _link_scenarios(self, model, field):
        target = field.related_model
        why = f"{model.__name__}.{field.name}"
        if not is_guarded(target):
            # e.g. Merge.kept -> Person is guarded; a link to an unguarded row (a judgement, a criterion of a
            # published criteria set) holds no secret
            self.covered.add((model.__name__, field.name))
            return
        if field.many_to_many:
            if is_guarded(model):
                holder = self.make(model)
                getattr(holder, field.name).add(self.secret(target, why))
                self.holders.append(holder)
                secret = self.secret(model, why + " (reverse)")
                getattr(secret, field.name).add(self.hub(target))
            self.covered.add((model.__name__, field.name))
            return
        if is_guarded(model):
            # forward: a public record links to a secret one
            holder = self.make(model, given=self._only(model, field, self.secret(target, why)))
            self.holders.append(holder)
            # reverse: a secret record links to a public hub
            if target is not model:
                self.secret(model, why + " (reverse)", given=self._only(model, field, self.hub(target)))
            else:
                self.secret(model, why + " (reverse)", given={field.name: self.make(model)})
        else:
            # a link row joins public hubs and one secret record
            self.make(model, given=self._only(model, field, self.secret(target, why)))
        self.covered.add((model.__name__, field.name))

    def _only(self, model, field, value):
        given = {field.name: value}
        for other in PAIRS.get(model.__name__, ()):
            if other != field.name:
                given[other] = None
        return given

    def _generic_citations(self):
        """Citation.record (a generic key): a public document supports a secret record of every guarded model."""
        from qorgau.documents.models import Document
        from qorgau.records.models import Citation

        document = self.hub(Document)
        for model in project_models():
            if is_guarded(model) and hasattr(model, "uid"):
                record = self.secret(model, f"Citation.record -> {model.__name__}")
                Citation.objects.create(content_type=ContentType.objects.get_for_model(model), object_id=record.pk,
                                        document=document, text="cited words")
        self.covered.add(("Citation", "record"))

    def _field_secrets(self):
        """A public record of each guarded model with each other text confidential on its own; a public
        document whose text is confidential, quoted by a citation on public records."""
        from qorgau.documents.models import Document
        from qorgau.records.models import Citation

        for model in project_models():
            if not is_guarded(model) or not hasattr(model, "field_level"):
                continue
            marker = self.marker()
            row = self.make(model, marker=marker, save=False)
            levels = {}
            for field in _text_fields(model):
                if field.name in NAMING:
                    separator = "-" if isinstance(field, models.SlugField) else " "  # a slug holds no spaces
                    setattr(row, field.name, f"Fld{self.count:04d}{separator}{field.name}"[: field.max_length or 40])
                else:
                    levels[field.name] = self.level
            for field in model._meta.concrete_fields:
                if field.name in WORD_LISTS:
                    levels[field.name] = self.level
            if not levels:
                continue  # nothing of it but its name (places)
            row.field_sensitivity = levels
            row.extra = {}
            row.save()
            self.holders.append(row)
            self.field_markers[marker] = (row, sorted(levels))
        quoted = self.marker()
        document = self.make(Document, given={"title": "Public document, closed text", "text": f"{quoted}-text"})
        document.field_sensitivity = {"text": self.level}
        document.save()
        self.holders.append(document)
        for model in project_models():
            if is_guarded(model) and hasattr(model, "uid") and model is not Document:
                Citation.objects.create(content_type=ContentType.objects.get_for_model(model),
                                        object_id=self.hub(model).pk, document=document, start=0, end=10,
                                        text=f"{quoted}-quote")
        self.field_markers[quoted] = (document, ["text"])
        self._value_secrets()

    def _value_secrets(self):
        """A public record of each guarded model with each value that is not text (a date kept as "YYYY-MM-DD", a
        year) set to one in HIDDEN_YEAR and kept confidential. Acts are accepted and of a custody type, so that what
        is derived from them (custody episodes, census, statistics, open data) is derived from this one too."""
        for model in project_models():
            if not is_guarded(model) or not hasattr(model, "field_level"):
                continue
            values = {}
            for field in model._meta.concrete_fields:
                if field.is_relation or field.choices or field.name in ("uid", "sensitivity"):
                    continue
                if isinstance(field, models.CharField) and field.max_length == 10:  # a (partial) date
                    values[field.name] = f"{HIDDEN_YEAR}-04-05"
                elif isinstance(field, models.PositiveSmallIntegerField) and field.name.endswith("year"):
                    values[field.name] = HIDDEN_YEAR
            if not values:
                continue
            given = dict(values)
            if model.__name__ == "Act":
                given.update(review="accepted", act_type="detained")
            row = self.make(model, given=given, save=False)
            row.field_sensitivity = {name: self.level for name in values}
            row.save()
            self.holders.append(row)
            self.value_secrets.append((row, sorted(values)))

    def attach_files(self):
        """Every attachment of the world gets a real photo (session 12; before, none had bytes, so no attachment was
        ever read whole): a PNG whose text chunk holds a marker -- a secret attachment's own, and for every other one
        a new marker readable only with clearance, as what a camera writes (where, when) is. Needs FILES_DIR set."""
        from qorgau.documents import storage
        from qorgau.documents.models import PersonAttachment

        own = {row.pk: marker for marker, (row, _why) in self.secrets.items() if isinstance(row, PersonAttachment)}
        for attachment in PersonAttachment.objects.order_by("pk"):
            marker = own.get(attachment.pk)
            if marker is None:
                marker = self.marker()
                self.field_markers[marker] = (attachment, ["the photo's metadata"])
            data = png_with_text(f"{marker}-gps")
            digest, _new = storage.store(data)
            PersonAttachment.objects.filter(pk=attachment.pk).update(sha256=digest, media_type="image/png",
                                                                     size=len(data))
            # and beside it, at its level, a PDF whose document information and XMP hold a marker (session 13)
            twin = PersonAttachment.objects.create(
                person=attachment.person, filename="report.pdf", media_type="application/pdf",
                sensitivity=attachment.sensitivity, sha256="", size=0)
            if marker in own.values():
                twin_marker = self.marker()
                self.secrets[twin_marker] = (twin, f"a PDF beside {self.secrets[marker][1]}")
            else:
                twin_marker = self.marker()
                self.field_markers[twin_marker] = (twin, ["the PDF's document information"])
            data = pdf_with_info(f"{twin_marker}-author")
            digest, _new = storage.store(data)
            PersonAttachment.objects.filter(pk=twin.pk).update(sha256=digest, size=len(data))
        return self

    # What may not be seen -----------------------------------------------------------------------------

    def forbidden(self):
        """marker or uid -> why, for everything a reader without clearance must never see."""
        out = {marker: why for marker, (_row, why) in self.secrets.items()}
        out.update({row.uid: why for marker, (row, why) in self.secrets.items() if getattr(row, "uid", "")})
        out.update({marker: f"fields {fields} of {type(row).__name__}"
                    for marker, (row, fields) in self.field_markers.items()})
        return out

    def uids_by_model(self):
        out = {}
        for model in project_models():
            if is_guarded(model) and hasattr(model, "uid"):
                out[model] = list(model.objects.filter(pk__in=self._pks(model)).values_list("uid", flat=True))
        return out

    def _pks(self, model):
        pks = set()
        for row in [self.hubs.get(model)] + self.holders + [r for r, _why in self.secrets.values()] \
                + [r for r, _f in self.field_markers.values()]:
            if isinstance(row, model):
                pks.add(row.pk)
        return pks


def png_with_text(text):
    """A 1x1 PNG with `text` in a tEXt chunk (a photo's metadata)."""
    import struct
    import zlib

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) \
        + chunk(b"tEXt", b"Location\x00" + text.encode()) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) \
        + chunk(b"IEND", b"")


def pdf_with_info(text):
    """A one-page PDF whose document information (author, title) and XMP packet hold `text`, not its page."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.add_metadata({"/Author": text, "/Title": f"Notes {text}"})
    packet = StreamObject()
    packet.set_data(('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
                     f"<dc:creator>{text}</dc:creator></x:xmpmeta><?xpacket end=\"w\"?>").encode())
    packet.update({NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")})
    writer._root_object[NameObject("/Metadata")] = writer._add_object(packet)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# Crawling ---------------------------------------------------------------------------------------------------

def url_patterns():
    """Every named pattern of the site: (name, route, parameter names)."""
    out = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                out.append((pattern.name, route, list(pattern.pattern.converters)))
    walk(get_resolver().url_patterns)
    return out


def fill(route, values):
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)


def body_text(response):
    """What a reader gets: HTML, JSON, the text of a PDF, and where a redirect points."""
    parts = [response.get("Location", "")]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:4] == b"PK\x03\x04":  # XLSX, DOCX, a ZIP of CSV files: the words are in its members
        import zipfile

        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for member in archive.infolist()[:200]:
                if member.file_size <= 20_000_000:
                    text = archive.read(member).decode("utf-8", errors="replace")
                    parts.append(re.sub(r"<[^>]+>", "", text))  # DOCX splits a run of text into tags
        return "\n".join(parts)
    if response.get("Content-Type", "").startswith("application/pdf"):
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(content))
        parts += [page.extract_text() or "" for page in reader.pages]
        # and what a PDF says besides its pages: its document information and XMP (session 13)
        parts += [str(value) for key, value in (reader.metadata or {}).items()
                  if key not in ("/CreationDate", "/ModDate")]  # when it was written: not what it says
        metadata = reader.trailer["/Root"].get("/Metadata")
        if metadata is not None:
            parts.append(metadata.get_object().get_data().decode("utf-8", errors="replace"))
    else:
        parts.append(content.decode("utf-8", errors="replace"))
    return "\n".join(parts)
