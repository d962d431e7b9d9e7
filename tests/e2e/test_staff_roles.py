"""Each staff role in a real browser: sign in, read the staff home (what waits today), then open every link of
the sidebar; none answers 403, and each keeps the back-office frame. Only a bare agency and one member per
role are created (no demo data), so the test stays quick."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django_scopes import scopes_disabled

from prongsai.core.demo import DEMO_PASSWORD
from prongsai.core.models import Membership
from prongsai.core.roles import Role
from prongsai.core.tests import factories
from tests.e2e.helpers import (
    axe_violations,
    describe_violations,
    minimal_agency,
    screenshot,
    sign_in,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("role", list(Role.values))
def test_the_role_opens_its_home_and_every_sidebar_link(live_server, page, axe_source, artifacts_dir, role):
    agency = minimal_agency()
    user = factories.member(agency, f"e2e-{role}")
    user.set_password(DEMO_PASSWORD)
    user.first_name, user.last_name = "ทดสอบ", "บทบาท"
    user.save()
    with scopes_disabled():
        Membership.objects.create(agency=agency, user=user, role=role)

    base = live_server.url
    sign_in(page, base, user.username)
    assert page.get_by_role("heading", level=1).inner_text() == "ภาพรวม"
    assert page.get_by_role("heading", level=2).first.inner_text().startswith("งานที่รอท่านดำเนินการ")
    problems = describe_violations(f"{role}-home", axe_violations(page, axe_source))
    screenshot(page, artifacts_dir, f"staff-home-{role}")

    nav = page.get_by_role("navigation", name="เมนูเจ้าหน้าที่")
    links = [(a.inner_text(), a.get_attribute("href")) for a in nav.get_by_role("link").all()]
    assert links, "the sidebar is empty"
    # The work items link to queues this role can open too.
    work_links = [a.get_attribute("href") for a in page.locator(".worklist a").all()]

    refused = []
    for label, href in links + [(f"งาน {h}", h) for h in work_links]:
        response = page.goto(base + href)
        assert response is not None
        if response.status == 403 or response.status >= 400:
            refused.append(f"{label} {href} → {response.status}")
            continue
        assert "/staff/" in urlsplit(page.url).path, f"{label} left the back office: {page.url}"
        assert page.get_by_role("navigation", name="เมนูเจ้าหน้าที่").count() == 1, f"{label} lost the frame"
    assert not refused, f"{role}: links that refuse the role:\n" + "\n".join(refused)
    assert not problems, "\n".join(problems)
