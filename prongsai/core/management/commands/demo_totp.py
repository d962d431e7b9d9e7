"""Print the current two-factor code of a demo account, so the demo can be tried without a phone."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from prongsai.core.models import User


class Command(BaseCommand):
    help = "Print the current TOTP code of a demo account (accounts created by seed_demo only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_demo=True).first()
        if user is None:
            raise CommandError("Only demo accounts created by seed_demo have codes shown here.")
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            raise CommandError("This demo account has no confirmed TOTP device.")
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
        self.stdout.write(f"{code:0{device.digits}d}")
