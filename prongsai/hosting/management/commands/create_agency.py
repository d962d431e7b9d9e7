"""Create a hosted agency from the command line, as the operator's onboarding page does.

    manage.py create_agency --operator chaiyaphum --acting-user dla.admin --code nongbua \
        --name "องค์การบริหารส่วนตำบลหนองบัว" --kind sao --province ชัยภูมิ --district ภักดีชุมพล \
        --host nongbua.go.th --admin-username nongbua.admin --admin-email admin@nongbua.go.th

Prints the administrator's one-time invitation link (shown once; only its digest is stored).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse
from django_scopes import scopes_disabled

from prongsai.core.models import Operator, OperatorMember, User
from prongsai.core.org_defaults import LOCAL_KINDS
from prongsai.core.services_onboarding import agency_create
from prongsai.core.thai import ThaiDateError, parse_date


class Command(BaseCommand):
    help = (
        "Create an agency hosted by an operator, with its default org chart, ITA settings "
        "and first administrator."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--operator", required=True, help="the operator's code")
        parser.add_argument("--acting-user", required=True, help="username of a member of that operator")
        parser.add_argument("--code", required=True)
        parser.add_argument("--name", required=True, help="the full Thai name of the agency")
        parser.add_argument("--short-name", default="")
        parser.add_argument("--name-en", default="")
        parser.add_argument("--kind", required=True, choices=list(LOCAL_KINDS))
        parser.add_argument("--province", required=True)
        parser.add_argument("--district", default="")
        parser.add_argument("--subdistrict", default="")
        parser.add_argument("--host", action="append", required=True, help="host name (repeat for several)")
        parser.add_argument("--logo", type=Path, help="PNG or JPEG file")
        parser.add_argument("--brand-colour", default="")
        parser.add_argument("--accent-colour", default="")
        parser.add_argument("--answer-date", default="", help="ITAS answer date, e.g. 30/04/2570")
        parser.add_argument("--admin-username", required=True)
        parser.add_argument("--admin-email", required=True)
        parser.add_argument("--admin-first-name", default="")
        parser.add_argument("--admin-last-name", default="")
        parser.add_argument(
            "--base-url", default="", help="e.g. https://nongbua.go.th (default: https://<first host>)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with scopes_disabled():
            operator = Operator.objects.filter(code=options["operator"]).first()
            if operator is None:
                raise CommandError(f"no operator with the code {options['operator']!r}")
            user = User.objects.filter(username=options["acting_user"], is_active=True).first()
            if (
                user is None
                or not OperatorMember.objects.filter(operator=operator, user=user, is_active=True).exists()
            ):
                raise CommandError(f"{options['acting_user']!r} is not an active member of {operator.code}")
        answer_date = None
        if options["answer_date"]:
            try:
                answer_date = parse_date(options["answer_date"])
            except ThaiDateError as error:
                raise CommandError(str(error)) from None
        logo = None
        if options["logo"] is not None:
            path: Path = options["logo"]
            if not path.is_file():
                raise CommandError(f"no such file: {path}")
            logo = SimpleUploadedFile(path.name, path.read_bytes())
        try:
            made = agency_create(
                acting_user=user,
                operator=operator,
                code=options["code"],
                name_th=options["name"],
                short_name_th=options["short_name"],
                name_en=options["name_en"],
                kind=options["kind"],
                province=options["province"],
                district=options["district"],
                subdistrict=options["subdistrict"],
                hosts=options["host"],
                logo=logo,
                brand_colour=options["brand_colour"],
                accent_colour=options["accent_colour"],
                answer_date=answer_date,
                admin_username=options["admin_username"],
                admin_email=options["admin_email"],
                admin_first_name=options["admin_first_name"],
                admin_last_name=options["admin_last_name"],
            )
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from None
        base = (options["base_url"] or f"https://{options['host'][0].strip().lower()}").rstrip("/")
        link = base + reverse("core:invitation", args=[made.invitation_token])
        self.stdout.write(self.style.SUCCESS(f"Created {made.agency.code}: {made.agency.name_th}"))
        self.stdout.write(f"Invitation for {made.administrator.username} (one use, 7 days): {link}")
