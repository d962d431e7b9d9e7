"""Writes of the government-property app: the register, the lending rules, loans and the yearly stock-take.

Every function is atomic, keyword-only, takes the acting user (``None`` only for a citizen's request on the
public site), reads the state it checks from a locked row and writes an audit event in the same transaction.
Loan transitions ask the state machine (``can_proceed``) and the role (a capability of the acting member):
use on the premises is approved by a head of division, use outside by an executive (ita-criteria.md §4.12,
ข้อ ๒๐๗–๒๑๒). The limits (days of a loan, days to follow an overdue item up) are the agency's data.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from prongsai.assets.ledger import LedgerError, LedgerRow, read_ledger
from prongsai.assets.models import (
    Asset,
    AssetPhoto,
    AssetType,
    Condition,
    FundSource,
    LendingRules,
    Loan,
    StockTake,
    StockTakeCheck,
)
from prongsai.assets.selectors import stocktake_items
from prongsai.core.audit import audit_record
from prongsai.core.drafts import UNSET, Unset, assign, given, save_changes
from prongsai.core.files import check_upload, reencode_image
from prongsai.core.models import Agency, Attachment, Membership, OrgUnit, User
from prongsai.core.publication import record_publish, record_revise
from prongsai.core.roles import Cap, capabilities_of
from prongsai.core.services import email_queue
from prongsai.core.thai import BANGKOK, be_year, format_date, to_arabic_digits
from prongsai.core.tracking import new_tracking_code

PHOTO_KINDS = frozenset({Attachment.Kind.JPEG, Attachment.Kind.PNG})
MAX_PHOTOS = 6
# A request may be made up to a year ahead: a date further away is almost always a typing mistake.
MAX_DAYS_AHEAD = 366


def _caps(agency: Agency, user: User) -> frozenset[Cap]:
    roles = Membership.objects.filter(agency=agency, user=user, is_active=True).values_list("role", flat=True)
    return capabilities_of(set(roles))


def _require(agency: Agency, user: User, capability: Cap, message: str) -> None:
    if capability not in _caps(agency, user):
        raise ValidationError(message)


def today_local() -> date:
    return timezone.now().astimezone(BANGKOK).date()


def _checked_time(at: datetime | None, *, not_before: datetime | None = None) -> datetime:
    """``at`` lets staff record a step taken on paper before it was entered (and the demo build years of
    history); it defaults to now and may not be in the future or before the previous step."""
    now = timezone.now()
    if at is None:
        return now
    if at > now:
        raise ValidationError(_("วันเวลาที่บันทึกต้องไม่เป็นเวลาในอนาคต"))
    if not_before is not None and at < not_before:
        raise ValidationError(_("วันเวลาที่บันทึกต้องไม่ก่อนขั้นตอนก่อนหน้าของการยืมนี้"))
    return at


# --- types and the register --------------------------------------------------------------------------------


@transaction.atomic
def asset_type_save(
    *,
    agency: Agency,
    acting_user: User,
    asset_type: AssetType | None = None,
    code: str | Unset = UNSET,
    name_th: str | Unset = UNSET,
    classification: str | Unset = UNSET,
    useful_life_years: int | Unset = UNSET,
) -> AssetType:
    """Create a type of durable article or change its name, classification or useful life (data the agency
    takes from the Comptroller General's table). The code of a type in use does not change."""
    fields = given(
        code=code.strip() if isinstance(code, str) else code,
        name_th=name_th.strip() if isinstance(name_th, str) else name_th,
        classification=classification,
        useful_life_years=useful_life_years,
    )
    if asset_type is None:
        target = AssetType(agency=agency, **fields)
        changed = sorted(fields)
    else:
        target = AssetType.objects.select_for_update().get(pk=asset_type.pk, agency=agency)
        if "code" in fields and fields["code"] != target.code and target.assets.exists():
            raise ValidationError({"code": _("ประเภทนี้มีครุภัณฑ์ในทะเบียนแล้ว จึงเปลี่ยนรหัสประเภทไม่ได้")})
        changed = assign(target, fields)
    target.full_clean()
    if asset_type is None:
        target.save()
    else:
        save_changes(target, changed)
    audit_record(
        agency=agency,
        actor=acting_user,
        action="assets.type.created" if asset_type is None else "assets.type.updated",
        obj=target,
        data={"fields": sorted(changed)},
    )
    return target


def format_code(type_code: str, year_be: int, sequence: int) -> str:
    """``416-67-0003``: the type, the last two digits of the Buddhist-era year, a four-digit sequence."""
    return f"{type_code}-{year_be % 100:02d}-{sequence:04d}"


def _next_sequence(agency: Agency, asset_type: AssetType, year_be: int) -> int:
    last = Asset.objects.filter(agency=agency, asset_type=asset_type, year_be=year_be).aggregate(
        n=Max("sequence")
    )["n"]
    return (last or 0) + 1


def _check_refs(
    agency: Agency, asset_type: AssetType | None, unit: OrgUnit | None, custodian: User | None
) -> None:
    if asset_type is not None and asset_type.agency_id != agency.pk:
        raise ValidationError({"asset_type": _("กรุณาเลือกประเภทครุภัณฑ์ของหน่วยงานนี้")})
    if unit is not None and unit.agency_id != agency.pk:
        raise ValidationError({"custodian_unit": _("กรุณาเลือกส่วนงานของหน่วยงานนี้")})
    if (
        custodian is not None
        and not Membership.objects.filter(agency=agency, user=custodian, is_active=True).exists()
    ):
        raise ValidationError({"custodian": _("เจ้าหน้าที่ผู้ดูแลต้องเป็นสมาชิกของหน่วยงานนี้")})


@transaction.atomic
def asset_register(
    *,
    agency: Agency,
    acting_user: User,
    asset_type: AssetType,
    name: str,
    acquired_on: date,
    price: Decimal,
    fund_source: str,
    location: str,
    custodian_unit: OrgUnit,
    custodian: User | None = None,
    description: str = "",
    condition: str = Condition.GOOD,
    lendable: bool = False,
    lendable_to_public: bool = False,
    procurement: object | None = None,
    year_be: int | None = None,
    sequence: int | None = None,
) -> Asset:
    """Put a durable article on the register. Its code is type–year–sequence: the year is the Buddhist-era
    year of acquisition unless given, the sequence the next free one of that type and year unless given
    (an agency copying its paper ledger keeps its codes)."""
    _check_refs(agency, asset_type, custodian_unit, custodian)
    if acquired_on > today_local():
        raise ValidationError({"acquired_on": _("วันที่ได้มาต้องไม่เป็นวันในอนาคต")})
    if lendable_to_public and not lendable:
        raise ValidationError(
            {"lendable_to_public": _("ครุภัณฑ์ที่ให้ประชาชนยืมได้ต้องเป็นครุภัณฑ์ที่ให้ยืมได้ด้วย กรุณาเลือก “ให้ยืมได้”")}
        )
    # Serialise code allocation per type: two officers registering at once never draw the same sequence.
    AssetType.objects.select_for_update().get(pk=asset_type.pk)
    year = year_be or be_year(acquired_on.year)
    seq = sequence or _next_sequence(agency, asset_type, year)
    asset = Asset(
        agency=agency,
        asset_type=asset_type,
        year_be=year,
        sequence=seq,
        code=format_code(asset_type.code, year, seq),
        name=name.strip(),
        description=description.strip(),
        acquired_on=acquired_on,
        price=price,
        fund_source=fund_source,
        location=location.strip(),
        custodian_unit=custodian_unit,
        custodian=custodian,
        condition=condition,
        lendable=lendable,
        lendable_to_public=lendable_to_public,
        procurement=procurement,  # type: ignore[misc]
    )
    if Asset.objects.filter(agency=agency, code=asset.code).exists():
        raise ValidationError(
            {"sequence": _("รหัสครุภัณฑ์ %(code)s มีอยู่ในทะเบียนแล้ว กรุณาใช้ลำดับที่อื่น") % {"code": asset.code}}
        )
    asset.full_clean()
    asset.save()
    audit_record(
        agency=agency,
        actor=acting_user,
        action="assets.asset.registered",
        obj=asset,
        data={"code": asset.code},
    )
    return asset


def _lock_asset(asset: Asset) -> Asset:
    return (
        Asset.objects.select_for_update(of=("self",))
        .select_related("asset_type")
        .get(pk=asset.pk, agency=asset.agency)
    )


@transaction.atomic
def asset_update(
    *,
    asset: Asset,
    acting_user: User,
    name: str | Unset = UNSET,
    description: str | Unset = UNSET,
    price: Decimal | Unset = UNSET,
    fund_source: str | Unset = UNSET,
    location: str | Unset = UNSET,
    custodian_unit: OrgUnit | Unset = UNSET,
    custodian: User | Unset | None = UNSET,
    condition: str | Unset = UNSET,
    lendable: bool | Unset = UNSET,
    lendable_to_public: bool | Unset = UNSET,
    procurement: object | Unset | None = UNSET,
) -> Asset:
    """Change the given fields of an item on the register (its code and acquisition stay as registered)."""
    locked = _lock_asset(asset)
    if locked.is_written_off:
        raise ValidationError(_("ครุภัณฑ์นี้จำหน่ายออกจากทะเบียนแล้ว จึงแก้ไขไม่ได้"))
    _check_refs(
        locked.agency,
        None,
        custodian_unit if isinstance(custodian_unit, OrgUnit) else None,
        custodian if isinstance(custodian, User) else None,
    )
    fields = given(
        name=name.strip() if isinstance(name, str) else name,
        description=description,
        price=price,
        fund_source=fund_source,
        location=location,
        custodian_unit=custodian_unit,
        custodian=custodian,
        condition=condition,
        lendable=lendable,
        lendable_to_public=lendable_to_public,
        procurement=procurement,
    )
    changed = assign(locked, fields)
    if locked.lendable_to_public and not locked.lendable:
        raise ValidationError(
            {"lendable_to_public": _("ครุภัณฑ์ที่ให้ประชาชนยืมได้ต้องเป็นครุภัณฑ์ที่ให้ยืมได้ด้วย กรุณาเลือก “ให้ยืมได้”")}
        )
    locked.full_clean()
    save_changes(locked, changed)
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="assets.asset.updated",
        obj=locked,
        data={"fields": sorted(changed)},
    )
    return locked


