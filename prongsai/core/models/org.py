"""The agency's structure: org units on the political and career sides, positions and the people in them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import TenantModel, new_public_id


class OrgUnit(TenantModel):
    class Side(models.TextChoices):
        POLITICAL = "political", _("ฝ่ายการเมือง")
        CAREER = "career", _("ฝ่ายประจำ")

    side = models.CharField(_("ฝ่าย"), max_length=16, choices=Side.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("สังกัด"),
    )
    name_th = models.CharField(_("ชื่อส่วนงาน"), max_length=200)
    name_en = models.CharField(_("ชื่อส่วนงาน (อังกฤษ)"), max_length=200, blank=True)
    duties = models.TextField(_("อำนาจหน้าที่ของส่วนงาน"), blank=True)
    phone = models.CharField(_("โทรศัพท์"), max_length=40, blank=True)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    class Meta:
        verbose_name = _("ส่วนงาน")
        verbose_name_plural = _("ส่วนงาน")
        ordering = ["side", "order", "name_th"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "side", "name_th"], name="core_orgunit_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name_th


class Position(TenantModel):
    class Level(models.TextChoices):
        TOP_EXECUTIVE = "top", _("ผู้บริหารสูงสุด")
        DEPUTY_EXECUTIVE = "deputy", _("รองผู้บริหารสูงสุด")
        UNIT_HEAD = "unit_head", _("หัวหน้าส่วนงาน")
        STAFF = "staff", _("ผู้ปฏิบัติงาน")
        COUNCIL = "council", _("สมาชิกสภา")

    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="positions", verbose_name=_("ส่วนงาน")
    )
    title_th = models.CharField(_("ชื่อตำแหน่ง"), max_length=200)
    title_en = models.CharField(_("ชื่อตำแหน่ง (อังกฤษ)"), max_length=200, blank=True)
    level = models.CharField(_("ระดับ"), max_length=16, choices=Level.choices, default=Level.STAFF)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    class Meta:
        verbose_name = _("ตำแหน่ง")
        verbose_name_plural = _("ตำแหน่ง")
        ordering = ["unit__order", "order", "title_th"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "unit", "title_th"], name="core_position_unique_title"),
        ]

    def __str__(self) -> str:
        return self.title_th


class Person(TenantModel):
    """A person holding a position. Names, photos and contacts of officials are published by law (OIT o2)."""

    public_id = models.UUIDField(default=new_public_id, unique=True, editable=False)
    position = models.ForeignKey(
        Position, on_delete=models.PROTECT, related_name="people", verbose_name=_("ตำแหน่ง")
    )
    prefix = models.CharField(_("คำนำหน้า"), max_length=40, blank=True)
    first_name = models.CharField(_("ชื่อ"), max_length=100)
    last_name = models.CharField(_("นามสกุล"), max_length=100)
    photo = models.ImageField(_("รูปถ่าย"), upload_to="people/", blank=True)
    phone = models.CharField(_("โทรศัพท์"), max_length=40, blank=True)
    email = models.EmailField(_("อีเมล"), blank=True)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    is_current = models.BooleanField(_("ดำรงตำแหน่งอยู่"), default=True)

    class Meta:
        verbose_name = _("บุคลากร")
        verbose_name_plural = _("บุคลากร")
        ordering = ["position__unit__order", "position__order", "order", "first_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return person_name(self.prefix, self.first_name, self.last_name)


def person_name(prefix: str, first_name: str, last_name: str) -> str:
    """A person's name as every page and document writes it (``Person.full_name``; the public cards are
    rows)."""
    return f"{prefix}{first_name} {last_name}".strip()
