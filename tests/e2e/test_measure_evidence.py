"""From the home page, the public evidence of each of the seed's eight integrity measures is at most three
clicks away (issue 19). The clicks are a visitor's: links found by their Thai names, on the demo agency.

Measure numbers follow the seed report (/work/shared/seed/, docs/architecture.md's app table)."""

from __future__ import annotations

import re

import pytest

from tests.e2e.helpers import DESKTOP, seed_demo

pytestmark = pytest.mark.browser

MAX_CLICKS = 3

# (measure, the link names clicked in turn from the home page, the page reached, a heading on it)
ROUTES = [
    (
        "1 คู่มือการให้บริการ",
        ["ยื่นคำขอออนไลน์ (E-Service)", "การขออนุญาตก่อสร้าง ดัดแปลง หรือรื้อถอนอาคาร"],
        r"^/eservice/services/building-permit/$",
        "การขออนุญาตก่อสร้าง",
    ),
    (
        "2 แผนดำเนินงานและการใช้งบประมาณ",
        ["แผนงานและรายงาน", "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567"],
        r"^/plans/[^/]+/$",
        "แผนการดำเนินงาน",
    ),
    (
        "2 รายงานความก้าวหน้า",
        ["แผนงานและรายงาน", "ความก้าวหน้า"],
        r"^/plans/[^/]+/progress/$",
        "รายงานการกำกับติดตาม",
    ),
    ("3 การมีส่วนร่วม", ["ถาม-ตอบ ร้องเรียน", "การเปิดโอกาสให้ประชาชนมีส่วนร่วม"], r"^/participation/$", "มีส่วนร่วม"),
    ("4 โครงสร้าง", ["โครงสร้างหน่วยงาน"], r"^/structure/$", "โครงสร้างหน่วยงาน"),
    ("4 ผู้บริหาร", ["ข้อมูลผู้บริหาร"], r"^/executives/$", "ข้อมูลผู้บริหาร"),
    ("5 คู่มือการใช้ทรัพย์สินของราชการ", ["ยืมทรัพย์สินของราชการ"], r"^/assets/$", "คู่มือการใช้ทรัพย์สินของราชการ"),
    (
        "6 แผนการจัดซื้อจัดจ้าง",
        ["จัดซื้อจัดจ้าง", "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2567"],
        r"^/procurement/plan/2567/$",
        "แผนการจัดซื้อจัดจ้าง",
    ),
    ("6 ประกาศจัดซื้อจัดจ้าง", ["จัดซื้อจัดจ้าง", "ประกาศจัดซื้อจัดจ้าง"], r"^/procurement/announcements/$", "ประกาศ"),
    (
        "7 แผนการบริหารและพัฒนาทรัพยากรบุคคล",
        ["แผนงานและรายงาน", "แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2567"],
        r"^/plans/[^/]+/$",
        "แผนการบริหารและพัฒนาทรัพยากรบุคคล",
    ),
    (
        "8.1 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต",
        ["แจ้งเบาะแสการทุจริต", "แนวปฏิบัติการจัดการเรื่อง"],
        r"^/integrity/guideline/$",
        "แนวปฏิบัติ",
    ),
    ("8.2 ช่องทางแจ้งเรื่องร้องเรียนการทุจริต", ["แจ้งเบาะแสการทุจริต"], r"^/integrity/$", "การทุจริต"),
    (
        "8.3 สถิติเรื่องร้องเรียนการทุจริต",
        ["แจ้งเบาะแสการทุจริต", "สถิติเรื่องร้องเรียนการทุจริต"],
        r"^/integrity/statistics/$",
        "สถิติ",
    ),
    (
        "8.4–8.5 No Gift Policy",
        ["แผนงานและรายงาน", "นโยบายไม่รับของขวัญ (No Gift Policy)"],
        r"^/no-gift/$",
        "No Gift",
    ),
    (
        "8.6 การประเมินความเสี่ยงการทุจริต",
        [
            "แผนงานและรายงาน",
            "นโยบายไม่รับของขวัญ (No Gift Policy)",
            "การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. 2568",
        ],
        r"^/corruption-risk/[^/]+/$",
        "ความเสี่ยงการทุจริต",
    ),
    (
        "8.8 แผนปฏิบัติการป้องกันการทุจริต",
        ["แผนงานและรายงาน", "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2567"],
        r"^/plans/[^/]+/$",
        "แผนปฏิบัติการป้องกันการทุจริต",
    ),
    (
        "8.10 การวิเคราะห์ผลการประเมิน ITA",
        ["ITA", "2567", "การวิเคราะห์ผลการประเมิน"],
        r"^/ita/2567/analysis/$",
        "วิเคราะห์",
    ),
]


def test_every_measure_of_the_seed_is_three_clicks_from_the_home_page(live_server, browser):
    seed_demo()
    context = browser.new_context(locale="th-TH", viewport=DESKTOP)
    page = context.new_page()
    problems: list[str] = []
    try:
        for measure, clicks, target, heading in ROUTES:
            assert len(clicks) <= MAX_CLICKS, measure
            page.goto(live_server.url + "/")
            for name in clicks:
                link = page.locator("main, nav").get_by_role("link", name=name, exact=True).first
                if not link.count():
                    link = page.get_by_role("link", name=name).first
                if not link.count():
                    problems.append(f"{measure}: no link “{name}” on {page.url}")
                    break
                with page.expect_navigation():
                    link.click()
            else:
                path = page.url.removeprefix(live_server.url).split("?")[0]
                if not re.match(target, path):
                    problems.append(f"{measure}: ended on {path}, not {target}")
                elif heading not in page.locator("h1").first.inner_text():
                    problems.append(f"{measure}: {path} is not headed “{heading}”")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
