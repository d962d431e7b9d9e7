"""Build the demo agency อบต.วังทอง (and a small second agency), idempotently.

Each installed Prongsai app may contribute demo data through a ``demo.seed(context)`` function; they run in
INSTALLED_APPS order inside one transaction, so a failure leaves nothing half-built.
"""

from __future__ import annotations

import base64
from importlib import import_module
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from prongsai.core import demo
from prongsai.core.models import Agency, OrgUnit, Position
from prongsai.core.tenancy import agency_scope


class Command(BaseCommand):
    help = "Create the demo agency อบต.วังทอง with its structure, people, staff accounts and content."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="run even with DEBUG off (demo accounts have a published password: never on a real site)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError(
                "seed_demo creates accounts with a published password; it runs only with DEBUG=true "
                "(or --allow-production on a throw-away instance)."
            )
        with scopes_disabled():
            exists = Agency.objects.filter(code="wangthong").exists()
        if exists:
            self.stdout.write("Demo agency อบต.วังทอง is already present; nothing was changed.")
        else:
            self._build()
            self.stdout.write(self.style.SUCCESS("Demo agency อบต.วังทอง created."))
        self._print_logins()

    @transaction.atomic
    def _build(self) -> None:
        with scopes_disabled():
            agency = demo.create_agency()
        with agency_scope(agency):
            users = demo.create_staff_accounts(agency)
            context = demo.DemoContext(agency=agency, admin=users["admin"], users=users)
            for config in apps.get_app_configs():
                if not config.name.startswith("prongsai."):
                    continue
                try:
                    module = import_module(f"{config.name}.demo")
                except ModuleNotFoundError:
                    continue
                module.seed(context)
        self._build_second_agency(users["admin"])
        self._build_operator()

    def _build_operator(self) -> None:
        """The province office that hosts both demo agencies, with one demo account (``province``)."""
        from prongsai.core.models import Operator, OperatorMember, User

        operator = Operator.objects.create(
            code="chaiyaphum",
            name_th="สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชัยภูมิ",
            kind=Operator.Kind.PROVINCE,
            province="ชัยภูมิ",
            # A DEMO value, registered with nobody: it lets the demo publish OCDS as a hosted agency does
            # once its operator has set the prefix it registered with the OCDS Helpdesk (ADR 0120). A real
            # operator enters its own on /hosting/settings/.
            ocds_prefix=demo.DEMO_OCDS_PREFIX,
        )
        with scopes_disabled():
            Agency.objects.filter(code__in=["wangthong", "laemthong"]).update(operator=operator)
        user = User.objects.create_user(
            username=demo.OPERATOR_ACCOUNT[0],
            password=demo.DEMO_PASSWORD,
            first_name=demo.OPERATOR_ACCOUNT[1],
            last_name=demo.OPERATOR_ACCOUNT[2],
            email="province@chaiyaphum-dla.example",
            is_demo=True,
        )
        TOTPDevice.objects.create(user=user, name="demo", confirmed=True)
        OperatorMember.objects.create(operator=operator, user=user)

    def _build_second_agency(self, operator: Any) -> None:
        """A second, small agency on the same instance, served at http://laemthong.localhost:8000/."""
        from prongsai.core import services
        from prongsai.core.models import AgencyHost

        with scopes_disabled():
            other = Agency.objects.create(
                code="laemthong",
                name_th="องค์การบริหารส่วนตำบลแหลมทอง",
                name_en="Laem Thong Subdistrict Administrative Organization",
                kind=Agency.Kind.SAO,
                province="ชัยภูมิ",
                district="ภักดีชุมพล",
                subdistrict="แหลมทอง",
                address="ตำบลแหลมทอง อำเภอภักดีชุมพล จังหวัดชัยภูมิ",
                postal_code="36260",
            )
            AgencyHost.objects.create(agency=other, host="laemthong.localhost")
        with agency_scope(other):
            unit = services.org_unit_save(
                agency=other, acting_user=operator, side=OrgUnit.Side.POLITICAL, name_th="คณะผู้บริหาร", order=0
            )
            services.position_save(
                agency=other,
                acting_user=operator,
                unit=unit,
                title_th="นายกองค์การบริหารส่วนตำบลแหลมทอง",
                level=Position.Level.TOP_EXECUTIVE,
            )
            # Apps may make the second agency half-way through its year (``demo.seed_second(context)``).
            context = demo.DemoContext(agency=other, admin=operator, users={})
            for config in apps.get_app_configs():
                if config.name.startswith("prongsai."):
                    try:
                        module = import_module(f"{config.name}.demo")
                    except ModuleNotFoundError:
                        continue
                    if hasattr(module, "seed_second"):
                        module.seed_second(context)

    def _print_logins(self) -> None:
        self.stdout.write("")
        self.stdout.write("Demo staff logins at http://127.0.0.1:8000/accounts/login/")
        self.stdout.write(f"  password for every account: {demo.DEMO_PASSWORD}")
        self.stdout.write(
            "  second factor: the 6-digit code printed by `.venv/bin/python manage.py demo_totp <username>`"
        )
        self.stdout.write("                 (or add the secret below to an authenticator app)")
        for username, first, last, roles in demo.STAFF_ACCOUNTS:
            device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
            secret = base64.b32encode(device.bin_key).decode().rstrip("=") if device else "-"
            role_names = ", ".join(str(r.label) for r in roles)
            self.stdout.write(f"  {username:<10} {first} {last} – {role_names}  (TOTP secret {secret})")
        self.stdout.write("Second agency on the same instance: http://laemthong.localhost:8000/")
        username, first, last = demo.OPERATOR_ACCOUNT
        device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
        secret = base64.b32encode(device.bin_key).decode().rstrip("=") if device else "-"
        self.stdout.write(
            "Hosting operator (สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชัยภูมิ) at http://127.0.0.1:8000/hosting/:"
        )
        self.stdout.write(f"  {username:<10} {first} {last} – operator  (TOTP secret {secret})")