@transaction.atomic
def asset_add_photos(*, asset: Asset, acting_user: User, photos: Sequence[UploadedFile]) -> list[AssetPhoto]:
    """Attach photos to an item; images are re-encoded so that no metadata (EXIF, GPS) is kept."""
    locked = _lock_asset(asset)
    if locked.photos.count() + len(photos) > MAX_PHOTOS:
        raise ValidationError({"photos": _("ครุภัณฑ์หนึ่งรายการมีภาพถ่ายได้ไม่เกิน %(n)s ภาพ") % {"n": MAX_PHOTOS}})
    prepared = []
    for upload in photos:
        try:
            checked = check_upload(upload, allowed=PHOTO_KINDS)
        except ValidationError as exc:
            raise ValidationError({"photos": exc.messages}) from None
        prepared.append(reencode_image(checked.content))
    stored = []
    for content, fmt in prepared:
        kind = AssetPhoto.Kind.PNG if fmt == "png" else AssetPhoto.Kind.JPEG
        photo = AssetPhoto(agency=locked.agency, asset=locked, kind=kind, uploaded_by=acting_user)
        photo.file.save(f"photo.{kind}", ContentFile(content), save=False)
        photo.save()
        stored.append(photo)
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="assets.asset.photos_added",
        obj=locked,
        data={"photos": len(stored)},
    )
    return stored


