"""The register: codes, depreciation as data, write-off."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from prongsai.assets import services
from prongsai.assets.models import Asset, Condition
from prongsai.assets.tests import factories
from prongsai.core.models import AuditEvent


def test_an_item_gets_the_next_code_of_its_type_and_buddhist_year(agency, member, computer_type, unit):
    first = factories.asset(agency, member, computer_type, unit)
    second = factories.asset(agency, member, computer_type, unit, acquired_on=date(2024, 1, 3))
    later = factories.asset(agency, member, computer_type, unit, acquired_on=date(2024, 11, 3))
    assert (first.code, second.code, later.code) == ("416-66-0001", "416-67-0001", "416-67-0002")


def test_a_code_already_on_the_register_is_refused_in_thai(agency, member, computer_type, unit):
    factories.asset(agency, member, computer_type, unit, year_be=2567, sequence=3)
    with pytest.raises(ValidationError) as caught:
        factories.asset(agency, member, computer_type, unit, year_be=2567, sequence=3)
    assert "416-67-0003 มีอยู่ในทะเบียนแล้ว" in str(caught.value)


def test_codes_are_unique_per_agency_only(agency, other_agency, member, outsider, computer_type, unit):
    from prongsai.core.tenancy import agency_scope
    from prongsai.core.tests import factories as core_factories

    with agency_scope(other_agency):
        other_unit = core_factories.org_unit(other_agency, outsider, name_th="สำนักปลัด")
    other_type = factories.asset_type(other_agency, outsider)
    mine = factories.asset(agency, member, computer_type, unit)
    theirs = factories.asset(other_agency, outsider, other_type, other_unit)
    assert mine.code == theirs.code


def test_depreciation_is_straight_line_over_the_useful_life_of_the_type(
    agency, member, computer_type, unit, in_scope
):
    item = factories.asset(
        agency, member, computer_type, unit, price=Decimal("22001.00"), acquired_on=date(2020, 1, 1)
    )
    assert item.yearly_depreciation() == Decimal("4400.00")
    assert item.accumulated_depreciation(date(2021, 1, 1)) == Decimal("4412.05")  # 366 days (a leap year)
    assert item.book_value(date(2030, 1, 1)) == Decimal("1.00")  # never below one baht
    with in_scope(agency):
        services.asset_type_save(
            agency=agency, acting_user=member, asset_type=computer_type, useful_life_years=8
        )
        item.refresh_from_db()
    assert item.yearly_depreciation() == Decimal("2750.00")  # the useful life is data, not code


def test_an_item_acquired_in_the_future_is_refused(agency, member, computer_type, unit):
    with pytest.raises(ValidationError) as caught:
        factories.asset(agency, member, computer_type, unit, acquired_on=date(2099, 1, 1))
    assert "วันที่ได้มาต้องไม่เป็นวันในอนาคต" in str(caught.value)


def test_a_lost_item_needs_its_fact_finding_and_an_executive_to_be_written_off(
    agency, member, executive, laptop, in_scope
):
    with in_scope(agency):
        services.asset_update(asset=laptop, acting_user=member, condition=Condition.LOST)
        with pytest.raises(ValidationError, match="หัวหน้าหน่วยงาน"):
            services.asset_write_off(asset=laptop, acting_user=member, method="loss", reference="วท 123/2567")
        with pytest.raises(ValidationError, match="ผลการสอบข้อเท็จจริง"):
            services.asset_write_off(
                asset=laptop, acting_user=executive, method="loss", reference="วท 123/2567"
            )
        gone = services.asset_write_off(
            asset=laptop,
            acting_user=executive,
            method="loss",
            reference="วท 123/2567",
            fact_finding="สูญหายระหว่างน้ำท่วม ไม่มีผู้ต้องรับผิด",
        )
        assert gone.status == Asset.Status.WRITTEN_OFF
        assert AuditEvent.objects.filter(agency=agency, action="assets.asset.written_off").count() == 1
        with pytest.raises(ValidationError, match="จำหน่ายออกจากทะเบียนแล้ว"):
            services.asset_update(asset=gone, acting_user=member, name="x")
