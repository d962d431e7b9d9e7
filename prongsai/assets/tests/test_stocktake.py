"""The yearly stock-take: a committee of non-custodians, item by item, totals that equal the register."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from prongsai.assets import selectors, services
from prongsai.assets.models import Condition, StockTake
from prongsai.assets.tests import factories


@pytest.fixture
def three_items(agency, member, computer_type, unit):
    return [factories.asset(agency, member, computer_type, unit, name=f"เครื่องที่ {n}") for n in range(3)]


def _appoint(agency, executive, committee):
    return services.stocktake_appoint(
        agency=agency,
        acting_user=executive,
        fiscal_year=2567,
        committee=committee,
        order_reference="คำสั่ง อบต.วังทอง ที่ 250/2567",
        appointed_on=date(2024, 9, 20),
    )


def test_only_an_executive_appoints_and_never_a_custodian(agency, member, head, executive, laptop, in_scope):
    with in_scope(agency):
        services.asset_update(asset=laptop, acting_user=member, custodian=head)
        with pytest.raises(ValidationError, match="หัวหน้าหน่วยงาน"):
            _appoint(agency, member, [member])
        with pytest.raises(ValidationError, match="ต้องไม่เป็นผู้ดูแลครุภัณฑ์"):
            _appoint(agency, executive, [head])
        assert _appoint(agency, executive, [member]).status == StockTake.Status.IN_PROGRESS


def test_the_report_waits_for_every_item_and_then_totals_equal_the_register(
    agency, member, executive, head, three_items, in_scope
):
    with in_scope(agency):
        stocktake = _appoint(agency, executive, [member])
        with pytest.raises(ValidationError, match="เฉพาะกรรมการ"):
            services.stocktake_check(
                stocktake=stocktake, acting_user=head, asset=three_items[0], result="good"
            )
        services.stocktake_check(stocktake=stocktake, acting_user=member, asset=three_items[0], result="good")
        services.stocktake_check(
            stocktake=stocktake, acting_user=member, asset=three_items[1], result="lost", note="หาไม่พบ"
        )
        with pytest.raises(ValidationError, match="ยังไม่ได้ตรวจ 1 รายการ"):
            services.stocktake_report(stocktake=stocktake, acting_user=member)
        # checking an item again replaces its result
        services.stocktake_check(
            stocktake=stocktake, acting_user=member, asset=three_items[0], result="damaged", note="จอแตก"
        )
        services.stocktake_check(stocktake=stocktake, acting_user=member, asset=three_items[2], result="good")
        done = services.stocktake_report(stocktake=stocktake, acting_user=member)
        result = selectors.stocktake_result(done)
        register = selectors.register_totals(agency)
        three_items[1].refresh_from_db()
        with pytest.raises(ValidationError, match="รายงานผลแล้ว"):
            services.stocktake_check(
                stocktake=done, acting_user=member, asset=three_items[2], result="lost", note="x"
            )
    assert result.totals["good"] == 1 and result.totals["damaged"] == 1 and result.totals["lost"] == 1
    assert result.total == 3 == sum(register.values())
    assert three_items[1].condition == Condition.LOST  # the register follows the report


def test_a_damaged_item_needs_a_note(agency, member, executive, laptop, in_scope):
    with in_scope(agency):
        stocktake = _appoint(agency, executive, [member])
        with pytest.raises(ValidationError, match="หมายเหตุ"):
            services.stocktake_check(stocktake=stocktake, acting_user=member, asset=laptop, result="damaged")
