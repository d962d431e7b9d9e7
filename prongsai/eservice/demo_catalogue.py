"""The demo catalogue: the common services of an อบต., each with its citizen manual and request form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from prongsai.core import services as core_services
from prongsai.core.models import Agency, OrgUnit, User

from .models import RequiredDocument, Service
from .services_catalogue import service_create_draft, service_publish

OFFICE_POINT = {
    "place": "ศูนย์บริการร่วม (One Stop Service) ที่ทำการองค์การบริหารส่วนตำบล",
    "hours": "วันจันทร์ – วันศุกร์ (เว้นวันหยุดราชการ) เวลา 08.30 – 16.30 น. (มีพักเที่ยง)",
}
ONLINE_POINT = {"place": "เว็บไซต์ของหน่วยงาน เมนู E-Service", "hours": "ตลอด 24 ชั่วโมง (นับเวลาเริ่มในวันทำการถัดไป)"}
PRIVACY = (
    "องค์การบริหารส่วนตำบลเก็บ ใช้ และเปิดเผยข้อมูลส่วนบุคคลในคำขอนี้ (ชื่อ เลขประจำตัวประชาชน ที่อยู่ "
    "หมายเลขโทรศัพท์ อีเมล และเอกสารแนบ) เพื่อพิจารณาคำขอ ติดต่อท่าน และจัดทำสถิติที่ไม่ระบุตัวบุคคล "
    "ตามอำนาจหน้าที่ตามกฎหมาย (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 มาตรา 24(4)) "
    "เก็บรักษาตามระยะเวลาที่ระเบียบงานสารบรรณกำหนด ไม่เปิดเผยต่อสาธารณะ "
    "ท่านขอเข้าถึง แก้ไข หรือคัดค้านได้ที่สำนักปลัด"
)
COMPLAINT = (
    "หากไม่ได้รับความสะดวกหรือเกินกำหนดเวลา ร้องเรียนได้ที่ศูนย์รับเรื่องร้องเรียนองค์การบริหารส่วนตำบล "
    "หรือศูนย์ดำรงธรรมอำเภอ หรือสายด่วน 1111 (ศูนย์บริการประชาชน สำนักปลัดสำนักนายกรัฐมนตรี)"
)

ID_CARD = {"name": "บัตรประจำตัวประชาชน", "original_or_copy": RequiredDocument.Form.BOTH, "copies": 1}
HOUSE_REG = {"name": "ทะเบียนบ้าน", "original_or_copy": RequiredDocument.Form.BOTH, "copies": 1}


def _units(agency: Agency, admin: User) -> dict[str, OrgUnit]:
    wanted = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองสาธารณสุขและสิ่งแวดล้อม"]
    units = {u.name_th: u for u in OrgUnit.objects.filter(agency=agency, name_th__in=wanted)}
    for order, name in enumerate(wanted, start=1):
        if name not in units:
            units[name] = core_services.org_unit_save(
                agency=agency, acting_user=admin, side=OrgUnit.Side.CAREER, name_th=name, order=order
            )
    return units


def catalogue(u: dict[str, OrgUnit]) -> list[dict[str, Any]]:
    clerk, finance, works, health = u["สำนักปลัด"], u["กองคลัง"], u["กองช่าง"], u["กองสาธารณสุขและสิ่งแวดล้อม"]
    days, hours = "days", "hours"
    return [
        {
            "code": "building-permit",
            "name_th": "การขออนุญาตก่อสร้าง ดัดแปลง หรือรื้อถอนอาคาร",
            "description": "ขออนุญาตก่อสร้างอาคาร ดัดแปลงอาคาร หรือรื้อถอนอาคาร ตามมาตรา 21 และ 22 แห่งพระราชบัญญัติควบคุมอาคาร พ.ศ. 2522",
            "owner_unit": works,
            "category": Service.Category.PERMIT,
            "kind": Service.Kind.LICENCE,
            "legal_basis": "พระราชบัญญัติควบคุมอาคาร พ.ศ. 2522",
            "related_laws": "กฎกระทรวงกำหนดค่าธรรมเนียมการออกใบอนุญาต พ.ศ. 2528\nพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558",
            "conditions": "ผู้ขออนุญาตต้องเป็นเจ้าของที่ดินหรือได้รับความยินยอมจากเจ้าของที่ดิน\nแบบแปลนต้องมีสถาปนิกและวิศวกรผู้มีใบอนุญาตลงนาม สำหรับอาคารที่กฎหมายกำหนด\nเจ้าพนักงานท้องถิ่นต้องออกใบอนุญาตหรือมีหนังสือแจ้งคำสั่งไม่อนุญาตภายใน 45 วัน",
            "has_fee": True,
            "fee_amount": None,
            "fee_description": "ค่าธรรมเนียมใบอนุญาตตามกฎกระทรวง คิดตามพื้นที่อาคาร (เช่น อาคารไม่เกินสองชั้น ตารางเมตรละ 0.50 บาท)",
            "steps": [
                {
                    "name": "ตรวจสอบคำขอและเอกสารหลักฐาน",
                    "duration_value": 1,
                    "duration_unit": days,
                    "responsible_unit": works,
                },
                {
                    "name": "ตรวจสอบสถานที่ก่อสร้าง",
                    "duration_value": 7,
                    "duration_unit": days,
                    "responsible_unit": works,
                },
                {
                    "name": "พิจารณาแบบแปลนและรายการคำนวณ",
                    "duration_value": 30,
                    "duration_unit": days,
                    "responsible_unit": works,
                },
                {
                    "name": "เสนอเจ้าพนักงานท้องถิ่นลงนามใบอนุญาต (อ.1)",
                    "duration_value": 7,
                    "duration_unit": days,
                    "responsible_unit": clerk,
                },
            ],
            "documents": [
                ID_CARD,
                HOUSE_REG,
                {
                    "name": "สำเนาโฉนดที่ดินหรือเอกสารสิทธิ์ (ทุกหน้า)",
                    "original_or_copy": RequiredDocument.Form.COPY,
                    "copies": 1,
                },
                {
                    "name": "แบบแปลนและรายการประกอบแบบแปลน",
                    "original_or_copy": RequiredDocument.Form.ORIGINAL,
                    "copies": 5,
                },
                {
                    "name": "หนังสือยินยอมของเจ้าของที่ดิน (กรณีไม่ใช่เจ้าของ)",
                    "original_or_copy": RequiredDocument.Form.ORIGINAL,
                    "copies": 1,
                    "note": "ถ้ามี",
                },
            ],
            "form_fields": [
                {
                    "name": "owner_id",
                    "label": "เลขประจำตัวประชาชนของผู้ขออนุญาต",
                    "kind": "thai_id",
                    "required": True,
                },
                {
                    "name": "work",
                    "label": "ประเภทการขออนุญาต",
                    "kind": "choice",
                    "required": True,
                    "choices": [
                        ["build", "ก่อสร้างอาคาร"],
                        ["modify", "ดัดแปลงอาคาร"],
                        ["demolish", "รื้อถอนอาคาร"],
                    ],
                },
                {"name": "deed_no", "label": "เลขที่โฉนดที่ดินหรือเอกสารสิทธิ์", "kind": "text", "required": True},
                {"name": "floor_area", "label": "พื้นที่อาคาร (ตารางเมตร)", "kind": "number", "required": True},
                {"name": "site_address", "label": "ที่ตั้งอาคาร", "kind": "address", "required": True},
                {
                    "name": "plans",
                    "label": "แบบแปลน (PDF)",
                    "kind": "file",
                    "required": True,
                    "accept": ["pdf"],
                },
            ],
            "upload_max_mb": 10,
        },
        {
            "code": "elderly-allowance",
            "name_th": "การลงทะเบียนและยื่นคำขอรับเงินเบี้ยยังชีพผู้สูงอายุ",
            "description": "ผู้ที่จะมีอายุครบ 60 ปีบริบูรณ์ในปีงบประมาณถัดไป ลงทะเบียนเพื่อรับเงินเบี้ยยังชีพผู้สูงอายุ",
            "owner_unit": clerk,
            "category": Service.Category.WELFARE,
            "kind": Service.Kind.REGISTRATION,
            "legal_basis": "ระเบียบกระทรวงมหาดไทยว่าด้วยหลักเกณฑ์การจ่ายเงินเบี้ยยังชีพผู้สูงอายุขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2552 และที่แก้ไขเพิ่มเติม",
            "related_laws": "พระราชบัญญัติผู้สูงอายุ พ.ศ. 2546",
            "conditions": "มีสัญชาติไทย มีภูมิลำเนาอยู่ในเขตตำบล และมีอายุ 60 ปีบริบูรณ์ขึ้นไป\nไม่เป็นผู้ได้รับสวัสดิการหรือสิทธิประโยชน์อื่นใดจากหน่วยงานของรัฐตามที่ระเบียบกำหนด",
            "has_fee": False,
            "steps": [
                {
                    "name": "ตรวจสอบคุณสมบัติและเอกสารหลักฐาน",
                    "duration_value": 1,
                    "duration_unit": days,
                    "responsible_unit": clerk,
                },
                {
                    "name": "บันทึกข้อมูลในระบบสารสนเทศการจัดการฐานข้อมูลเบี้ยยังชีพ",
                    "duration_value": 3,
                    "duration_unit": days,
                    "responsible_unit": clerk,
                },
                {
                    "name": "ประกาศรายชื่อและแจ้งผลการลงทะเบียน",
                    "duration_value": 5,
                    "duration_unit": days,
                    "responsible_unit": clerk,
                },
            ],
            "documents": [
                ID_CARD,
                HOUSE_REG,
                {
                    "name": "สมุดบัญชีเงินฝากธนาคาร (กรณีรับเงินผ่านบัญชี)",
                    "original_or_copy": RequiredDocument.Form.COPY,
                    "copies": 1,
                },
            ],
            "form_fields": [
                {"name": "citizen_id", "label": "เลขประจำตัวประชาชน", "kind": "thai_id", "required": True},
                {"name": "birth_date", "label": "วันเดือนปีเกิด", "kind": "date", "required": True, "past": True},
                {"name": "home_address", "label": "ที่อยู่ตามทะเบียนบ้าน", "kind": "address", "required": True},
                {
                    "name": "payment",
                    "label": "ช่องทางรับเงิน",
                    "kind": "choice",
                    "required": True,
                    "choices": [["bank", "โอนเข้าบัญชีเงินฝากธนาคาร"], ["cash", "รับเงินสด"]],
                },
                {"name": "id_card", "label": "สำเนาบัตรประจำตัวประชาชน", "kind": "file", "required": False},
            ],
        },
        {
            "code": "disability-allowance",
            "name_th": "การลงทะเบียนและยื่นคำขอรับเงินเบี้ยความพิการ",
            "description": "คนพิการที่มีบัตรประจำตัวคนพิการ ลงทะเบียนเพื่อรับเงินเบี้ยความพิการ",
            "owner_unit": clerk,
            "category": Service.Category.WELFARE,
            "kind": Service.Kind.REGISTRATION,
            "legal_basis": "ระเบียบกระทรวงมหาดไทยว่าด้วยการจ่ายเงินเบี้ยความพิการให้คนพิการขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2553 และที่แก้ไขเพิ่มเติม",
            "related_laws": "พระราชบัญญัติส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ พ.ศ. 2550",
            "conditions": "มีสัญชาติไทย มีภูมิลำเนาอยู่ในเขตตำบล และมีบัตรประจำตัวคนพิการ\nกรณีคนพิการไม่สามารถมายื่นได้ด้วยตนเอง ผู้ดูแลยื่นแทนได้พร้อมหนังสือมอบอำนาจ",
            "has_fee": False,
            "steps": [
                {
                    "name": "ตรวจสอบคุณสมบัติและเอกสารหลักฐาน",
                    "duration_value": 1,
                    "duration_unit": days,
                    "responsible_unit": clerk,
                },
                {
                    "name": "บันทึกข้อมูลและจัดทำทะเบียนผู้มีสิทธิ์",
                    "duration_value": 3,
                    "duration_unit": days,
                    "responsible_unit": clerk,
                },
                {
                    "name": "แจ้งผลการลงทะเบียน",
                    "duration_value": 3,
                    "duration_unit": days,
                    "responsible_unit": clerk,
                },
            ],
            "documents": [
                ID_CARD,
                HOUSE_REG,
                {"name": "บัตรประจำตัวคนพิการ", "original_or_copy": RequiredDocument.Form.BOTH, "copies": 1},
            ],
            "form_fields": [
                {
                    "name": "citizen_id",
                    "label": "เลขประจำตัวประชาชนของคนพิการ",
                    "kind": "thai_id",
                    "required": True,
                },
                {"name": "card_no", "label": "เลขที่บัตรประจำตัวคนพิการ", "kind": "text", "required": True},
                {"name": "home_address", "label": "ที่อยู่ตามทะเบียนบ้าน", "kind": "address", "required": True},
                {"name": "card_copy", "label": "สำเนาบัตรประจำตัวคนพิการ", "kind": "file", "required": False},
            ],
        },
        {
            "code": "official-information",
            "name_th": "การขอข้อมูลข่าวสารของราชการ",
            "description": "ขอตรวจดูหรือขอสำเนาข้อมูลข่าวสารของราชการที่อยู่ในความครอบครองขององค์การบริหารส่วนตำบล",
            "owner_unit": clerk,
            "category": Service.Category.INFORMATION,
            "kind": Service.Kind.GENERAL,
            "legal_basis": "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540 มาตรา 11",
            "related_laws": "ประกาศคณะกรรมการข้อมูลข่าวสารของราชการ เรื่อง หลักเกณฑ์การเรียกค่าธรรมเนียมการทำสำเนา",
            "conditions": "ระบุข้อมูลข่าวสารที่ต้องการในลักษณะที่อาจเข้าใจได้ตามสมควร\nข้อมูลที่กฎหมายห้ามเปิดเผย (มาตรา 14 และ 15) หน่วยงานจะแจ้งเหตุผลที่ไม่เปิดเผย",
            "has_fee": False,
            "remarks": "การรับรองสำเนาถูกต้องไม่มีค่าธรรมเนียม",
            "steps": [
                {
                    "name": "รับคำขอและตรวจสอบความชัดเจนของคำขอ",
                    "duration_value": 2,
                    "duration_unit": hours,
                    "responsible_unit": clerk,
                },
                {
                    "name": "ค้นหาและพิจารณาการเปิดเผยข้อมูล",
                    "duration_value": 10,
                    "duration_unit": days,
                    "responsible_unit": clerk,
                },
                {
                    "name": "จัดทำสำเนาและส่งมอบข้อมูล",
                    "duration_value": 3,
                    "duration_unit": days,
                    "responsible_unit": clerk,
                },
            ],
            "documents": [ID_CARD],
            "form_fields": [
                {
                    "name": "subject",
                    "label": "ข้อมูลข่าวสารที่ต้องการ",
                    "kind": "textarea",
                    "required": True,
                    "help": "ระบุชื่อเอกสาร ช่วงเวลา หรือเรื่องให้ชัดเจนที่สุด",
                },
                {
                    "name": "delivery",
                    "label": "วิธีรับข้อมูล",
                    "kind": "choice",
                    "required": True,
                    "choices": [["email", "ทางอีเมล"], ["pickup", "รับด้วยตนเอง"], ["post", "ทางไปรษณีย์"]],
                },
            ],
        },
        {
            "code": "water-supply",
            "name_th": "การขอติดตั้งมาตรวัดน้ำประปาหมู่บ้าน",
            "description": "ขอติดตั้งมาตรวัดน้ำและเชื่อมต่อระบบประปาหมู่บ้านที่องค์การบริหารส่วนตำบลดูแล",
            "owner_unit": works,
            "category": Service.Category.UTILITY,
            "kind": Service.Kind.GENERAL,
            "legal_basis": "ข้อบัญญัติองค์การบริหารส่วนตำบล เรื่อง การบริหารกิจการประปา",
            "related_laws": "พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 มาตรา 68",
            "conditions": "บ้านที่ขอติดตั้งต้องอยู่ในเขตที่ท่อเมนประปาผ่าน\nชำระค่าธรรมเนียมและค่าวัสดุก่อนติดตั้ง",
            "has_fee": True,
            "fee_amount": Decimal("1500.00"),
            "fee_description": "ค่าติดตั้งมาตรวัดน้ำรวมอุปกรณ์ (ระยะไม่เกิน 10 เมตร)",
            "steps": [
                {
                    "name": "ตรวจสอบคำขอและเอกสาร",
                    "duration_value": 1,
                    "duration_unit": days,
                    "responsible_unit": works,
                },
                {
                    "name": "สำรวจจุดติดตั้งและประเมินค่าวัสดุ",
                    "duration_value": 3,
                    "duration_unit": days,
                    "responsible_unit": works,
                },
                {
                    "name": "ชำระค่าธรรมเนียมและติดตั้งมาตรวัดน้ำ",
                    "duration_value": 7,
                    "duration_unit": days,
                    "responsible_unit": works,
                },
            ],
            "documents": [ID_CARD, HOUSE_REG],
            "form_fields": [
                {"name": "install_address", "label": "ที่อยู่ที่ขอติดตั้ง", "kind": "address", "required": True},
                {
                    "name": "contact_phone",
                    "label": "หมายเลขโทรศัพท์สำหรับนัดสำรวจ",
                    "kind": "phone",
                    "required": True,
                },
                {
                    "name": "house_photo",
                    "label": "ภาพถ่ายหน้าบ้าน",
                    "kind": "file",
                    "required": False,
                    "accept": ["jpg", "png"],
                },
            ],
        },
        {
            "code": "land-building-tax",
            "name_th": "การชำระภาษีที่ดินและสิ่งปลูกสร้าง",
            "description": "ตรวจสอบการประเมินและชำระภาษีที่ดินและสิ่งปลูกสร้างประจำปี",
            "owner_unit": finance,
            "category": Service.Category.TAX,
            "kind": Service.Kind.GENERAL,
            "legal_basis": "พระราชบัญญัติภาษีที่ดินและสิ่งปลูกสร้าง พ.ศ. 2562",
            "related_laws": "ประกาศองค์การบริหารส่วนตำบล เรื่อง บัญชีราคาประเมินทุนทรัพย์ของที่ดินและสิ่งปลูกสร้าง",
            "conditions": "ชำระภายในเดือนเมษายนของทุกปี หากพ้นกำหนดต้องเสียเบี้ยปรับและเงินเพิ่มตามกฎหมาย",
            "has_fee": True,
            "fee_amount": None,
            "fee_description": "ตามจำนวนภาษีที่ประเมินในหนังสือแจ้งการประเมิน (ภ.ด.ส.6) ไม่มีค่าธรรมเนียมการให้บริการ",
            "steps": [
                {
                    "name": "ตรวจสอบข้อมูลที่ดินและสิ่งปลูกสร้าง",
                    "duration_value": 3,
                    "duration_unit": hours,
                    "responsible_unit": finance,
                },
                {
                    "name": "คำนวณและออกหนังสือแจ้งการประเมิน",
                    "duration_value": 2,
                    "duration_unit": days,
                    "responsible_unit": finance,
                },
                {
                    "name": "รับชำระภาษีและออกใบเสร็จรับเงิน",
                    "duration_value": 1,
                    "duration_unit": days,
                    "responsible_unit": finance,
                },
            ],
            "documents": [
                ID_CARD,
                {
                    "name": "หนังสือแจ้งการประเมินภาษี (ภ.ด.ส.6) ถ้ามี",
                    "original_or_copy": RequiredDocument.Form.ORIGINAL,
                    "copies": 1,
                },
            ],
            "form_fields": [
                {
                    "name": "taxpayer_id",
                    "label": "เลขประจำตัวผู้เสียภาษี (13 หลัก)",
                    "kind": "thai_id",
                    "required": True,
                },
                {"name": "parcel_no", "label": "เลขที่โฉนดหรือเอกสารสิทธิ์", "kind": "text", "required": True},
                {"name": "tax_year", "label": "ปีภาษี (พ.ศ.)", "kind": "number", "required": True},
            ],
        },
        {
            "code": "garbage-collection",
            "name_th": "การขอรับบริการเก็บขนขยะมูลฝอย",
            "description": "ขอรับบริการเก็บขนขยะมูลฝอยจากครัวเรือนหรือสถานประกอบการ",
            "owner_unit": health,
            "category": Service.Category.ENVIRONMENT,
            "kind": Service.Kind.GENERAL,
            "legal_basis": "พระราชบัญญัติการสาธารณสุข พ.ศ. 2535 มาตรา 20",
            "related_laws": "ข้อบัญญัติองค์การบริหารส่วนตำบล เรื่อง การจัดการสิ่งปฏิกูลและมูลฝอย",
            "conditions": "คัดแยกขยะก่อนทิ้ง และวางถังขยะในจุดที่รถเก็บขนเข้าถึงได้",
            "has_fee": True,
            "fee_amount": Decimal("20.00"),
            "fee_description": "ต่อเดือน สำหรับครัวเรือน (สถานประกอบการตามอัตราในข้อบัญญัติ)",
            "steps": [
                {
                    "name": "ตรวจสอบคำขอ",
                    "duration_value": 1,
                    "duration_unit": days,
                    "responsible_unit": health,
                },
                {
                    "name": "สำรวจจุดวางถังและกำหนดวันเก็บขน",
                    "duration_value": 3,
                    "duration_unit": days,
                    "responsible_unit": health,
                },
                {
                    "name": "เริ่มให้บริการเก็บขน",
                    "duration_value": 5,
                    "duration_unit": days,
                    "responsible_unit": health,
                },
            ],
            "documents": [ID_CARD, HOUSE_REG],
            "form_fields": [
                {"name": "pickup_address", "label": "สถานที่เก็บขน", "kind": "address", "required": True},
                {
                    "name": "customer",
                    "label": "ประเภทผู้ขอรับบริการ",
                    "kind": "choice",
                    "required": True,
                    "choices": [["household", "ครัวเรือน"], ["shop", "ร้านค้า/สถานประกอบการ"]],
                },
                {
                    "name": "household_size",
                    "label": "จำนวนสมาชิกในครัวเรือน",
                    "kind": "number",
                    "required": False,
                },
            ],
        },
    ]


def create_catalogue(agency: Agency, admin: User, *, only: set[str] | None = None) -> dict[str, Service]:
    """Draft and publish the demo services (all, or those whose codes are in ``only``)."""
    units = _units(agency, admin)
    created: dict[str, Service] = {}
    for order, entry in enumerate(catalogue(units), start=1):
        if only is not None and entry["code"] not in only:
            continue
        data = dict(entry)
        steps = data.pop("steps")
        documents = data.pop("documents")
        service = service_create_draft(
            agency=agency,
            acting_user=admin,
            steps=steps,
            documents=documents,
            order=order,
            service_points=[OFFICE_POINT, ONLINE_POINT],
            channel_one_stop=True,
            privacy_notice=PRIVACY,
            complaint_channel=COMPLAINT,
            **data,
        )
        created[service.code] = service_publish(service=service, acting_user=admin)
    return created