@transaction.atomic
def asset_write_off(
    *,
    asset: Asset,
    acting_user: User,
    method: str,
    reference: str,
    fact_finding: str = "",
    on: date | None = None,
) -> Asset:
    """Dispose of an item (จำหน่าย: sale, exchange, transfer, conversion, destruction or write-off as lost)
    with the head of the agency's approval, and take it off the register. A damaged or lost item needs the
    result of its fact-finding first (ข้อ ๒๑๔)."""
    _require(
        asset.agency,
        acting_user,
        Cap.ASSETS_STOCKTAKE,
        _("การจำหน่ายครุภัณฑ์ต้องได้รับอนุมัติจากหัวหน้าหน่วยงาน (ผู้บริหาร) กรุณาเสนอผู้บริหารเป็นผู้บันทึก"),
    )
    locked = _lock_asset(asset)
    if locked.is_written_off:
        raise ValidationError(_("ครุภัณฑ์นี้จำหน่ายออกจากทะเบียนแล้ว"))
    if method not in Asset.DisposalMethod.values:
        raise ValidationError({"method": _("กรุณาเลือกวิธีการจำหน่ายจากรายการ")})
    if not reference.strip():
        raise ValidationError({"reference": _("กรุณาระบุเลขที่หนังสืออนุมัติให้จำหน่าย")})
    needs_finding = (
        locked.condition in (Condition.DAMAGED, Condition.LOST) or method == Asset.DisposalMethod.LOSS
    )
    if needs_finding and not fact_finding.strip():
        raise ValidationError(
            {"fact_finding": _("ครุภัณฑ์ที่ชำรุดหรือสูญไปต้องมีผลการสอบข้อเท็จจริงก่อนจำหน่าย กรุณาบันทึกผลการสอบข้อเท็จจริง")}
        )
    if Loan.objects.filter(asset=locked, status=Loan.Status.HANDED_OVER).exists():
        raise ValidationError(_("ครุภัณฑ์นี้ยังอยู่ระหว่างถูกยืม กรุณารับคืนก่อนจำหน่าย"))
    day = on or today_local()
    if day > today_local():
        raise ValidationError({"on": _("วันที่จำหน่ายต้องไม่เป็นวันในอนาคต")})
    locked.status = Asset.Status.WRITTEN_OFF
    locked.disposal_method = method
    locked.disposal_reference = reference.strip()
    locked.fact_finding = fact_finding.strip()
    locked.written_off_on = day
    locked.save(
        update_fields=[
            "status",
            "disposal_method",
            "disposal_reference",
            "fact_finding",
            "written_off_on",
            "updated_at",
        ]
    )
    # Requests still waiting for this item can no longer be met.
    for loan in Loan.objects.select_for_update().filter(
        asset=locked, status__in=[Loan.Status.REQUESTED, Loan.Status.APPROVED]
    ):
        loan.cancel()
        loan.decision_note = _("ยกเลิกเนื่องจากครุภัณฑ์ถูกจำหน่ายออกจากทะเบียน")
        loan.save(update_fields=["status", "decision_note", "updated_at"])
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="assets.asset.written_off",
        obj=locked,
        data={"method": method, "reference": locked.disposal_reference},
    )
    return locked


# --- the lending rules (the asset-use manual) --------------------------------------------------------------


@transaction.atomic
def rules_save(
    *,
    agency: Agency,
    acting_user: User,
    reason: str = "",
    **values: object,
) -> LendingRules:
    """Write the agency's lending rules: a draft is changed in place; published ones (the public manual)
    are corrected by a revision with a reason."""
    unknown = set(values) - set(LendingRules.snapshot_fields)
    if unknown:
        raise ValueError(f"not a lending rule: {sorted(unknown)}")
    current = LendingRules.objects.select_for_update().filter(agency=agency).first()
    if current is not None and current.is_published:
        return record_revise(
            record=current,
            acting_user=acting_user,
            reason=reason,
            changes=values,
            action="assets.rules.revised",
        )
    target = current or LendingRules(agency=agency)
    for name, value in values.items():
        setattr(target, name, value)
    target.full_clean()
    target.save()
    audit_record(
        agency=agency,
        actor=acting_user,
        action="assets.rules.saved",
        obj=target,
        data={"fields": sorted(values)},
    )
    return target


@transaction.atomic
def rules_publish(*, agency: Agency, acting_user: User) -> LendingRules:
    rules = LendingRules.objects.filter(agency=agency).first()
    if rules is None:
        raise ValidationError(_("ยังไม่มีหลักเกณฑ์การยืม กรุณาบันทึกหลักเกณฑ์ก่อนเผยแพร่คู่มือ"))
    return record_publish(record=rules, acting_user=acting_user, action="assets.rules.published")


def rules_for(agency: Agency) -> LendingRules:
    """The agency's rules; unsaved defaults when it has none yet (a loan is still bounded by them)."""
    return LendingRules.objects.filter(agency=agency).first() or LendingRules(agency=agency)


# --- loans -------------------------------------------------------------------------------------------------


def _unique_code(agency: Agency) -> str:
    for _attempt in range(10):
        code = new_tracking_code()
        if not Loan.objects.filter(agency=agency, tracking_code=code).exists():
            return code
    raise RuntimeError("could not draw an unused tracking code")


