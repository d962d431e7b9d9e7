"""The audit log: append-only through the ORM, hash-chained per agency, and verify_audit catches tampering."""

from __future__ import annotations

import itertools

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django_scopes import scopes_disabled

from prongsai.core.audit import audit_record, verify_chain
from prongsai.core.models import AppendOnlyError, AuditEvent, OrgUnit
from prongsai.core.services import org_unit_save
from prongsai.core.tenancy import agency_scope


@pytest.fixture
def chain(agency, admin_member):
    """Five entries in the agency's chain."""
    with agency_scope(agency):
        for i in range(5):
            audit_record(
                agency=agency, actor=admin_member, action="test.event", data={"n": i, "text": "ทดสอบ"}
            )
    with scopes_disabled():
        return list(AuditEvent.objects.filter(agency=agency).order_by("seq"))


def run_verify(*args: str) -> tuple[int, str]:
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("verify_audit", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return exc.returncode, out.getvalue() + err.getvalue() + str(exc)
    return 0, out.getvalue() + err.getvalue()


def execute(sql: str, params: list) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_an_intact_chain_verifies(chain):
    code, output = run_verify()
    assert code == 0
    assert "OK wangthong: 5 entries" in output


def test_each_entry_links_to_the_one_before(chain):
    assert chain[0].prev_hash == "0" * 64
    for before, after in itertools.pairwise(chain):
        assert after.prev_hash == before.hash
        assert after.seq == before.seq + 1


def test_an_altered_entry_is_named(chain):
    execute("UPDATE core_auditevent SET action = %s WHERE id = %s", ["test.forged", chain[2].pk])
    code, output = run_verify()
    assert code == 1
    assert "first bad entry #3" in output
    assert "altered" in output


def test_altered_data_is_caught_even_when_the_json_only_changes_a_value(chain):
    execute("UPDATE core_auditevent SET data = %s WHERE id = %s", ['{"n": 99, "text": "ทดสอบ"}', chain[1].pk])
    code, output = run_verify()
    assert code == 1
    assert "first bad entry #2" in output


def test_a_deleted_entry_is_named(chain):
    execute("DELETE FROM core_auditevent WHERE id = %s", [chain[1].pk])
    code, output = run_verify()
    assert code == 1
    assert "first bad entry #3" in output
    assert "removed or inserted" in output


def test_deleting_the_newest_entries_is_caught_by_the_chain_head(chain):
    execute("DELETE FROM core_auditevent WHERE id IN (%s, %s)", [chain[3].pk, chain[4].pk])
    code, output = run_verify()
    assert code == 1
    assert "ends at entry #3" in output


def test_an_inserted_entry_is_named(chain, agency):
    forged = chain[4]
    execute(
        "INSERT INTO core_auditevent (agency_id, seq, created_at, actor_id, actor_label, action,"
        " object_type, object_id, object_repr, data, prev_hash, hash)"
        " VALUES (%s, %s, %s, NULL, %s, %s, '', '', '', %s, %s, %s)",
        [agency.pk, 6, forged.created_at, "intruder", "test.forged", "{}", forged.hash, "f" * 64],
    )
    code, output = run_verify()
    assert code == 1
    assert "first bad entry #6" in output


def test_reordered_entries_are_named(chain):
    # Swap the sequence numbers of entries 2 and 3 (through a free number, as the pair is unique).
    execute("UPDATE core_auditevent SET seq = 1000 WHERE id = %s", [chain[1].pk])
    execute("UPDATE core_auditevent SET seq = 2 WHERE id = %s", [chain[2].pk])
    execute("UPDATE core_auditevent SET seq = 3 WHERE id = %s", [chain[1].pk])
    code, output = run_verify()
    assert code == 1
    assert "first bad entry #2" in output


def test_the_orm_refuses_to_change_or_delete_entries(chain):
    entry = chain[0]
    entry.action = "test.changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with scopes_disabled(), pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=entry.pk).update(action="x")
    with scopes_disabled(), pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=entry.pk).delete()


def test_each_agency_has_its_own_chain(chain, other_agency, outsider):
    with agency_scope(other_agency):
        event = audit_record(agency=other_agency, actor=outsider, action="test.other")
    assert event.seq == 1
    assert verify_chain(other_agency) == (1, None)


def test_sensitive_values_never_reach_the_log(agency, admin_member):
    with agency_scope(agency):
        event = audit_record(
            agency=agency,
            actor=admin_member,
            action="test.masked",
            data={"password": "hunter2", "nested": {"national_id": "1101700207030"}, "ok": "ค่า"},
        )
    assert event.data == {"password": "***", "nested": {"national_id": "***"}, "ok": "ค่า"}


def test_the_audit_entry_rolls_back_with_the_change_it_records(agency, admin_member):
    with agency_scope(agency):
        with pytest.raises(RuntimeError), transaction.atomic():
            org_unit_save(agency=agency, acting_user=admin_member, side="career", name_th="กองช่าง")
            raise RuntimeError("the surrounding work failed")
        assert not OrgUnit.objects.exists()
        assert not AuditEvent.objects.exists()
    assert verify_chain(agency) == (0, None)


def test_a_service_writes_its_audit_event(agency, admin_member):
    with agency_scope(agency):
        unit = org_unit_save(agency=agency, acting_user=admin_member, side="career", name_th="กองช่าง")
        event = AuditEvent.objects.get()
    assert event.action == "core.org_unit.created"
    assert event.object_id == str(unit.pk)
    assert event.actor == admin_member


def test_verify_audit_rejects_an_unknown_agency(chain):
    code, output = run_verify("--agency", "nope")
    assert code != 0
    assert "No agency" in output


def test_the_auditor_sees_the_chain_status_in_the_back_office(client, agency, chain):
    from conftest import login_verified, make_member

    auditor = make_member(agency, "auditor", "internal_auditor")
    client.defaults["HTTP_HOST"] = "wangthong.test"
    login_verified(client, auditor)
    body = client.get("/staff/audit/").content.decode()
    assert "ไม่พบการแก้ไข" in body
    execute("UPDATE core_auditevent SET action = %s WHERE id = %s", ["test.forged", chain[0].pk])
    body = client.get("/staff/audit/").content.decode()
    assert "พบความผิดปกติ" in body
