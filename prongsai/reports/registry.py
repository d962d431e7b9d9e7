"""The exporter registry: every official document Prongsai generates is one exporter here.

pretix's pattern: an exporter has a stable ``identifier``, a Thai ``title``, the parameters it takes and the
formats it offers, and builds a format-neutral :class:`~prongsai.reports.document.Document` that the
renderers turn into bytes. The staff report page, ``manage.py export_report`` and (later) the API all go
through :func:`export`; exporters marked ``public`` are also downloadable by anyone (the public page of
the data links to them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from prongsai.core.models import Agency
from prongsai.reports.document import Document

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def _renderer(module: str, name: str) -> Callable[[Document], bytes]:
    """A renderer imported on first use: Typst, python-docx and openpyxl cost about a second of start-up
    to every process (web, worker, each manage.py command) that renders no document at all."""

    def render(document: Document) -> bytes:
        from importlib import import_module

        function: Callable[[Document], bytes] = getattr(import_module(module), name)
        return function(document)

    render.__name__ = name
    return render


RENDERERS: dict[str, Callable[[Document], bytes]] = {
    "pdf": _renderer("prongsai.reports.render_pdf", "render_pdf"),
    "docx": _renderer("prongsai.reports.render_docx", "render_docx"),
    "xlsx": _renderer("prongsai.reports.render_data", "render_xlsx"),
    "csv": _renderer("prongsai.reports.render_data", "render_csv"),
}


class ExportError(ValueError):
    """A request the exporter cannot satisfy; the message is a Thai sentence saying what to do."""


@dataclass(frozen=True)
class Params:
    fiscal_year: int
    as_of: date | None = None
    # The one record a document is about, for exporters that take one (e.g. a service's public code for its
    # citizen manual); empty for the year-wide reports.
    subject: str = ""
    # Set by the public download view: an exporter that also reads drafts for staff (the integrity-measures
    # report previews an unpublished plan) reads published records only.
    published_only: bool = False


@dataclass(frozen=True)
class Exporter:
    identifier: str
    # The title, group, description and subject label are shown on the staff pages: gettext_lazy strings.
    title: StrOrPromise
    build: Callable[[Agency, Params], Document]
    formats: tuple[str, ...] = ("docx", "pdf")
    uses_as_of: bool = False
    group: StrOrPromise = ""
    description: StrOrPromise = ""
    # Exporters about one record (``Params.subject``): the Thai name of what the user picks and the choices
    # (value, Thai label) of an agency, which the staff form shows as a list.
    subject_label: StrOrPromise = ""
    subject_choices: Callable[[Agency], list[tuple[str, str]]] | None = None
    # Built from published data only, so anyone may download it (``reports:public_download``).
    public: bool = False


@dataclass(frozen=True)
class Export:
    filename: str
    content_type: str
    content: bytes


_REGISTRY: dict[str, Exporter] = {}


def register(exporter: Exporter) -> Exporter:
    if exporter.identifier in _REGISTRY:
        raise ValueError(f"exporter {exporter.identifier!r} is registered twice")
    unknown = set(exporter.formats) - set(RENDERERS)
    if unknown:
        raise ValueError(f"exporter {exporter.identifier!r} offers unknown formats {sorted(unknown)}")
    _REGISTRY[exporter.identifier] = exporter
    return exporter


def exporters() -> list[Exporter]:
    """Every registered exporter, in registration order."""
    return list(_REGISTRY.values())


def get_exporter(identifier: str) -> Exporter:
    try:
        return _REGISTRY[identifier]
    except KeyError:
        raise ExportError(
            _("ไม่มีรายงานรหัส “%(code)s” กรุณาเลือกจากรายการรายงาน") % {"code": identifier}
        ) from None


def build_document(*, agency: Agency, identifier: str, params: Params) -> Document:
    """The format-neutral document of an exporter (tests and previews read it directly)."""
    return get_exporter(identifier).build(agency, params)


def export(*, agency: Agency, identifier: str, params: Params, fmt: str) -> Export:
    """Build and render one document; the caller must be inside ``agency``'s scope."""
    exporter = get_exporter(identifier)
    if fmt not in exporter.formats:
        offered = ", ".join(f.upper() for f in exporter.formats)
        raise ExportError(_("รายงานนี้ออกได้เฉพาะรูปแบบ %(formats)s กรุณาเลือกรูปแบบใหม่") % {"formats": offered})
    document = exporter.build(agency, params)
    content = RENDERERS[fmt](document)
    return Export(
        filename=f"{document.filename_stem}.{fmt}",
        content_type=CONTENT_TYPES[fmt],
        content=content,
    )
