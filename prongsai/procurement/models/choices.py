"""The vocabularies of procurement: methods of the Procurement Act 2560, e-GP statuses, categories.

The stored values are stable codes; the Thai labels are what staff, the public and the official forms read.
Methods are law (ม.55 and the Finance Ministry regulation of 2560). The statuses follow what e-GP and the
NACC data-set forms show; their exact wording is [M] in the domain notes, which is why import accepts many
spellings of each (``prongsai.procurement.normalize``) and the labels can be corrected in one place.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Method(models.TextChoices):
    E_BIDDING = "e_bidding", _("วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)")
    E_MARKET = "e_market", _("วิธีตลาดอิเล็กทรอนิกส์ (e-market)")
    PRICE_INQUIRY = "price_inquiry", _("วิธีสอบราคา")
    SELECTION = "selection", _("วิธีคัดเลือก")
    SPECIFIC = "specific", _("วิธีเฉพาะเจาะจง")


class EgpStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("อยู่ระหว่างการดำเนินการ")
    CONTRACTED = "contracted", _("จัดทำสัญญา/ใบสั่งซื้อสั่งจ้างแล้ว")
    UNDER_CONTRACT = "under_contract", _("อยู่ระหว่างระยะสัญญา")
    COMPLETED = "completed", _("สิ้นสุดระยะสัญญา")
    CANCELLED = "cancelled", _("ยกเลิกการดำเนินการ")


# Statuses that mean a contract (or purchase order) exists, so it has a vendor, a price and a signing date.
SIGNED_STATUSES = frozenset({EgpStatus.CONTRACTED, EgpStatus.UNDER_CONTRACT, EgpStatus.COMPLETED})


class Category(models.TextChoices):
    GOODS = "goods", _("ซื้อ")
    SERVICES = "services", _("จ้างทั่วไป")
    WORKS = "works", _("จ้างก่อสร้าง")


class AnnouncementKind(models.TextChoices):
    INVITATION = "invitation", _("ประกาศเชิญชวน")
    PRICE_REFERENCE = "price_reference", _("ประกาศราคากลาง")
    WINNER = "winner", _("ประกาศผู้ชนะการเสนอราคา")
    CANCELLATION = "cancellation", _("ประกาศยกเลิก")
