"""An SMTP server that refuses every recipient, quoting the address back as real servers do."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            refused = {to: (550, f"5.1.1 <{to}>: Recipient address rejected".encode()) for to in message.to}
            raise smtplib.SMTPRecipientsRefused(refused)
        return 0
