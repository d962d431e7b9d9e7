"""Guarded accessors of the government-property app: the same 404 for "missing" and "not yours".

Staff reach items, loans and stock-takes by id within their own agency; a citizen reaches their loan request
only through its unguessable tracking code.
"""

from __future__ import annotations

from django.http import Http404

from prongsai.assets.models import Asset, AssetPhoto, AssetType, Loan, StockTake
from prongsai.core.access import parse_public_id
from prongsai.core.models import Agency
from prongsai.core.tracking import normalise_tracking_code


def get_asset_for_staff(agency: Agency, pk: int) -> Asset:
    asset = (
        Asset.objects.filter(agency=agency, pk=pk)
        .select_related("asset_type", "custodian_unit", "custodian", "procurement")
        .first()
    )
    if asset is None:
        raise Http404
    return asset


def get_asset_by_code(agency: Agency, code: str) -> Asset | None:
    return Asset.objects.filter(agency=agency, code=code).select_related("asset_type").first()


def get_type_for_staff(agency: Agency, pk: int) -> AssetType:
    asset_type = AssetType.objects.filter(agency=agency, pk=pk).first()
    if asset_type is None:
        raise Http404
    return asset_type


def get_photo_for_staff(agency: Agency, pk: int, photo_id: str) -> AssetPhoto:
    photo = AssetPhoto.objects.filter(agency=agency, asset_id=pk, public_id=parse_public_id(photo_id)).first()
    if photo is None:
        raise Http404
    return photo


def get_loan_for_staff(agency: Agency, pk: int) -> Loan:
    loan = (
        Loan.objects.filter(agency=agency, pk=pk)
        .select_related("asset", "asset__custodian_unit", "asset__custodian", "borrower", "decided_by")
        .first()
    )
    if loan is None:
        raise Http404
    return loan


def find_loan_by_code(agency: Agency, code: str) -> Loan | None:
    normalised = normalise_tracking_code(code)
    if not normalised:
        return None
    return Loan.objects.filter(agency=agency, tracking_code=normalised).select_related("asset").first()


def get_loan_by_code(agency: Agency, code: str) -> Loan:
    loan = find_loan_by_code(agency, code)
    if loan is None:
        raise Http404
    return loan


def get_stocktake_for_staff(agency: Agency, pk: int) -> StockTake:
    stocktake = StockTake.objects.filter(agency=agency, pk=pk).prefetch_related("committee").first()
    if stocktake is None:
        raise Http404
    return stocktake