def _check_request(
    *, asset: Asset, purpose: str, place: str, starts_on: date, due_on: date, citizen: bool, today: date
) -> None:
    if purpose not in Loan.Purpose.values:
        raise ValidationError(
            {
                "purpose": _(
                    "ทรัพย์สินของราชการให้ยืมได้เฉพาะเพื่อใช้ในราชการหรือกิจกรรมสาธารณประโยชน์เท่านั้น "
                    "ห้ามยืมไปใช้ประโยชน์ส่วนตัวหรือของพวกพ้อง กรุณาเลือกลักษณะการใช้จากรายการ"
                )
            }
        )
    if place not in Loan.Place.values:
        raise ValidationError({"place": _("กรุณาเลือกสถานที่ใช้จากรายการ")})
    if asset.is_written_off or not asset.lendable:
        raise ValidationError({"asset": _("ครุภัณฑ์นี้ไม่ได้เปิดให้ยืม กรุณาเลือกรายการอื่น")})
    if citizen and not asset.lendable_to_public:
        raise ValidationError({"asset": _("ครุภัณฑ์นี้ไม่ได้เปิดให้ประชาชนยืม กรุณาเลือกจากรายการที่ให้ยืมได้")})
    if asset.condition != Condition.GOOD:
        raise ValidationError(
            {"asset": _("ครุภัณฑ์นี้อยู่ในสภาพ “%(c)s” จึงให้ยืมไม่ได้ในขณะนี้") % {"c": asset.get_condition_display()}}
        )
    if due_on < starts_on:
        raise ValidationError({"due_on": _("กำหนดส่งคืนต้องไม่ก่อนวันที่เริ่มยืม")})
    if starts_on < today:
        raise ValidationError({"starts_on": _("วันที่เริ่มยืมต้องไม่เป็นวันที่ผ่านมาแล้ว")})
    if starts_on > today + timedelta(days=MAX_DAYS_AHEAD):
        raise ValidationError({"starts_on": _("ขอยืมล่วงหน้าได้ไม่เกินหนึ่งปี กรุณาตรวจสอบปีที่กรอก")})
    limit = rules_for(asset.agency).max_days(place)
    if (due_on - starts_on).days + 1 > limit:
        raise ValidationError(
            {
                "due_on": _("ระยะเวลายืมเกินที่หลักเกณฑ์ของหน่วยงานกำหนด (ไม่เกิน %(n)s วัน) กรุณาแก้กำหนดส่งคืน")
                % {"n": limit}
            }
        )


def clashing_loans(asset: Asset, starts_on: date, due_on: date, *, exclude: int | None = None) -> list[Loan]:
    """The loans that already hold ``asset`` on one of the days from ``starts_on`` to ``due_on``."""
    qs = Loan.objects.filter(
        agency=asset.agency,
        asset=asset,
        status__in=Loan.HOLDING,
        starts_on__lte=due_on,
        due_on__gte=starts_on,
    )
    if exclude is not None:
        qs = qs.exclude(pk=exclude)
    return list(qs.order_by("starts_on"))


def _refuse_clash(asset: Asset, starts_on: date, due_on: date, *, exclude: int | None = None) -> None:
    clashes = clashing_loans(asset, starts_on, due_on, exclude=exclude)
    if clashes:
        first = clashes[0]
        raise ValidationError(
            {
                "starts_on": _(
                    "ครุภัณฑ์ %(code)s ถูกจองหรือยืมไว้แล้วในช่วง %(start)s ถึง %(end)s กรุณาเลือกวันอื่นหรือครุภัณฑ์รายการอื่น"
                )
                % {
                    "code": asset.code,
                    "start": format_date(first.starts_on),
                    "end": format_date(first.due_on),
                }
            }
        )


