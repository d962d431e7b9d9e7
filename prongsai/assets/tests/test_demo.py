"""The demo property of อบต.วังทอง: about 300 items, four years of loans, the FY2567 stock-take reported."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from conftest import make_member
from prongsai.assets import demo, selectors
from prongsai.assets.models import Asset, Condition, Loan
from prongsai.core.audit import verify_chain
from prongsai.core.demo import DemoContext
from prongsai.core.roles import Role
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories as core_factories
from prongsai.reports.registry import Params, export


def test_the_demo_register_loans_and_stocktake_are_plausible_and_consistent(agency, admin_member):
    users = {
        "officer": make_member(agency, "officer", Role.OFFICER),
        "head": make_member(agency, "head", Role.HEAD_OF_DIVISION),
        "executive": make_member(agency, "executive", Role.EXECUTIVE),
        "committee": make_member(agency, "committee", Role.INTEGRITY_COMMITTEE),
        "auditor": make_member(agency, "auditor", Role.INTERNAL_AUDITOR),
    }
    with agency_scope(agency):
        for order, name in enumerate(["สำนักปลัด", "กองคลัง", "กองช่าง"]):
            core_factories.org_unit(agency, admin_member, name_th=name, order=order)
        context = DemoContext(agency=agency, admin=admin_member, users=users)
        demo.seed(context)
        demo.seed(context)  # a second run changes nothing
        items = Asset.objects.filter(agency=agency)
        loans = Loan.objects.filter(agency=agency)
        statuses = set(loans.values_list("status", flat=True))
        stocktake = selectors.stocktake_of_year(agency, 2567)
        result = selectors.stocktake_result(stocktake)
        late = sum(1 for loan in loans if loan.returned_late)
        damaged = loans.filter(return_condition=Condition.DAMAGED).count()
        years = set(selectors.loan_years(agency))
        workbook = load_workbook(
            io.BytesIO(
                export(agency=agency, identifier="asset-stocktake", params=Params(2567), fmt="xlsx").content
            )
        )
        pdf = export(agency=agency, identifier="asset-stocktake", params=Params(2567), fmt="pdf").content
        manual = export(agency=agency, identifier="asset-manual", params=Params(2570), fmt="pdf").content
        chain_problem = verify_chain(agency)[1]
    assert chain_problem is None
    assert 280 <= items.count() <= 320
    assert {"water", "roller", "tent"} <= {
        key
        for key, word in [("water", "รถบรรทุกน้ำ"), ("roller", "รถบดถนน"), ("tent", "เต็นท์")]
        if items.filter(name__contains=word).exists()
    }
    assert {
        Loan.Status.RETURNED,
        Loan.Status.REJECTED,
        Loan.Status.HANDED_OVER,
        Loan.Status.REQUESTED,
    } <= statuses
    assert {2567, 2568, 2569, 2570} <= years
    assert late > 0 and damaged == 1
    assert stocktake.is_reported and result.totals.get("unchecked", 0) == 0
    listed = [r for r in workbook["รายการ"].iter_rows(values_only=True) if str(r[1] or "").count("-") == 2]
    assert len(listed) == result.total
    assert pdf.startswith(b"%PDF") and manual.startswith(b"%PDF")
