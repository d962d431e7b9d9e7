"""A limit on how often one client may create Open311 requests.

POST needs no account (Open311 clients are citizens' apps), so a script could fill the staff queues. The
count is kept in the cache under a keyed hash (HMAC) of the client's address and the agency, like the
citizen forms' limits (``prongsai.core.safeguards``): the address itself is never stored. Reading is
not limited. The rate comes from the ``OPEN311_SUBMIT_RATE`` setting ("120/hour" by default) so that an
agency working with a busy aggregator can raise it.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView


class Open311SubmitThrottle(SimpleRateThrottle):
    scope = "open311_submit"

    def get_rate(self) -> str | None:
        return str(settings.OPEN311_SUBMIT_RATE)

    def allow_request(self, request: Request, view: APIView) -> bool:
        if request.method != "POST":
            return True
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view: APIView) -> str:
        agency = getattr(request._request, "agency", None)
        message = f"open311|{getattr(agency, 'pk', '-')}|{self.get_ident(request)}".encode()
        digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]
        return self.cache_format % {"scope": self.scope, "ident": digest}