@transaction.atomic
def loan_request(
    *,
    agency: Agency,
    acting_user: User | None,
    idempotency_key: uuid.UUID,
    asset: Asset,
    purpose: str,
    reason: str,
    place: str,
    starts_on: date,
    due_on: date,
    use_location: str = "",
    borrower_name: str = "",
    borrower_phone: str = "",
    borrower_email: str = "",
    requested_at: datetime | None = None,
) -> tuple[Loan, bool]:
    """Ask to borrow ``asset`` from ``starts_on`` to ``due_on``: a staff member for official work (signed in,
    ``acting_user``), or a citizen for a community activity (``acting_user`` None, with a name and a phone).

    Refused with a Thai message: private use, an item not lendable (or not to the public), a period longer
    than the agency's rules allow, and dates that overlap a loan already requested, approved or handed over.
    Returns the loan and whether it is new (re-sending the same form returns the first one).
    ``requested_at`` (staff copying a request made on paper) dates the request in the past; the dates of
    the loan are then checked against that day.
    """
    if requested_at is not None and acting_user is None:
        raise ValueError("only staff may record a request made earlier on paper")
    existing = Loan.objects.filter(agency=agency, idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    if asset.agency_id != agency.pk:
        raise ValidationError({"asset": _("กรุณาเลือกครุภัณฑ์จากรายการ")})
    citizen = acting_user is None
    if citizen and purpose != Loan.Purpose.PUBLIC_BENEFIT and purpose in Loan.Purpose.values:
        raise ValidationError({"purpose": _("ประชาชนยืมได้เฉพาะเพื่อกิจกรรมสาธารณประโยชน์ของชุมชน")})
    if citizen and (not borrower_name.strip() or not borrower_phone.strip()):
        raise ValidationError({"borrower_name": _("กรุณากรอกชื่อและเบอร์โทรศัพท์ของผู้ยืม เพื่อให้เจ้าหน้าที่ติดต่อกลับได้")})
    if place == Loan.Place.OUTSIDE and not use_location.strip():
        raise ValidationError({"use_location": _("กรุณาระบุสถานที่ที่จะนำครุภัณฑ์ไปใช้")})
    asked = _checked_time(requested_at)
    locked = _lock_asset(asset)  # serialises requests for one item: two overlapping requests cannot both pass
    _check_request(
        asset=locked,
        purpose=purpose,
        place=place,
        starts_on=starts_on,
        due_on=due_on,
        citizen=citizen,
        today=asked.astimezone(BANGKOK).date(),
    )
    _refuse_clash(locked, starts_on, due_on)
    if acting_user is not None:
        name = acting_user.get_full_name() or acting_user.username
        email = acting_user.email
    else:
        name, email = borrower_name.strip(), borrower_email.strip()
    loan = Loan(
        agency=agency,
        idempotency_key=idempotency_key,
        tracking_code=_unique_code(agency),
        asset=locked,
        borrower_kind=Loan.Borrower.CITIZEN if citizen else Loan.Borrower.STAFF,
        borrower=acting_user,
        borrower_name=name,
        borrower_phone=borrower_phone.strip(),
        borrower_email=email,
        purpose=purpose,
        reason=reason.strip(),
        place=place,
        use_location=use_location.strip(),
        starts_on=starts_on,
        due_on=due_on,
        requested_at=asked,
    )
    loan.full_clean()
    try:
        with transaction.atomic():
            loan.save()
    except IntegrityError:
        return Loan.objects.get(agency=agency, idempotency_key=idempotency_key), False
    audit_record(
        agency=agency,
        actor=acting_user,
        actor_label=None if acting_user else _("ประชาชน (เว็บไซต์)"),
        action="assets.loan.requested",
        obj=loan,
        data={"asset": locked.code, "place": place, "purpose": purpose},
    )
    return loan, True


def _lock_loan(loan: Loan) -> Loan:
    return (
        Loan.objects.select_for_update(of=("self",))
        .select_related("asset", "asset__custodian", "agency")
        .get(pk=loan.pk, agency=loan.agency)
    )


def approver_capability(loan: Loan) -> Cap:
    """Use outside the premises needs the head of the agency (or a delegate); inside, the head of the unit."""
    return Cap.ASSETS_APPROVE_OUTSIDE if loan.place == Loan.Place.OUTSIDE else Cap.ASSETS_APPROVE_PREMISES


def _check_approver(loan: Loan, user: User) -> None:
    if approver_capability(loan) not in _caps(loan.agency, user):
        if loan.place == Loan.Place.OUTSIDE:
            message = _("การยืมไปใช้นอกสถานที่ราชการต้องได้รับอนุมัติจากหัวหน้าหน่วยงานหรือผู้ที่ได้รับมอบหมาย (ผู้บริหาร)")
        else:
            message = _("การยืมใช้ภายในสถานที่ราชการต้องได้รับอนุมัติจากหัวหน้าส่วนราชการที่ดูแลครุภัณฑ์")
        raise ValidationError(message)
    if loan.borrower_id is not None and loan.borrower_id == user.pk:
        raise ValidationError(_("ผู้ยืมอนุมัติคำขอของตนเองไม่ได้ กรุณาให้ผู้มีอำนาจอนุมัติคนอื่นพิจารณา"))


@transaction.atomic
def loan_approve(*, loan: Loan, acting_user: User, note: str = "", at: datetime | None = None) -> Loan:
    locked = _lock_loan(loan)
    if not can_proceed(locked.approve):
        raise ValidationError(_("คำขอนี้ได้รับการพิจารณาไปแล้ว"))
    _check_approver(locked, acting_user)
    decided = _checked_time(at, not_before=locked.requested_at)
    locked.approve()
    locked.decided_by = acting_user
    locked.decided_at = decided
    locked.decision_note = note.strip()
    locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"])
    _notify_borrower(locked, _("คำขอยืมครุภัณฑ์ได้รับอนุมัติ"))
    audit_record(agency=locked.agency, actor=acting_user, action="assets.loan.approved", obj=locked)
    return locked


@transaction.atomic
def loan_reject(*, loan: Loan, acting_user: User, note: str, at: datetime | None = None) -> Loan:
    locked = _lock_loan(loan)
    if not can_proceed(locked.reject):
        raise ValidationError(_("คำขอนี้ได้รับการพิจารณาไปแล้ว"))
    _check_approver(locked, acting_user)
    if not note.strip():
        raise ValidationError({"note": _("กรุณาระบุเหตุผลที่ไม่อนุมัติ ผู้ขอยืมจะเห็นเหตุผลนี้")})
    decided = _checked_time(at, not_before=locked.requested_at)
    locked.reject()
    locked.decided_by = acting_user
    locked.decided_at = decided
    locked.decision_note = note.strip()
    locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"])
    _notify_borrower(locked, _("คำขอยืมครุภัณฑ์ไม่ได้รับอนุมัติ"))
    audit_record(agency=locked.agency, actor=acting_user, action="assets.loan.rejected", obj=locked)
    return locked


@transaction.atomic
def loan_hand_over(*, loan: Loan, acting_user: User, at: datetime | None = None) -> Loan:
    """The custodian hands the approved item over (on or after the first day of the loan)."""
    _require(loan.agency, acting_user, Cap.ASSETS_EDIT, _("การส่งมอบครุภัณฑ์ทำได้โดยเจ้าหน้าที่ผู้ดูแลครุภัณฑ์"))
    locked = _lock_loan(loan)
    if not can_proceed(locked.hand_over):
        raise ValidationError(_("ส่งมอบได้เฉพาะคำขอที่อนุมัติแล้วและยังไม่ได้ส่งมอบ"))
    now = _checked_time(at, not_before=locked.decided_at)
    if now.astimezone(BANGKOK).date() < locked.starts_on:
        raise ValidationError(
            _("ยังไม่ถึงวันเริ่มยืม (%(d)s) กรุณาส่งมอบในวันเริ่มยืม") % {"d": format_date(locked.starts_on)}
        )
    locked.hand_over()
    locked.handed_over_at = now
    locked.handed_over_by = acting_user
    locked.save(update_fields=["status", "handed_over_at", "handed_over_by", "updated_at"])
    audit_record(agency=locked.agency, actor=acting_user, action="assets.loan.handed_over", obj=locked)
    return locked


@transaction.atomic
def loan_return(
    *, loan: Loan, acting_user: User, condition: str, note: str = "", at: datetime | None = None
) -> Loan:
    """The custodian takes the item back and records its condition; the register follows that condition.
    A damaged or lost item needs a note (what happened): the borrower repairs, replaces or pays for it."""
    _require(loan.agency, acting_user, Cap.ASSETS_EDIT, _("การรับคืนครุภัณฑ์ทำได้โดยเจ้าหน้าที่ผู้ดูแลครุภัณฑ์"))
    locked = _lock_loan(loan)
    if not can_proceed(locked.take_back):
        raise ValidationError(_("รับคืนได้เฉพาะครุภัณฑ์ที่ส่งมอบแล้วและยังไม่ได้คืน"))
    if condition not in Condition.values:
        raise ValidationError({"condition": _("กรุณาเลือกสภาพครุภัณฑ์เมื่อรับคืนจากรายการ")})
    if condition != Condition.GOOD and not note.strip():
        raise ValidationError(
            {"note": _("ครุภัณฑ์ไม่อยู่ในสภาพปกติ กรุณาบันทึกรายละเอียดความเสียหาย เพื่อให้ผู้ยืมซ่อมแซม ชดใช้ หรือชดใช้ราคา")}
        )
    now = _checked_time(at, not_before=locked.handed_over_at)
    locked.take_back()
    locked.returned_at = now
    locked.received_by = acting_user
    locked.return_condition = condition
    locked.return_note = note.strip()
    locked.save(
        update_fields=[
            "status",
            "returned_at",
            "received_by",
            "return_condition",
            "return_note",
            "updated_at",
        ]
    )
    if condition != locked.asset.condition:
        asset = _lock_asset(locked.asset)
        asset.condition = condition
        asset.save(update_fields=["condition", "updated_at"])
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="assets.loan.returned",
        obj=locked,
        data={"condition": condition, "late": locked.returned_late},
    )
    return locked


