"""No traces of the reporter: the channel's requests lose their client address and browser before anything
else of Django sees them, and its responses tell browsers and proxies to keep nothing.

This middleware is the first of ``settings.MIDDLEWARE``, so every later middleware, every view, Django's
request/error logging (which carries the request object) and django-axes see a request whose META no longer
holds the address, the forwarded-for chain or the user agent. The address is used once, here, to compute
the rate-limit key (``ratelimit.client_tag``), which is not reversible and not persisted.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, HttpResponseBase

from prongsai.whistleblower.ratelimit import client_tag

REPORTER_PREFIX = "/integrity/"
STAFF_PREFIX = "/staff/integrity/"

# Request headers (as META keys) that could identify the reporter's network or device.
IDENTIFYING_META = (
    "REMOTE_ADDR",
    "REMOTE_HOST",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
    "HTTP_CLIENT_IP",
    "HTTP_X_CLIENT_IP",
    "HTTP_TRUE_CLIENT_IP",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_X_CLUSTER_CLIENT_IP",
    "HTTP_FASTLY_CLIENT_IP",
    "HTTP_USER_AGENT",
    "HTTP_SEC_CH_UA",
    "HTTP_SEC_CH_UA_MOBILE",
    "HTTP_SEC_CH_UA_PLATFORM",
    "HTTP_REFERER",
)

CHANNEL_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), bluetooth=(), display-capture=(), "
    "clipboard-read=(), interest-cohort=()"
)


def _client_address(meta: dict[str, object]) -> str:
    if getattr(settings, "WHISTLEBLOWER_TRUST_X_FORWARDED_FOR", False):
        forwarded = str(meta.get("HTTP_X_FORWARDED_FOR") or "")
        # The right-most entry is the one the trusted proxy added; earlier ones are the client's claim.
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return str(meta.get("REMOTE_ADDR") or "")


class InMemoryUploadHandler(FileUploadHandler):
    """Keeps every uploaded file of the channel in memory: plaintext evidence never touches a disk.

    Django's default handlers write files over 2.5 MB to a temporary file in clear. The total upload of one
    request is capped, so memory stays bounded.
    """

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.total = 0
        self.limit = int(getattr(settings, "WHISTLEBLOWER_MAX_REQUEST_UPLOAD", 0)) or (
            settings.UPLOAD_MAX_BYTES * 6
        )

    def new_file(self, *args: object, **kwargs: object) -> None:
        super().new_file(*args, **kwargs)  # type: ignore[arg-type]
        self.chunks: list[bytes] = []

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        self.total += len(raw_data)
        if self.total > self.limit:
            # The view sees the flag and refuses the whole submission with a Thai message; silently
            # accepting a report without the evidence the reporter attached would lose it.
            if self.request is not None:
                self.request.whistleblower_upload_too_large = True  # type: ignore[attr-defined]
            raise StopUpload(connection_reset=False)
        self.chunks.append(raw_data)
        return None

    def file_complete(self, file_size: int) -> InMemoryUploadedFile:
        import io

        content = io.BytesIO(b"".join(self.chunks))
        self.chunks = []
        return InMemoryUploadedFile(
            file=content,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )


class ChannelPrivacyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        path = request.path_info
        reporter = path.startswith(REPORTER_PREFIX)
        staff = path.startswith(STAFF_PREFIX)
        if not (reporter or staff):
            return self.get_response(request)
        meta = request.META
        if reporter:
            request.whistleblower_client = client_tag(_client_address(meta))  # type: ignore[attr-defined]
            for key in IDENTIFYING_META:
                meta.pop(key, None)
            request.upload_handlers = [InMemoryUploadHandler(request)]
        self._same_origin_without_referrer(request)
        response = self.get_response(request)
        response["Cache-Control"] = "no-store, max-age=0"
        response["Pragma"] = "no-cache"
        response["Referrer-Policy"] = "no-referrer"
        response["Content-Security-Policy"] = CHANNEL_CSP
        response["Permissions-Policy"] = PERMISSIONS_POLICY
        response["X-Robots-Tag"] = "noindex, noarchive"
        response["X-Content-Type-Options"] = "nosniff"
        response["Cross-Origin-Resource-Policy"] = "same-origin"
        return response

    @staticmethod
    def _same_origin_without_referrer(request: HttpRequest) -> None:
        """Let CSRF protection see the origin a ``no-referrer`` page cannot send.

        Browsers send ``Origin: null`` (and no Referer) with a form posted from a page whose referrer policy
        is ``no-referrer``; Django's CSRF check would refuse that. ``Sec-Fetch-Site: same-origin`` is set by
        the browser itself and cannot be forged by a web page, so it proves what Origin would have; the
        CSRF token check still runs as usual.
        """
        meta = request.META
        if meta.get("HTTP_ORIGIN") == "null" and meta.get("HTTP_SEC_FETCH_SITE") == "same-origin":
            scheme = "https" if request.is_secure() else "http"
            meta["HTTP_ORIGIN"] = f"{scheme}://{request.get_host()}"
