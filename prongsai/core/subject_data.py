"""What the agency holds about one person, gathered from every app for a data subject's request (PDPA).

An app that keeps citizens' personal data ships a ``subject_data`` module with ``FINDERS = [finder]`` where
``finder(agency, query) -> list[Holding]`` returns that app's records matching the requester: by the
tracking codes they gave (the bearer secrets of their requests and complaints) or by their e-mail address
or phone. ``gather`` asks every app (discovered lazily, like ``core.trackers``). Staff check the requester's
identity before they hand the result over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model

from prongsai.core.app_modules import app_modules
from prongsai.core.models import Agency
from prongsai.core.tracking import normalise_tracking_code

# Titles a name may be written with, longest first (so "นางสาว" is not read as "นาง" + "สาว...").
NAME_PREFIXES = ("เด็กหญิง", "เด็กชาย", "นางสาว", "น.ส.", "ด.ญ.", "ด.ช.", "นาง", "นาย")


def plain_name(text: str) -> str:
    """A person's name without its title and with single spaces, for comparing names typed differently."""
    name = " ".join(text.split())
    for prefix in NAME_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix) :].strip()
            break
    return name.casefold()


@dataclass(frozen=True)
class SubjectQuery:
    codes: tuple[str, ...]  # stored forms of the tracking codes the requester gave
    email: str = ""
    phone: str = ""
    # The requester's full name, for records that know a person only by name (staff records, the gift
    # register); compared with ``plain_name``. Staff check the requester's identity before handing over.
    name: str = ""

    def matches_name(self, text: str) -> bool:
        return bool(self.name) and plain_name(text) == self.name

    @property
    def first_name(self) -> str:
        return self.name.split(" ", 1)[0] if self.name else ""

    @classmethod
    def build(cls, *, codes_text: str, email: str, phone: str, name: str = "") -> SubjectQuery:
        parts = [normalise_tracking_code(p) for p in codes_text.replace(",", " ").split()]
        # A code may have been typed with spaces between its groups: join neighbours that make one.
        joined = normalise_tracking_code(codes_text.replace(",", "\n").replace(" ", ""))
        codes = {p for p in parts if p}
        if joined:
            codes.add(joined)
        for line in codes_text.replace(",", "\n").splitlines():
            code = normalise_tracking_code(line)
            if code:
                codes.add(code)
        return cls(
            codes=tuple(sorted(codes)),
            email=email.strip().lower(),
            phone=phone.strip(),
            name=plain_name(name) if len(plain_name(name).split()) >= 2 else "",
        )


@dataclass
class Holding:
    source: str  # which record, in Thai: "เรื่องร้องเรียน ABCD-2345-EFGH"
    fields: list[tuple[str, str]] = field(default_factory=list)  # (Thai label, value as text)


Finder = Callable[[Agency, SubjectQuery], list[Holding]]
_FINDERS: list[Finder] = []
_DISCOVERED = False


def _discover() -> None:
    global _DISCOVERED
    if _DISCOVERED:
        return
    for module in app_modules("subject_data"):
        _FINDERS.extend(getattr(module, "FINDERS", ()))
    _DISCOVERED = True


def gather(agency: Agency, query: SubjectQuery) -> list[Holding]:
    _discover()
    found: list[Holding] = []
    for finder in _FINDERS:
        found.extend(finder(agency, query))
    return found


def inventoried_fields(obj: Model, *, extra: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(Thai label, value) of the fields of ``obj`` listed in the personal-data inventory, plus ``extra``."""
    from django.db.models.fields.files import FieldFile

    from prongsai.core.personal_data import INVENTORY
    from prongsai.core.thai import format_datetime

    label = obj._meta.label_lower
    names = [*extra, *(entry.field for entry in INVENTORY if entry.model == label)]
    rows: list[tuple[str, str]] = []
    for name in names:
        model_field = obj._meta.get_field(name)
        if model_field.is_relation:
            continue  # a link to a staff account or another record, not the requester's own data
        value = getattr(obj, name)
        if hasattr(value, "astimezone"):
            text = format_datetime(value)
        elif hasattr(model_field, "choices") and model_field.choices:
            text = str(getattr(obj, f"get_{name}_display")())
        elif isinstance(value, FieldFile):
            # The file's name, never its URL (an empty photo has none; asking for it raises).
            text = value.name or ""
        elif value is None:
            text = ""
        else:
            text = str(value)
        rows.append((str(getattr(model_field, "verbose_name", name)), text))
    return rows


def _line_links(agency: Agency, query: SubjectQuery) -> list[Holding]:
    from django.utils.translation import gettext as _

    from prongsai.core.models import LineLink
    from prongsai.core.tracking import format_tracking_code

    if not query.codes:
        return []
    links = LineLink.objects.filter(agency=agency, tracking_code__in=query.codes).order_by("pk")
    return [
        Holding(
            source=_("การติดตามทาง LINE ของรหัส %(code)s") % {"code": format_tracking_code(link.tracking_code)},
            fields=inventoried_fields(link, extra=("created_at",)),
        )
        for link in links
    ]


FINDERS = [_line_links]