@transaction.atomic
def loan_cancel(*, loan: Loan, acting_user: User) -> Loan:
    """The borrower (or a custodian) withdraws a request that has not been handed over."""
    locked = _lock_loan(loan)
    if not can_proceed(locked.cancel):
        raise ValidationError(_("ยกเลิกได้เฉพาะคำขอที่ยังไม่ได้ส่งมอบครุภัณฑ์"))
    if locked.borrower_id != acting_user.pk and Cap.ASSETS_EDIT not in _caps(locked.agency, acting_user):
        raise ValidationError(_("ยกเลิกได้เฉพาะผู้ขอยืมหรือเจ้าหน้าที่ผู้ดูแลครุภัณฑ์"))
    locked.cancel()
    locked.save(update_fields=["status", "updated_at"])
    audit_record(agency=locked.agency, actor=acting_user, action="assets.loan.cancelled", obj=locked)
    return locked


def _notify_borrower(loan: Loan, subject: str) -> None:
    if not loan.borrower_email:
        return
    body = _(
        "เรื่อง: %(subject)s\nครุภัณฑ์: %(code)s %(name)s\nช่วงเวลายืม: %(start)s ถึง %(end)s\nรหัสติดตาม: %(tracking)s"
    ) % {
        "subject": subject,
        "code": loan.asset.code,
        "name": loan.asset.name,
        "start": format_date(loan.starts_on),
        "end": format_date(loan.due_on),
        "tracking": loan.display_code,
    }
    email_queue(agency=loan.agency, to=loan.borrower_email, subject=subject, body=body)


@dataclass(frozen=True)
class NoticeRun:
    notified: int
    past_follow_up: int


@transaction.atomic
def loans_notify_overdue(*, agency: Agency, today: date | None = None) -> NoticeRun:
    """Send the notice of each overdue item to its borrower and its custodian, once per loan, within the
    follow-up period of the agency's rules (7 days from the due date by the regulation).

    Items still out after that period are counted (the staff page shows them for escalation) but not
    notified again. Run daily by the scheduler; safe to run twice (a notified loan is skipped).
    """
    day = today or today_local()
    rules = rules_for(agency)
    overdue = (
        Loan.objects.select_for_update(of=("self",))
        .select_related("asset", "asset__custodian")
        .filter(agency=agency, status=Loan.Status.HANDED_OVER, due_on__lt=day)
    )
    notified = late = 0
    for loan in overdue:
        if (day - loan.due_on).days > rules.follow_up_days and loan.overdue_notice_at is not None:
            late += 1
            continue
        if loan.overdue_notice_at is not None:
            continue
        subject = _("แจ้งเตือน: เกินกำหนดส่งคืนครุภัณฑ์ %(code)s") % {"code": loan.asset.code}
        body = _(
            "ครุภัณฑ์ %(code)s %(name)s ที่ยืมโดย %(borrower)s ครบกำหนดส่งคืนเมื่อ %(due)s แล้วยังไม่ได้ส่งคืน "
            "กรุณาส่งคืนเจ้าหน้าที่ผู้ดูแลครุภัณฑ์โดยเร็ว หากชำรุดหรือสูญหาย ผู้ยืมต้องซ่อมแซม ชดใช้ หรือชดใช้ราคา"
            "\nรหัสติดตาม: %(tracking)s"
        ) % {
            "code": loan.asset.code,
            "name": loan.asset.name,
            "borrower": loan.borrower_name,
            "due": format_date(loan.due_on),
            "tracking": loan.display_code,
        }
        recipients = {loan.borrower_email}
        if loan.asset.custodian is not None:
            recipients.add(loan.asset.custodian.email)
        for address in sorted(r for r in recipients if r):
            email_queue(agency=agency, to=address, subject=subject, body=body)
        loan.overdue_notice_at = timezone.now()
        loan.save(update_fields=["overdue_notice_at", "updated_at"])
        audit_record(
            agency=agency,
            actor=None,
            actor_label=_("ระบบ (งานตามกำหนดเวลา)"),
            action="assets.loan.overdue_notice",
            obj=loan,
            data={"days_late": (day - loan.due_on).days},
        )
        notified += 1
    return NoticeRun(notified=notified, past_follow_up=late)


