"""Importing e-GP export files: upload, preview (every row's problems in Thai), then an all-or-nothing commit.

* The upload stores the file under a generated name with its SHA-256. A file whose hash matches a batch
  already committed is not imported again: re-importing the same file changes nothing.
* Validation (a background task for large files) reads every row, records each problem, and counts what a
  commit would create, change and leave unchanged, by the natural key (agency, e-GP project number).
  Progress is written to the batch as it goes.
* The commit (a background task) re-reads the file and writes every row in one transaction with bulk
  operations: if anything fails, nothing is written. Rows whose values equal what is stored are left alone,
  so importing a file again, or a later export that repeats old rows, changes only what changed. Published
  rows that change get a new revision whose public reason names the file.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from prongsai.core.audit import audit_record
from prongsai.core.bulk_insert import FastInsert, bulk_page_cache
from prongsai.core.drafts import assign
from prongsai.core.gc_pause import with_collection_paused
from prongsai.core.models import Agency, PublicationStatus, Revision, User
from prongsai.core.publication import content_hash

from . import import_staging
from .egp_import import (
    FileProblem,
    ParsedRow,
    Problem,
    RawRow,
    detect_kind,
    duplicate_problem,
    iter_raw,
    open_table,
    parse_row,
)
from .models import ImportBatch, ImportProblem, Procurement, Vendor
from .models.register import IMPORT_COMPARED, load_children
from .normalize import search_text

logger = logging.getLogger(__name__)

# e-GP exports of a whole year can be large; this limit is separate from the attachment limit.
IMPORT_MAX_BYTES = 64 * 1024 * 1024
CHUNK = 5000
MAX_STORED_PROBLEMS = 5000
PREVIEW_ROWS = 100
COMPARED = IMPORT_COMPARED


@dataclass
class UploadResult:
    batch: ImportBatch
    already_imported: bool


@transaction.atomic
def import_upload(*, agency: Agency, acting_user: User, upload: UploadedFile) -> UploadResult:
    """Store an e-GP file and start checking it. The same file already committed is not imported again."""
    if upload.size is not None and upload.size > IMPORT_MAX_BYTES:
        raise ValidationError(_("ไฟล์ใหญ่เกิน 64 MB กรุณาแบ่งไฟล์ตามปีงบประมาณแล้วนำเข้าทีละไฟล์"))
    content = upload.read()
    if not content:
        raise ValidationError(_("ไฟล์ว่างเปล่า กรุณาเลือกไฟล์ที่ส่งออกจากระบบ e-GP"))
    if len(content) > IMPORT_MAX_BYTES:
        raise ValidationError(_("ไฟล์ใหญ่เกิน 64 MB กรุณาแบ่งไฟล์ตามปีงบประมาณแล้วนำเข้าทีละไฟล์"))
    try:
        kind = detect_kind(content)
    except FileProblem as exc:
        raise ValidationError(str(exc)) from None
    digest = hashlib.sha256(content).hexdigest()
    earlier = ImportBatch.objects.filter(
        agency=agency, sha256=digest, status=ImportBatch.Status.COMMITTED
    ).first()
    if earlier is not None:
        return UploadResult(batch=earlier, already_imported=True)
    batch = ImportBatch(
        agency=agency,
        original_name=(upload.name or "e-gp")[:255],
        file_kind=kind,
        sha256=digest,
        uploaded_by=acting_user,
    )
    batch.file.save(f"import.{kind}", ContentFile(content), save=False)
    batch.save()
    audit_record(
        agency=agency,
        actor=acting_user,
        action="procurement.import.uploaded",
        obj=batch,
        data={"sha256": digest, "size": len(content), "kind": kind},
    )
    from . import tasks

    transaction.on_commit(lambda: tasks.validate_import.enqueue(agency.pk, batch.pk))
    return UploadResult(batch=batch, already_imported=False)


def batch_exists(agency: Agency, batch_id: int) -> bool:
    """Whether the batch is still there (a task queued for a deleted batch does nothing)."""
    return ImportBatch.objects.filter(agency=agency, pk=batch_id).exists()


# --- comparing rows with the register --------------------------------------------------------------------


@dataclass
class Plan:
    """What a set of parsed rows would do to the register."""

    new: list[ParsedRow] = field(default_factory=list)
    changed: list[tuple[ParsedRow, Procurement, list[str]]] = field(default_factory=list)
    unchanged: int = 0
    # Rows equal field by field whose stored digest is not the file row's (written by hand, or by an older
    # import): (primary key, digest), stored so that the next import skips them unread.
    redigest: list[tuple[int, str]] = field(default_factory=list)


def _vendor_changed(row: ParsedRow, existing: Procurement) -> bool:
    vendor = existing.vendor
    if not row.vendor_tax_id:
        return vendor is not None
    return vendor is None or vendor.tax_id != row.vendor_tax_id or vendor.name != row.vendor_name


@dataclass
class Chunk:
    """Up to CHUNK data rows of a file: the parsed rows to compare, the problems, and how many rows were
    skipped because their digest equals the one stored on the register row (unchanged, not even parsed)."""

    rows: list[ParsedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    same: int = 0
    # The rows counted in ``same``: (row number, project number, digest), kept for the staging file.
    same_rows: list[tuple[int, str, str]] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)  # project number → digest of the file row
    stored: set[str] = field(default_factory=set)  # project numbers already in the register


def _compare(agency: Agency, chunk: Chunk, *, lock: bool = False) -> Plan:
    """Compare the chunk's parsed rows with the register, field by field (rows with a stored digest equal
    to the file's never get here)."""
    plan = Plan()
    rows = chunk.rows
    numbers = [r.egp_project_no for r in rows if r.egp_project_no in chunk.stored]
    existing: dict[str, Procurement] = {}
    if numbers:
        # No ordering: with the model's default order SQLite would walk the signing-date index instead of
        # looking the numbers up.
        qs = Procurement.objects.filter(agency=agency, egp_project_no__in=numbers).order_by()
        if lock:
            # of=self: PostgreSQL cannot lock the nullable side of the outer join to the vendor.
            qs = qs.select_for_update(of=("self",))
        existing = {p.egp_project_no: p for p in qs.select_related("vendor")}
    for row in rows:
        current = existing.get(row.egp_project_no)
        if current is None:
            plan.new.append(row)
            continue
        values = row.register_values()
        fields = [name for name in COMPARED if getattr(current, name) != values[name]]
        if _vendor_changed(row, current):
            fields.append("vendor")
        if fields:
            plan.changed.append((row, current, fields))
        else:
            plan.unchanged += 1
            digest = chunk.digests[row.egp_project_no]
            if current.import_digest != digest:
                plan.redigest.append((current.pk, digest))
    return plan


