"""The whole-agency export: one ZIP with everything the agency holds, built in the background.

Layout (described to its reader by ``manifest.json``):

* ``agency.json``                  the agency row and its host names;
* ``datasets/<key>.csv|.json``     every open-data set as the public catalogue serves it (``/data/``);
* ``data/<app>/<model>.json``      every row of every app that belongs to the agency (Django's JSON format,
                                   binary columns in base64: the corruption channel's reports stay encrypted
                                   with the working group's keys, so the export does not open them);
* ``audit/events.jsonl``           the agency's audit chain up to the head recorded in the manifest;
* ``files/<storage name>``         every uploaded or generated file those rows refer to.

The manifest lists each member with its size and SHA-256, so a copy can be checked long after the agency
is gone; the export's own SHA-256 is kept by the operator (``AgencyExport``), and the deletion record keeps
the audit head (ADR 0101).
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
import zipfile
from datetime import datetime
from typing import IO, Any

from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from prongsai.core.audit import audit_record
from prongsai.core.datasets import all_datasets
from prongsai.core.models import GENESIS_HASH, Agency, AgencyExport, AuditEvent, AuditHead
from prongsai.core.selectors import agency_hosts
from prongsai.core.services_onboarding import stored_files, tenant_models
from prongsai.core.tasking import agency_task
from prongsai.opendata import formats

FORMAT_VERSION = 1


class _Member:
    """One ZIP member being written, hashed as it goes."""

    def __init__(self, archive: zipfile.ZipFile, name: str, entries: list[dict[str, Any]]) -> None:
        self.name = name
        self.entries = entries
        self.digest = hashlib.sha256()
        self.size = 0
        self.raw: IO[bytes] = archive.open(name, "w", force_zip64=True)

    def write(self, data: bytes) -> None:
        self.digest.update(data)
        self.size += len(data)
        self.raw.write(data)

    def close(self) -> None:
        self.raw.close()
        self.entries.append({"path": self.name, "size": self.size, "sha256": self.digest.hexdigest()})


class _Text(io.RawIOBase):
    """A text sink (for Django's serializer) that writes UTF-8 into a member."""

    def __init__(self, member: _Member) -> None:
        self.member = member

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        self.member.write(chunk)
        return len(data)


def _json_member(archive: zipfile.ZipFile, entries: list[dict[str, Any]], name: str, value: Any) -> None:
    member = _Member(archive, name, entries)
    member.write(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode("utf-8"))
    member.close()


def write_archive(agency: Agency, target: IO[bytes], *, made_at: datetime) -> dict[str, Any]:
    """Write the agency's whole export into ``target``; return the manifest (also stored inside)."""
    entries: list[dict[str, Any]] = []
    with scopes_disabled():
        head = AuditHead.objects.filter(agency=agency).first()
    seq, head_hash = (head.seq, head.hash) if head is not None else (0, GENESIS_HASH)
    counts: dict[str, int] = {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        hosts = agency_hosts(agency)
        agency_row = json.loads(serializers.serialize("json", [agency]))[0]
        _json_member(archive, entries, "agency.json", {"agency": agency_row, "hosts": hosts})
        for dataset in all_datasets():
            rows = list(dataset.rows(agency))
            member = _Member(archive, f"datasets/{dataset.key}.csv", entries)
            for line in formats.csv_lines(dataset, rows):
                member.write(line.encode("utf-8"))
            member.close()
            _json_member(
                archive,
                entries,
                f"datasets/{dataset.key}.json",
                formats.json_document(dataset, rows, modified=made_at),
            )
        for model in tenant_models():
            if model is AuditEvent:
                continue
            rows_qs = model._base_manager.filter(agency=agency).order_by("pk")
            label = model._meta.label_lower
            counts[label] = rows_qs.count()
            if not counts[label]:
                continue
            member = _Member(archive, f"data/{model._meta.app_label}/{model._meta.model_name}.json", entries)
            stream = io.TextIOWrapper(io.BufferedWriter(_Text(member)), encoding="utf-8")
            serializers.serialize("json", rows_qs.iterator(chunk_size=500), stream=stream)
            stream.flush()
            member.close()
        member = _Member(archive, "audit/events.jsonl", entries)
        with scopes_disabled():
            events = AuditEvent.objects.filter(agency=agency, seq__lte=seq).order_by("seq")
            for event in events.iterator(chunk_size=2000):
                record = {
                    "seq": event.seq,
                    "created_at": event.created_at,
                    "actor": event.actor_id,
                    "actor_label": event.actor_label,
                    "action": event.action,
                    "object_type": event.object_type,
                    "object_id": event.object_id,
                    "object_repr": event.object_repr,
                    "data": event.data,
                    "prev_hash": event.prev_hash,
                    "hash": event.hash,
                }
                member.write(
                    (json.dumps(record, cls=DjangoJSONEncoder, ensure_ascii=False) + "\n").encode("utf-8")
                )
        member.close()
        names = stored_files(agency) + ([agency.logo.name] if agency.logo else [])
        for name in sorted(set(names)):
            if not default_storage.exists(name):
                continue
            member = _Member(archive, f"files/{name}", entries)
            with default_storage.open(name, "rb") as source:
                for chunk in iter(lambda: source.read(1 << 20), b""):
                    member.write(chunk)
            member.close()
        manifest = {
            "format": "prongsai-agency-export",
            "version": FORMAT_VERSION,
            "agency": {"code": agency.code, "name_th": agency.name_th},
            "made_at": made_at,
            "audit_head": {"seq": seq, "hash": head_hash},
            "rows": counts,
            "members": entries,
        }
        archive.writestr(
            "manifest.json", json.dumps(manifest, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
        )
    return manifest


@agency_task(throws=(OSError,))
def build_agency_export(agency: Agency, export_id: int) -> str:
    """Build a requested export into its file; mark it ready (or failed, with the reason for the operator)."""
    with scopes_disabled():
        export = AgencyExport.objects.get(pk=export_id, agency=agency)
    made_at = timezone.now()
    try:
        with tempfile.TemporaryFile() as spool:
            manifest = write_archive(agency, spool, made_at=made_at)
            spool.seek(0)
            digest = hashlib.sha256()
            for chunk in iter(lambda: spool.read(1 << 20), b""):
                digest.update(chunk)
            size = spool.tell()
            spool.seek(0)
            export.file.save(f"{agency.code}-{made_at:%Y%m%d-%H%M%S}.zip", File(spool), save=False)
    except OSError as error:
        AgencyExport.objects.filter(pk=export.pk).update(
            status=AgencyExport.Status.FAILED, error=type(error).__name__, finished_at=timezone.now()
        )
        raise
    with transaction.atomic():
        export.status = AgencyExport.Status.READY
        export.sha256 = digest.hexdigest()
        export.size = size
        export.audit_seq = manifest["audit_head"]["seq"]
        export.audit_hash = manifest["audit_head"]["hash"]
        export.finished_at = timezone.now()
        export.save()
        audit_record(
            agency=agency,
            actor=None,
            action="core.agency.exported",
            obj=export,
            data={"sha256": export.sha256, "size": size, "audit_seq": export.audit_seq},
        )
    return export.sha256