# --- the yearly stock-take ---------------------------------------------------------------------------------


@transaction.atomic
def stocktake_appoint(
    *,
    agency: Agency,
    acting_user: User,
    fiscal_year: int,
    committee: Sequence[User],
    order_reference: str,
    appointed_on: date,
) -> StockTake:
    """The head of the agency appoints the committee of the year's stock-take (ข้อ ๒๑๓): at least one
    member, none of them the custodian of an item on the register."""
    _require(
        agency,
        acting_user,
        Cap.ASSETS_STOCKTAKE,
        _("การแต่งตั้งคณะกรรมการตรวจสอบพัสดุเป็นอำนาจของหัวหน้าหน่วยงาน (ผู้บริหาร)"),
    )
    if not committee:
        raise ValidationError({"committee": _("กรุณาเลือกกรรมการอย่างน้อยหนึ่งคน")})
    members = set(
        Membership.objects.filter(agency=agency, is_active=True, user__in=committee).values_list(
            "user_id", flat=True
        )
    )
    if any(user.pk not in members for user in committee):
        raise ValidationError({"committee": _("กรรมการทุกคนต้องเป็นสมาชิกของหน่วยงานนี้")})
    custodians = sorted(
        {
            a.custodian.get_full_name() or a.custodian.username
            for a in Asset.objects.filter(
                agency=agency, status=Asset.Status.IN_USE, custodian__in=committee
            ).select_related("custodian")
            if a.custodian is not None
        }
    )
    if custodians:
        raise ValidationError(
            {
                "committee": _("กรรมการต้องไม่เป็นผู้ดูแลครุภัณฑ์ (ผู้ที่เป็นผู้ดูแล: %(names)s) กรุณาเลือกผู้อื่น")
                % {"names": ", ".join(custodians)}
            }
        )
    if not order_reference.strip():
        raise ValidationError({"order_reference": _("กรุณาระบุเลขที่คำสั่งแต่งตั้งคณะกรรมการ")})
    if StockTake.objects.filter(agency=agency, fiscal_year=fiscal_year).exists():
        raise ValidationError(
            {"fiscal_year": _("ปีงบประมาณ %(y)s มีการแต่งตั้งคณะกรรมการตรวจสอบพัสดุแล้ว") % {"y": fiscal_year}}
        )
    stocktake = StockTake(
        agency=agency,
        fiscal_year=fiscal_year,
        order_reference=order_reference.strip(),
        appointed_on=appointed_on,
        appointed_by=acting_user,
    )
    stocktake.full_clean()
    stocktake.save()
    stocktake.committee.set(committee)
    audit_record(
        agency=agency,
        actor=acting_user,
        action="assets.stocktake.appointed",
        obj=stocktake,
        data={"fiscal_year": fiscal_year, "committee": sorted(u.pk for u in committee)},
    )
    return stocktake


def _lock_stocktake(stocktake: StockTake) -> StockTake:
    return StockTake.objects.select_for_update().get(pk=stocktake.pk, agency=stocktake.agency)


def is_committee_member(stocktake: StockTake, user: User) -> bool:
    return stocktake.committee.filter(pk=user.pk).exists()


@transaction.atomic
def stocktake_check(
    *,
    stocktake: StockTake,
    acting_user: User,
    asset: Asset,
    result: str,
    note: str = "",
    photo: UploadedFile | None = None,
) -> StockTakeCheck:
    """Record what a committee member found for one item; checking it again replaces the earlier result.
    Each item is saved as it is checked, so a phone that loses its signal loses at most the current item."""
    locked = _lock_stocktake(stocktake)
    if not is_committee_member(locked, acting_user):
        raise ValidationError(_("เฉพาะกรรมการตรวจสอบพัสดุที่ได้รับแต่งตั้งเท่านั้นที่บันทึกผลการตรวจได้"))
    if locked.is_reported:
        raise ValidationError(_("การตรวจสอบพัสดุปีนี้รายงานผลแล้ว จึงแก้ไขผลการตรวจไม่ได้"))
    if asset.agency_id != locked.agency_id or asset.is_written_off:
        raise ValidationError({"asset": _("ไม่พบครุภัณฑ์นี้ในทะเบียน")})
    if result not in Condition.values:
        raise ValidationError({"result": _("กรุณาเลือกผลการตรวจจากรายการ")})
    if result in (Condition.DAMAGED, Condition.LOST) and not note.strip():
        raise ValidationError({"note": _("กรุณาบันทึกหมายเหตุว่าชำรุดหรือสูญไปอย่างไร")})
    content: bytes | None = None
    if photo is not None:
        try:
            checked = check_upload(photo, allowed=PHOTO_KINDS)
        except ValidationError as exc:
            raise ValidationError({"photo": exc.messages}) from None
        content, _fmt = reencode_image(checked.content)
    check = StockTakeCheck.objects.filter(stocktake=locked, asset=asset).first()
    if check is None:
        check = StockTakeCheck(agency=locked.agency, stocktake=locked, asset=asset)
    check.result = result
    check.note = note.strip()
    check.checked_by = acting_user
    check.checked_at = timezone.now()
    if content is not None:
        check.photo.save("check.jpg", ContentFile(content), save=False)
    check.save()
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="assets.stocktake.checked",
        obj=locked,
        data={"asset": asset.code, "result": result},
    )
    return check


