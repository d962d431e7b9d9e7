"""Retention: old certificates, training records and acknowledgements are purged; recent ones are kept."""

from __future__ import annotations

from datetime import date
from io import StringIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from prongsai.core.demo_images import document_pdf
from prongsai.core.models import Attachment
from prongsai.core.thai import fiscal_year
from prongsai.people import services
from prongsai.people.models import Acknowledgement, Attendance
from prongsai.people.tests import factories


def test_old_training_personal_data_is_purged_and_recent_kept(agency, admin_member, in_scope):
    today = timezone.localdate()
    current = fiscal_year(today)

    def years_ago(years: int) -> date:
        return date(today.year - years, 1, 10)

    with in_scope(agency):
        who = factories.person(agency, admin_member)
        factories.ethics_code(agency, admin_member)
        old_course = factories.course(agency, admin_member, starts_on=years_ago(12), ends_on=years_ago(12))
        mid_course = factories.course(agency, admin_member, starts_on=years_ago(7), ends_on=years_ago(7))
        new_course = factories.course(agency, admin_member, starts_on=years_ago(1), ends_on=years_ago(1))
        for course in (old_course, mid_course, new_course):
            services.attendance_add(
                course=course,
                acting_user=admin_member,
                person=who,
                certificate_upload=SimpleUploadedFile("c.pdf", document_pdf("c"), "application/pdf"),
            )
        services.acknowledge(agency=agency, acting_user=admin_member, fiscal_year=current - 6)
        services.acknowledge(agency=agency, acting_user=admin_member, fiscal_year=current)
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    with in_scope(agency):
        kept = {a.course_id: a.certificate_id for a in Attendance.objects.filter(agency=agency)}
        years = set(Acknowledgement.objects.filter(agency=agency).values_list("fiscal_year", flat=True))
        files = Attachment.objects.filter(agency=agency).count()
    assert old_course.pk not in kept  # older than ten fiscal years
    assert kept[mid_course.pk] is None and kept[new_course.pk] is not None
    assert years == {current}
    assert files == 1
    assert "training records: 1" in out.getvalue()
