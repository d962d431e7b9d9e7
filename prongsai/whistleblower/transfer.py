"""The hand-over from the general complaint channel (app ``complaints``) into this channel.

A general complaint judged to be a corruption report arrives here and becomes an encrypted report like any
other. The citizen who filed the complaint is not the reporter of record: no receipt exists, nobody follows
it up on /integrity/follow-up/, and the report is marked "transferred from the general channel". The caller
deletes its own copy in the same transaction, so nothing of the content is left behind in clear.
"""

from __future__ import annotations

from django.db import transaction

from prongsai.core.files import detect_kind
from prongsai.core.models import Agency, User
from prongsai.whistleblower.models import Report
from prongsai.whistleblower.services import Evidence, ReportContent, create_report

_MIME = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@transaction.atomic
def receive_complaint(
    *,
    agency: Agency,
    acting_user: User,
    category: str,
    description: str,
    location: str,
    occurred: str,
    attachments: list[tuple[str, bytes]],
) -> None:
    """Create an encrypted report from a general complaint; raise ValidationError if none could read it.

    ``acting_user`` is the officer who moved the complaint; they gain no access to the report (unless they
    are themselves a committee member with a key). Content, names and files are only written encrypted.
    """
    files = []
    for name, content in attachments:
        kind = detect_kind(content)
        files.append(
            Evidence(
                name=name[:200],
                content_type=_MIME.get(str(kind), "application/octet-stream"),
                content=content,
            )
        )
    create_report(
        agency=agency,
        acting_user=acting_user,
        content=ReportContent(what=description, when=occurred, where=location, category=category),
        files=files,
        identity=None,
        origin=Report.Origin.TRANSFERRED,
        with_receipt=False,
        action="whistleblower.report.transferred_in",
    )