@transaction.atomic
def stocktake_report(*, stocktake: StockTake, acting_user: User, summary: str = "") -> StockTake:
    """The committee reports to the head of the agency once every item on the register is checked. Items
    found damaged, deteriorated, not needed or lost take that condition on the register, from which they go
    on to fact-finding and disposal."""
    locked = _lock_stocktake(stocktake)
    if not is_committee_member(locked, acting_user):
        raise ValidationError(_("เฉพาะกรรมการตรวจสอบพัสดุที่ได้รับแต่งตั้งเท่านั้นที่รายงานผลได้"))
    if not can_proceed(locked.report):
        raise ValidationError(_("การตรวจสอบพัสดุปีนี้รายงานผลแล้ว"))
    checked = set(StockTakeCheck.objects.filter(stocktake=locked).values_list("asset_id", flat=True))
    missing = stocktake_items(locked).exclude(pk__in=checked)
    count = missing.count()
    if count:
        raise ValidationError(
            _("ยังมีครุภัณฑ์ที่ยังไม่ได้ตรวจ %(n)s รายการ กรุณาตรวจให้ครบทุกรายการก่อนรายงานผล") % {"n": count}
        )
    locked.report()
    locked.reported_at = timezone.now()
    locked.summary = summary.strip()
    locked.save(update_fields=["status", "reported_at", "summary", "updated_at"])
    for check in StockTakeCheck.objects.filter(stocktake=locked).select_related("asset"):
        if check.asset.condition != check.result:
            Asset.objects.filter(pk=check.asset_id).update(condition=check.result, updated_at=timezone.now())
    audit_record(agency=locked.agency, actor=acting_user, action="assets.stocktake.reported", obj=locked)
    return locked


def parse_code(text: str) -> str:
    """An item code as typed or scanned: Thai digits and spaces accepted."""
    return to_arabic_digits(text).strip().replace(" ", "")


# --- importing the XLSX ledger -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerResult:
    rows: list[LedgerRow]
    new: int
    unchanged: int
    imported: bool

    @property
    def problems(self) -> list[LedgerRow]:
        return [row for row in self.rows if row.problems]


def _labels(choices: type[models.TextChoices]) -> dict[str, str]:
    with translation.override("th"):
        return {str(label): value for value, label in choices.choices} | {v: v for v in choices.values}


@transaction.atomic
def ledger_import(*, agency: Agency, acting_user: User, content: bytes, commit: bool) -> LedgerResult:
    """Check an XLSX ledger against the agency's types and units and, with ``commit`` and no problem at all,
    put its new items on the register in one transaction (all or nothing). A code already on the register is
    left as it is (importing the same file twice adds nothing). Without ``commit``: the preview."""
    try:
        rows = read_ledger(content)
    except LedgerError as exc:
        raise ValidationError({"file": str(exc)}) from None
    types = {t.code: t for t in AssetType.objects.filter(agency=agency)}
    units = {u.name_th: u for u in OrgUnit.objects.filter(agency=agency)}
    funds, conditions = _labels(FundSource), _labels(Condition)
    existing = set(Asset.objects.filter(agency=agency).values_list("code", flat=True))
    seen: dict[str, int] = {}
    today = today_local()
    new: list[Asset] = []
    unchanged = 0
    for row in rows:
        if row.type_code and row.type_code not in types:
            row.problems.append(
                _("ไม่มีประเภทครุภัณฑ์รหัส %(code)s กรุณาเพิ่มประเภทนี้ก่อนนำเข้า") % {"code": row.type_code}
            )
        if row.unit not in units:
            row.problems.append(_("ไม่พบส่วนงาน “%(unit)s” ในโครงสร้างของหน่วยงาน") % {"unit": row.unit or "–"})
        fund = funds.get(row.fund_source, FundSource.OWN_BUDGET if not row.fund_source else "")
        if not fund:
            row.problems.append(_("ไม่รู้จักแหล่งเงิน “%(f)s”") % {"f": row.fund_source})
        condition = conditions.get(row.condition, Condition.GOOD if not row.condition else "")
        if not condition:
            row.problems.append(_("ไม่รู้จักสภาพ “%(c)s”") % {"c": row.condition})
        if row.acquired_on and row.acquired_on > today:
            row.problems.append(_("วันที่ได้มาเป็นวันในอนาคต"))
        code = row.code
        if code and code in seen:
            row.problems.append(
                _("รหัส %(code)s ซ้ำกับแถวที่ %(line)s ของไฟล์") % {"code": code, "line": seen[code]}
            )
        elif code:
            seen[code] = row.line
        if row.problems:
            continue
        if code in existing:
            unchanged += 1
            continue
        if row.acquired_on is None or row.price is None:  # a row without them carries a problem
            continue
        new.append(
            Asset(
                agency=agency,
                asset_type=types[row.type_code],
                year_be=row.year_be,
                sequence=row.sequence,
                code=code,
                name=row.name,
                acquired_on=row.acquired_on,
                price=row.price,
                fund_source=fund,
                location=row.location or units[row.unit].name_th,
                custodian_unit=units[row.unit],
                condition=condition,
            )
        )
    problems = any(row.problems for row in rows)
    if commit and not problems and new:
        Asset.objects.bulk_create(new, batch_size=1000)
        audit_record(
            agency=agency,
            actor=acting_user,
            action="assets.ledger.imported",
            data={"new": len(new), "unchanged": unchanged},
        )
    return LedgerResult(rows=rows, new=len(new), unchanged=unchanged, imported=commit and not problems)
