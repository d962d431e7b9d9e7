"""No public page or staff list reads another agency's rows: PostgreSQL's own plan of every query is checked.

The page-query test (``test_query_bounds``) counts queries; this one asks PostgreSQL how each query of the
same pages would run (``EXPLAIN``) and walks every node of the plan. A node that reads a tenant table (one
with an ``agency_id``) must either carry a condition on ``agency_id`` or be an index lookup (a key taken
from a row already bounded, e.g. the vendor of one register row). A sequential scan of a tenant table with no
agency condition reads every agency's rows: its cost grows with the number of agencies hosted, which is
what the province's instance cannot afford (issue 20: joined tables were scanned whole because the tenant
filter applied only to the main model). A second agency with its own data is present, as in production.

Runs on PostgreSQL only (the CI suite); SQLite's EXPLAIN has no comparable plan.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prongsai.core.models import Agency
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories as core_factories
from prongsai.core.tests.test_query_bounds import CASES, _news, _register, _uncached
from prongsai.ita.tests.fixtures import catalogues  # noqa: F401

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL's EXPLAIN"),
]

SCANS = {"Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan", "Bitmap Index Scan"}
CONDITIONS = ("Filter", "Index Cond", "Recheck Cond", "Join Filter")


def _tenant_tables() -> set[str]:
    return {
        model._meta.db_table
        for model in apps.get_models()
        if any(f.name == "agency" and f.is_relation for f in model._meta.concrete_fields)
    }


def _nodes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    found = [plan]
    for child in plan.get("Plans", []):
        found.extend(_nodes(child))
    return found


def unbounded_scans(sql: str, tenant_tables: set[str]) -> list[str]:
    """The tenant tables the query's plan reads with neither an agency condition nor an index lookup."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        (document,) = cursor.fetchone()
    plan = (json.loads(document) if isinstance(document, str) else document)[0]["Plan"]
    problems = []
    for node in _nodes(plan):
        table = node.get("Relation Name")
        if node.get("Node Type") not in SCANS or table not in tenant_tables:
            continue
        conditions = " ".join(str(node.get(key, "")) for key in CONDITIONS)
        if "agency_id" in conditions:
            continue
        if node["Node Type"] != "Seq Scan" and (node.get("Index Cond") or node.get("Recheck Cond")):
            continue  # a lookup by key (directly or through a bitmap): bounded by the row it came from
        problems.append(f"{node['Node Type']} on {table} ({conditions.strip() or 'no condition'})")
    return problems


def _check(client, path: str) -> None:
    tables = _tenant_tables()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(_uncached(path))
    assert response.status_code == 200, path
    found = {}
    for query in captured.captured_queries:
        sql = query["sql"]
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        problems = unbounded_scans(sql, tables)
        if problems:
            found[sql[:300]] = problems
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


def _second_agency(user) -> Agency:
    other = core_factories.agency("other", "องค์การบริหารส่วนตำบลอื่น", "other.example.go.th")
    with agency_scope(other):
        _news(other, user, 0)
        _register(other, user, 0)
    return other


@pytest.mark.parametrize("name", list(CASES))
def test_no_page_scans_a_tenant_table_without_the_agency(name, agency, admin_member, admin_client, anon):
    case = CASES[name]
    _second_agency(admin_member)
    with agency_scope(agency):
        case.build(agency, admin_member, 0)
    _check(admin_client if case.staff else anon, case.path)


def test_the_oit_index_and_a_news_item_scan_no_tenant_table_without_the_agency(
    agency,
    admin_member,
    anon,
    catalogues,  # noqa: F811 - the fixture imported above
):
    from django.utils import timezone

    from prongsai.core.thai import fiscal_year
    from prongsai.portal.models import NewsArticle

    _second_agency(admin_member)
    with agency_scope(agency):
        _news(agency, admin_member, 0)
        _register(agency, admin_member, 0)
        first = NewsArticle.objects.filter(agency=agency).order_by("pk").first()
    assert first is not None
    year = fiscal_year(timezone.localdate())
    anon.get(f"/ita/{year}/")  # computes and stores the readiness
    _check(anon, f"/ita/{year}/")
    _check(anon, f"/news/{first.public_id}/")


def test_the_check_finds_a_join_without_the_agency():
    """The check itself: a join of the register to its vendors filtered on the register's agency only is
    reported; the same join filtered on both tables is not. (Index scans are switched off for this
    transaction: on empty tables the planner may otherwise look vendors up by key, which is bounded.)"""
    tables = _tenant_tables()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off")
    base = (
        "SELECT p.id FROM procurement_procurement p "
        "JOIN procurement_vendor v ON v.id = p.vendor_id WHERE p.agency_id = 1"
    )
    assert any("procurement_vendor" in p for p in unbounded_scans(base, tables))
    assert unbounded_scans(base + " AND v.agency_id = 1", tables) == []
