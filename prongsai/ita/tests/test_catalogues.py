"""The catalogues are versioned data files loaded into models, and they are consistent."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from prongsai.ita.catalogue_files import CatalogueFileError, read_catalogue, subjects, validate
from prongsai.ita.models import Catalogue, OitElement


def test_every_catalogue_of_the_repository_loads_with_its_items(catalogues):
    counts = {code: c.oit_items.count() for code, c in catalogues.items()}
    assert counts == {"2566": 43, "2567-A": 35, "2567-B": 43, "2568": 26, "2569": 26}
    for catalogue in catalogues.values():
        assert catalogue.indicators.count() == 10
        assert catalogue.questions.count() == 45
        assert catalogue.grade_bands.filter(scheme="rating").count() == 5


def test_the_weights_of_a_year_add_up_to_one_hundred(catalogues):
    for catalogue in catalogues.values():
        assert sum(i.weight for i in catalogue.indicators.all()) == 100


def test_variant_b_of_2567_reuses_the_2566_list(catalogues):
    a = list(catalogues["2566"].oit_items.values_list("code", "title_th"))
    b = list(catalogues["2567-B"].oit_items.values_list("code", "title_th"))
    assert a == b
    assert catalogues["2567-A"].is_default and not catalogues["2567-B"].is_default


def test_the_seed_items_sit_where_the_seed_says(catalogues):
    items = catalogues["2567-A"].oit_items
    assert "สถิติเรื่องร้องเรียนการทุจริต" in items.get(code="o24").title_th
    assert items.get(code="o28").elements.get().subject == "gift_report"


def test_every_element_names_a_known_subject_and_check(catalogues):
    vocabulary = subjects()
    for element in OitElement.objects.all():
        assert element.check_key in vocabulary[element.subject].checks


def test_loading_again_keeps_corrections_made_by_the_operator(catalogues):
    item = catalogues["2568"].oit_items.get(code="O2")
    item.title_th = "ข้อมูลผู้บริหาร (แก้ไขโดยผู้ดูแล)"
    item.save()
    call_command("load_ita_catalogues", stdout=_Quiet())
    assert Catalogue.objects.get(code="2568").oit_items.get(code="O2").title_th.endswith("(แก้ไขโดยผู้ดูแล)")


def test_replace_reloads_a_catalogue_from_its_file(catalogues):
    item = catalogues["2568"].oit_items.get(code="O2")
    item.title_th = "ผิด"
    item.save()
    call_command("load_ita_catalogues", "--replace", stdout=_Quiet())
    assert Catalogue.objects.get(code="2568").oit_items.get(code="O2").title_th == "ข้อมูลผู้บริหาร"


def test_a_file_naming_an_unknown_subject_is_refused():
    data = read_catalogue("catalogue-2568.yaml")
    data["oit_items"][0]["elements"][0][0] = "no_such_subject"
    with pytest.raises(CatalogueFileError, match="unknown data subject"):
        validate("test", data)


def test_a_file_naming_an_unknown_window_is_refused():
    data = read_catalogue("catalogue-2568.yaml")
    data["oit_items"][0]["window"] = "SOMETIME"
    with pytest.raises(CatalogueFileError, match="SOMETIME"):
        validate("test", data)


class _Quiet:
    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        return None


def test_the_operator_corrects_an_item_in_the_admin(catalogues, client, agency):
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from prongsai.core.models import User

    operator = User.objects.create_superuser("operator", password="correct horse battery staple")
    device = TOTPDevice.objects.create(user=operator, name="t", confirmed=True)
    client.force_login(operator)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    item = catalogues["2567-A"].oit_items.get(code="o24")
    response = client.get(f"/operator/ita/oititem/{item.pk}/change/", HTTP_HOST="wangthong.test")
    assert response.status_code == 200
    assert "corruption_complaint_stats" in response.content.decode()


def test_a_catalogue_saved_after_the_catalogues_were_read_is_offered_at_once(db):
    from prongsai.ita import selectors
    from prongsai.ita.models import Catalogue

    before = selectors.years_with_catalogues()  # read and kept by this process
    assert 2599 not in before
    Catalogue.objects.create(code="2599-A", fiscal_year=2599, title_th="เกณฑ์ทดลอง", is_default=True)
    assert selectors.years_with_catalogues()[0] == 2599
    Catalogue.objects.filter(code="2599-A").delete()  # a queryset delete sends post_delete for each row
    assert 2599 not in selectors.years_with_catalogues()


def test_the_oit_index_does_not_read_the_catalogue_table_on_every_visit(anon, agency, catalogues):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from prongsai.core.thai import fiscal_year

    path = f"/ita/{fiscal_year(timezone.localdate())}/"
    assert anon.get(path).status_code == 200  # computes and stores the readiness
    assert anon.get(f"{path}?from=elsewhere").status_code == 200  # reads it back with the catalogue's items
    with CaptureQueriesContext(connection) as captured:
        response = anon.get(f"{path}?from=a-new-address")  # not stored yet: rendered again
    assert response.status_code == 200
    assert not [q["sql"] for q in captured if '"ita_catalogue"' in q["sql"]]