def _batched(items: Iterator[RawRow], size: int) -> Iterator[list[RawRow]]:
    batch: list[RawRow] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _stored_digests(agency: Agency, numbers: list[str]) -> dict[str, str]:
    """project number → import digest of the agency's register rows with these numbers.

    Plain SQL with one placeholder per number: the ORM prepares each value of an IN list in Python, which on
    5,000 numbers per chunk and 100,000 rows was a tenth of an import. The index on (agency, project number,
    digest) answers it without reading the table.
    """
    if not numbers:
        return {}
    table = connection.ops.quote_name(Procurement._meta.db_table)
    placeholders = ", ".join(["%s"] * len(numbers))
    sql = (
        f"SELECT egp_project_no, import_digest FROM {table} "  # noqa: S608 - names and placeholders only
        f"WHERE agency_id = %s AND egp_project_no IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [agency.pk, *numbers])
        return dict(cursor.fetchall())


def _chunks(agency: Agency, content: bytes, kind: str) -> Iterator[Chunk]:
    """The file's data rows, CHUNK at a time. Before any row of a chunk is parsed, the digests stored on the
    register rows of its project numbers are read in one query; a row whose digest is the stored one is
    what an import already wrote and nobody changed since, so it is counted unchanged without parsing."""
    table = open_table(content, kind)
    seen: dict[str, int] = {}
    for raws in _batched(iter_raw(table), CHUNK):
        stored = _stored_digests(agency, [r.project_no for r in raws if r.project_no])
        chunk = Chunk(stored=set(stored))
        for raw in raws:
            first = seen.get(raw.project_no)
            if raw.project_no and stored.get(raw.project_no) == raw.digest:
                if first is not None:
                    chunk.problems.append(duplicate_problem(raw.row_number, raw.project_no, first))
                else:
                    seen[raw.project_no] = raw.row_number
                    chunk.same += 1
                    chunk.same_rows.append((raw.row_number, raw.project_no, raw.digest))
                continue
            result = parse_row(raw.row_number, raw.cells, table.columns)
            if not isinstance(result, ParsedRow):
                chunk.problems.extend(result)
            elif first is not None:
                chunk.problems.append(duplicate_problem(raw.row_number, result.egp_project_no, first))
            else:
                seen[result.egp_project_no] = raw.row_number
                chunk.rows.append(result)
                chunk.digests[result.egp_project_no] = raw.digest
        yield chunk


def _read(batch: ImportBatch) -> bytes:
    with batch.file.open("rb") as handle:
        content: bytes = handle.read()
    if hashlib.sha256(content).hexdigest() != batch.sha256:
        raise FileProblem(_("ไฟล์ที่เก็บไว้ไม่ตรงกับไฟล์ที่อัปโหลด กรุณาอัปโหลดไฟล์ใหม่อีกครั้ง"))
    return content


def _preview_entry(row: ParsedRow, action: str, fields: list[str] | None = None) -> dict[str, Any]:
    return {
        "row": row.row_number,
        "project": row.egp_project_no,
        "title": row.title[:120],
        "action": action,
        "fields": fields or [],
    }


# --- validation (task) ------------------------------------------------------------------------------------


def _transition(batch_id: int, transition: Callable[[ImportBatch], None], **values: object) -> ImportBatch:
    """Run one of the batch's state-machine transitions (e.g. ``ImportBatch.validation_passed``) on the
    locked row and store ``values`` with it: the transition itself, not a name, so a typo cannot run."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch_id)
        transition(batch)
        changed = assign(batch, values)
        batch.save(update_fields=["status", *changed, "updated_at"])
    return batch


@with_collection_paused
def import_validate(*, batch_id: int) -> ImportBatch:
    """Read every row of the batch's file, record its problems and what a commit would do.

    Runs outside one big transaction on purpose: progress and problems are visible while it works.
    """
    batch = _transition(batch_id, ImportBatch.start_validation, processed_rows=0, last_error="")
    ImportProblem.objects.filter(batch=batch).delete()
    agency = batch.agency
    stored = 0
    counts = {"total": 0, "problems": 0, "new": 0, "changed": 0, "unchanged": 0}
    preview: list[dict[str, Any]] = []
    staged: list[import_staging.StagedChunk] = []
    try:
        content = _read(batch)
        if batch.total_rows == 0:
            # A first estimate for the progress bar; corrected at the end.
            batch.total_rows = max(1, content.count(b"\n"))
            ImportBatch.objects.filter(pk=batch.pk).update(total_rows=batch.total_rows)
        for chunk in _chunks(agency, content, batch.file_kind):
            problems = chunk.problems
            counts["total"] += len(chunk.rows) + chunk.same + len({p.row_number for p in problems})
            counts["problems"] += len(problems)
            keep = problems[: max(0, MAX_STORED_PROBLEMS - stored)]
            ImportProblem.objects.bulk_create(
                [
                    ImportProblem(
                        agency=agency,
                        batch=batch,
                        row_number=p.row_number,
                        column=p.column,
                        value=p.value,
                        message=p.message,
                    )
                    for p in keep
                ]
            )
            stored += len(keep)
            if not problems and not counts["problems"]:
                staged.append(
                    import_staging.StagedChunk(
                        parsed=[(chunk.digests[r.egp_project_no], r) for r in chunk.rows],
                        same=chunk.same_rows,
                    )
                )
            plan = _compare(agency, chunk)
            counts["new"] += len(plan.new)
            counts["changed"] += len(plan.changed)
            counts["unchanged"] += plan.unchanged + chunk.same
            for row in plan.new:
                if len(preview) < PREVIEW_ROWS:
                    preview.append(_preview_entry(row, "new"))
            for row, _current, fields in plan.changed:
                if len(preview) < PREVIEW_ROWS:
                    preview.append(_preview_entry(row, "changed", fields))
            ImportBatch.objects.filter(pk=batch.pk).update(processed_rows=counts["total"])
    except FileProblem as exc:
        ImportProblem.objects.create(agency=agency, batch=batch, row_number=0, message=str(exc))
        counts["problems"] += 1
    preview.sort(key=lambda e: e["row"])
    values = {
        "total_rows": counts["total"],
        "processed_rows": counts["total"],
        "problem_count": counts["problems"],
        "new_count": counts["new"],
        "changed_count": counts["changed"],
        "unchanged_count": counts["unchanged"],
        "preview": preview,
    }
    if counts["problems"] == 0 and counts["total"] == 0:
        ImportProblem.objects.create(
            agency=agency,
            batch=batch,
            row_number=0,
            message=_("ไม่พบรายการในไฟล์ กรุณาตรวจว่าไฟล์มีข้อมูลใต้แถวหัวตาราง"),
        )
        values["problem_count"] = 1
    passed = values["problem_count"] == 0
    if passed:
        import_staging.write(batch, staged)
    else:
        import_staging.delete(batch)
    return _transition(
        batch.pk, ImportBatch.validation_passed if passed else ImportBatch.validation_failed, **values
    )


# --- commit -----------------------------------------------------------------------------------------------


@transaction.atomic
def import_commit_request(*, batch: ImportBatch, acting_user: User) -> ImportBatch:
    """Ask for a checked batch to be written; the writing runs as a background task."""
    locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if not can_proceed(locked.start_commit):
        raise ValidationError(_("นำเข้าไฟล์นี้ไม่ได้ในสถานะปัจจุบัน กรุณาแก้ไขปัญหาในไฟล์แล้วอัปโหลดใหม่"))
    if ImportBatch.objects.filter(
        agency=locked.agency, sha256=locked.sha256, status=ImportBatch.Status.COMMITTED
    ).exists():
        raise ValidationError(_("ไฟล์นี้นำเข้าแล้ว การนำเข้าซ้ำจะไม่เปลี่ยนแปลงข้อมูล"))
    locked.start_commit()
    locked.committed_by = acting_user
    locked.save(update_fields=["status", "committed_by", "updated_at"])
    audit_record(
        agency=locked.agency, actor=acting_user, action="procurement.import.commit_requested", obj=locked
    )
    from . import tasks

    transaction.on_commit(lambda: tasks.commit_import.enqueue(locked.agency_id, locked.pk))
    return locked


class _Rollback(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("problems found during the commit")
        self.problems = problems


@with_collection_paused
def import_apply(*, batch_id: int) -> ImportBatch:
    """Write every row of a committing batch in one transaction (the body of the commit task)."""
    batch = ImportBatch.objects.select_related("committed_by", "agency").get(pk=batch_id)
    if not can_proceed(batch.commit_done):
        return batch  # not (or no longer) asked to commit: a repeated task does nothing
    try:
        with transaction.atomic(), bulk_page_cache():
            counts = _write_staged_or_file(batch)
            locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
            locked.commit_done()
            locked.committed_at = timezone.now()
            locked.new_count, locked.changed_count, locked.unchanged_count = counts
            locked.save(
                update_fields=[
                    "status",
                    "committed_at",
                    "new_count",
                    "changed_count",
                    "unchanged_count",
                    "updated_at",
                ]
            )
            audit_record(
                agency=locked.agency,
                actor=locked.committed_by,
                action="procurement.import.committed",
                obj=locked,
                data={
                    "sha256": locked.sha256,
                    "new": counts[0],
                    "changed": counts[1],
                    "unchanged": counts[2],
                },
            )
            transaction.on_commit(lambda: import_staging.delete(locked))
            return locked
    except _Rollback as exc:
        ImportProblem.objects.filter(batch_id=batch.pk).delete()
        ImportProblem.objects.bulk_create(
            [
                ImportProblem(
                    agency=batch.agency,
                    batch_id=batch.pk,
                    row_number=p.row_number,
                    column=p.column,
                    value=p.value,
                    message=p.message,
                )
                for p in exc.problems[:MAX_STORED_PROBLEMS]
            ]
        )
        return _transition(batch.pk, ImportBatch.validation_failed, problem_count=len(exc.problems))
    except FileProblem as exc:
        ImportProblem.objects.create(agency=batch.agency, batch_id=batch.pk, row_number=0, message=str(exc))
        return _transition(batch.pk, ImportBatch.validation_failed, problem_count=1)
    except Exception as exc:
        logger.exception("import batch %s failed", batch.pk)
        _transition(
            batch.pk,
            ImportBatch.commit_failed,
            last_error=_("การบันทึกไม่สำเร็จและไม่มีข้อมูลใดถูกบันทึก (%(error)s) กรุณาลองนำเข้าอีกครั้ง")
            % {"error": type(exc).__name__},
        )
        raise


def _write_staged_or_file(batch: ImportBatch) -> tuple[int, int, int]:
    """Write the rows the validation staged; if the staging file cannot stand in for the upload (see
    ``import_staging``), undo what was written from it and read the upload itself."""
    try:
        with transaction.atomic():
            return _write_all(batch, _staged_chunks(batch))
    except import_staging.Unusable as exc:
        logger.info("import batch %s: staging not used (%s), reading the file", batch.pk, exc)
        return _write_all(batch, None)


def _staged_chunks(batch: ImportBatch) -> Iterator[Chunk]:
    """The staged rows as the chunks ``_chunks`` would read from the file now: a row is unchanged if the
    register holds its digest at this moment, not at validation."""
    staged = import_staging.read(batch)
    for part in staged:
        numbers = [r.egp_project_no for _d, r in part.parsed] + [project for _n, project, _d in part.same]
        stored = _stored_digests(batch.agency, numbers)
        chunk = Chunk(stored=set(stored))
        for _row_number, project, digest in part.same:
            if stored.get(project) != digest:
                raise import_staging.Unusable(f"row of project {project} changed since the validation")
            chunk.same += 1
        for digest, row in part.parsed:
            if stored.get(row.egp_project_no) == digest:
                chunk.same += 1
            else:
                chunk.rows.append(row)
                chunk.digests[row.egp_project_no] = digest
        yield chunk


def _write_all(batch: ImportBatch, staged: Iterator[Chunk] | None) -> tuple[int, int, int]:
    agency = batch.agency
    actor = batch.committed_by
    assert actor is not None  # noqa: S101 - set by import_commit_request
    content = _read(batch) if staged is None else b""
    vendors: dict[str, Vendor] = {}
    renamed: dict[int, Vendor] = {}
    new = changed = unchanged = 0
    reason = _("ปรับปรุงจากไฟล์ e-GP “%(name)s” (SHA-256 %(hash)s)") % {
        "name": batch.original_name,
        "hash": batch.sha256[:16],
    }
    now = timezone.now()
    inserter = _Inserter(batch, now)
    for chunk in _chunks(agency, content, batch.file_kind) if staged is None else staged:
        if chunk.problems:
            # Collect every problem of the file for the preview; nothing of this transaction is kept.
            raise _Rollback([p for more in _chunks(agency, content, batch.file_kind) for p in more.problems])
        plan = _compare(agency, chunk, lock=True)
        _resolve_vendors(agency, [r for r in plan.new] + [r for r, _c, _f in plan.changed], vendors, renamed)
        inserter.insert(plan.new, vendors, chunk.digests)
        new += len(plan.new)
        drafts: list[Procurement] = []
        published: list[Procurement] = []
        for row, current, _fields in plan.changed:
            for name, value in row.register_values().items():
                setattr(current, name, value)
            current.vendor = vendors.get(row.vendor_tax_id) if row.vendor_tax_id else None
            current.import_batch = batch
            current.import_digest = chunk.digests[row.egp_project_no]
            current.search_text = search_text(
                current.title,
                current.vendor.name if current.vendor else "",
                current.egp_project_no,
                current.contract_no,
            )
            (published if current.status == PublicationStatus.PUBLISHED else drafts).append(current)
        update_fields = [*COMPARED, "vendor", "import_batch", "import_digest", "search_text", "updated_at"]
        for item in drafts + published:
            item.updated_at = now
        if published:
            # Revisions of published rows: their snapshots list bidders and amendments.
            load_children(published)
            revisions = []
            for item in published:
                item.revision_count += 1
                snapshot = item.snapshot()
                revisions.append(
                    Revision(
                        agency=agency,
                        record_type=item._meta.label_lower,
                        record_id=item.pk,
                        number=item.revision_count,
                        content=snapshot,
                        content_hash=content_hash(snapshot),
                        reason=reason,
                        author=actor,
                    )
                )
            Revision.objects.bulk_create(revisions, batch_size=1000)
        Procurement.objects.bulk_update(drafts, update_fields, batch_size=1000)
        Procurement.objects.bulk_update(published, [*update_fields, "revision_count"], batch_size=1000)
        _store_digests(plan.redigest)
        changed += len(plan.changed)
        unchanged += plan.unchanged + chunk.same
    if renamed:
        Vendor.objects.bulk_update(list(renamed.values()), ["name", "updated_at"], batch_size=1000)
    return new, changed, unchanged


def _store_digests(pairs: list[tuple[int, str]]) -> None:
    """Store the file rows' digests on register rows found equal field by field (one statement per row,
    sent with ``executemany``: a CASE over thousands of rows, as bulk_update writes, is slower)."""
    if not pairs:
        return
    table = connection.ops.quote_name(Procurement._meta.db_table)
    sql = f"UPDATE {table} SET import_digest = %s WHERE id = %s"  # noqa: S608 - names only
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(digest, pk) for pk, digest in pairs])


class _Inserter:
    """New register rows written with ``core.bulk_insert`` (no model instances: ~3× faster on 100,000)."""

    def __init__(self, batch: ImportBatch, now: Any) -> None:
        self.fast = FastInsert(
            Procurement,
            agency=batch.agency,
            source=Procurement.Source.EGP_IMPORT,
            import_batch=batch,
            created_at=now,
            updated_at=now,
        )

    def insert(self, rows: list[ParsedRow], vendors: dict[str, Vendor], digests: dict[str, str]) -> None:
        # Column by column (FastInsert.insert_columns): the register values, then the key, vendor, digest
        # and search text of each row.
        of = [vendors.get(r.vendor_tax_id) if r.vendor_tax_id else None for r in rows]
        numbers = [r.egp_project_no for r in rows]
        columns = ParsedRow.register_columns(rows)
        columns["egp_project_no"] = columns["ocid_local"] = numbers
        columns["vendor_id"] = [vendor.pk if vendor else None for vendor in of]
        columns["import_digest"] = [digests[number] for number in numbers]
        columns["search_text"] = [
            search_text(row.title, vendor.name if vendor else "", row.egp_project_no, row.contract_no)
            for row, vendor in zip(rows, of, strict=True)
        ]
        self.fast.insert_columns(len(rows), columns)


def _resolve_vendors(
    agency: Agency, rows: list[ParsedRow], vendors: dict[str, Vendor], renamed: dict[int, Vendor]
) -> None:
    """Fill ``vendors`` (tax ID → Vendor) for the rows, creating missing vendors in bulk."""
    wanted = {r.vendor_tax_id: r.vendor_name for r in rows if r.vendor_tax_id}
    missing = [t for t in wanted if t not in vendors]
    if missing:
        for vendor in Vendor.objects.filter(agency=agency, tax_id__in=missing):
            vendors[vendor.tax_id] = vendor
    to_create = [Vendor(agency=agency, tax_id=t, name=wanted[t]) for t in wanted if t not in vendors]
    if to_create:
        Vendor.objects.bulk_create(to_create, batch_size=1000)
        # bulk_create sets primary keys on PostgreSQL and SQLite ≥ 3.35; read them back to be sure.
        for vendor in Vendor.objects.filter(agency=agency, tax_id__in=[v.tax_id for v in to_create]):
            vendors[vendor.tax_id] = vendor
    for tax_id, name in wanted.items():
        vendor = vendors[tax_id]
        if name and vendor.name != name:
            vendor.name = name
            vendor.updated_at = timezone.now()
            renamed[vendor.pk] = vendor
