"""``simulate_agencies``: simulated agencies with realistic data, each on its own, and what it refuses."""

from __future__ import annotations

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from conftest import login_verified
from prongsai.core.audit import verify_chain
from prongsai.core.models import Agency, AuditEvent, Membership, User
from prongsai.core.roles import Role
from prongsai.core.thai import fiscal_year
from prongsai.ops import simulation

pytestmark = pytest.mark.django_db


def simulate(*args: str) -> str:
    out = StringIO()
    call_command("simulate_agencies", *args, stdout=out)
    return out.getvalue()


def tenant_models() -> list[type]:
    return [
        model
        for model in apps.get_models()
        if any(f.is_relation and f.related_model is Agency and f.name == "agency" for f in model._meta.fields)
    ]


def test_three_agencies_of_one_year_get_each_kind_of_data_in_their_own_tenant(catalogues):
    output = simulate("3", "--years", "1")

    assert "Simulated 3 agencies" in output
    with scopes_disabled():
        sims = list(simulation.simulated_agencies().order_by("code"))
        assert [a.code for a in sims] == ["sim-00001", "sim-00002", "sim-00003"]
        ids = {a.pk for a in sims}
        from prongsai.complaints.models import Complaint
        from prongsai.engagement.models import Question
        from prongsai.eservice.models import ServiceRequest
        from prongsai.ita.models import ManualEvidence, YearSetting
        from prongsai.planning.models import Plan, PlanItem
        from prongsai.portal.models import NewsArticle
        from prongsai.procurement.models import Announcement, Procurement

        this_year = fiscal_year(simulation.timezone.now())
        for agency in sims:
            # Data of the current fiscal year only, in about the demo's volumes for the share of it gone by.
            assert NewsArticle.objects.filter(agency=agency).exists()
            assert ServiceRequest.objects.filter(agency=agency).count() >= 5
            assert Procurement.objects.filter(agency=agency, fiscal_year=this_year).exists()
            assert Announcement.objects.filter(agency=agency).exists()
            assert Plan.objects.filter(agency=agency, fiscal_year=this_year).count() == 5
            assert PlanItem.objects.filter(agency=agency).count() == 5 * simulation.Volumes().plan_items
            assert YearSetting.objects.filter(agency=agency, fiscal_year=this_year).exists()
            assert ManualEvidence.objects.filter(agency=agency, fiscal_year=this_year).count() == len(
                simulation.MANUAL_SUBJECTS
            )
            assert Complaint.objects.filter(agency=agency).exists() or Question.objects.filter(agency=agency)
            assert Membership.objects.filter(agency=agency, role=Role.ADMINISTRATOR).count() == 1
        # Every tenant row belongs to one of the simulated agencies and points only at rows of the same one.
        for model in tenant_models():
            assert not model.objects.exclude(agency_id__in=ids).exists(), model
        for model in tenant_models():
            for fk in model._meta.fields:
                target = fk.related_model
                if fk.is_relation and target in tenant_models():
                    crossing = model.objects.exclude(**{f"{fk.name}__isnull": True}).exclude(
                        **{f"{fk.name}__agency": models_f("agency")}
                    )
                    assert not crossing.exists(), f"{model._meta.label}.{fk.name}"


def models_f(name: str):
    from django.db.models import F

    return F(name)


def test_public_ids_and_tracking_codes_are_random_not_sequential(catalogues):
    simulate("2", "--years", "1")
    from prongsai.eservice.models import ServiceRequest
    from prongsai.portal.models import NewsArticle

    with scopes_disabled():
        public_ids = list(NewsArticle.objects.values_list("public_id", flat=True))
        codes = list(ServiceRequest.objects.values_list("tracking_code", flat=True))
    assert len(set(public_ids)) == len(public_ids) and all(p.version == 4 for p in public_ids)
    assert len(set(codes)) == len(codes) and all(len(c) == 12 for c in codes)


def test_each_simulated_agency_has_one_audit_entry_that_says_so_and_its_chain_verifies(catalogues):
    simulate("2", "--years", "1")
    with scopes_disabled():
        for agency in simulation.simulated_agencies():
            entries = list(AuditEvent.objects.filter(agency=agency))
            assert [(e.seq, e.action) for e in entries] == [(1, simulation.AUDIT_ACTION)]
            assert entries[0].data["simulated"] is True and entries[0].data["requests"] > 0
            checked, problem = verify_chain(agency)
            assert (checked, problem) == (1, None)


def test_pages_of_a_simulated_agency_answer_on_its_own_host(catalogues):
    simulate("2", "--years", "1")
    host = simulation.agency_host(simulation.agency_code(2))
    client = Client(HTTP_HOST=host)
    year = fiscal_year(simulation.timezone.now())
    home = client.get("/")
    assert home.status_code == 200
    with scopes_disabled():
        name = Agency.objects.get(code="sim-00002").name_th
    assert name in home.content.decode()
    for path in ("/news/", "/eservice/", "/procurement/register/", f"/ita/{year}/", "/executives/"):
        assert client.get(path).status_code == 200, path

    # The readiness page for the agency's administrator (given a password and a second factor here).
    with scopes_disabled():
        admin = User.objects.get(memberships__agency__code="sim-00002", memberships__role=Role.ADMINISTRATOR)
    TOTPDevice.objects.create(user=admin, name="bench", confirmed=True)
    staff = login_verified(Client(HTTP_HOST=host), admin)
    page = staff.get(f"/staff/ita/{year}/")
    assert page.status_code == 200
    assert "หลักฐาน" in page.content.decode()


def test_running_again_tops_up_and_clear_removes_only_simulated_agencies(catalogues):
    simulate("2", "--years", "1")
    output = simulate("3", "--years", "1")
    assert "Simulated 1 agencies (2 already there)" in output
    assert "nothing to add" in simulate("3", "--years", "1")

    output = simulate("--clear")
    assert "3 agencies" in output
    with scopes_disabled():
        assert not simulation.simulated_agencies().exists()
        assert not User.objects.filter(username__startswith=simulation.USER_PREFIX).exists()
        for model in tenant_models():
            assert not model.objects.exists(), model


def test_refuses_a_database_with_real_agencies_unless_forced(agency, catalogues):
    with pytest.raises(CommandError, match="real agencies"):
        simulate("1", "--years", "1")
    with scopes_disabled():
        assert not simulation.simulated_agencies().exists()

    simulate("1", "--years", "1", "--force")
    simulate("--clear", "--force")
    with scopes_disabled():
        # The real agency and its host are untouched.
        assert list(Agency.objects.values_list("code", flat=True)) == ["wangthong"]
        assert agency.hosts.count() == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "number of agencies"),
        (("-1",), "negative"),
        (("1", "--years", "0"), "--years"),
        (("1", "--batch", "0"), "--batch"),
    ],
)
def test_bad_arguments_are_refused_with_a_reason(args, message, catalogues):
    with pytest.raises(CommandError, match=message):
        simulate(*args)


def test_the_bulk_writer_refuses_a_table_without_a_required_column():
    from prongsai.ops.bulkcopy import MissingColumn, Table
    from prongsai.portal.models import NewsArticle

    # NewsArticle.title has no default: leaving it out must fail before any row is written.
    with pytest.raises(MissingColumn, match=r"portal\.NewsArticle\.title"):
        Table(NewsArticle, ["agency", "category", "body"])
    # Columns with a default (public_id, status, revision_count) are filled from it.
    table = Table(NewsArticle, ["agency", "category", "title", "body"])
    assert {"public_id", "status", "revision_count"} <= {f.name for f in table.fields}
