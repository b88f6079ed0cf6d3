"""Contact details: validated, encrypted at rest (Fernet), read only through an audited call."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken

from heard.errors import HeardError
from heard.i18n import N_

PHONE, EMAIL, SOCIAL_WORKER = "phone", "email", "social_worker"
METHODS = (PHONE, EMAIL, SOCIAL_WORKER)
METHOD_LABELS = {
    PHONE: N_("By phone"),
    EMAIL: N_("By email"),
    SOCIAL_WORKER: N_("Through my social worker"),
}
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{8,18}[0-9]$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s.]{2,}$")


class ContactDetailsInvalid(HeardError):
    """The phone number or email address cannot be right."""


@dataclass(frozen=True)
class ContactCipher:
    """Encrypts contact details with the deployment's contact key."""

    fernet: Fernet

    @classmethod
    def from_settings(cls, contact_key: str, secret_key: str) -> ContactCipher:
        # Embedded mode derives a key from the secret key; production refuses to start without one.
        key = (
            contact_key
            or base64.urlsafe_b64encode(
                hashlib.sha256(b"heard-contact:" + secret_key.encode()).digest()
            ).decode()
        )
        return cls(Fernet(key.encode()))

    def encrypt(self, details: str) -> bytes:
        return self.fernet.encrypt(details.encode("utf-8"))

    def decrypt(self, token: bytes) -> str:
        try:
            return self.fernet.decrypt(token).decode("utf-8")
        except InvalidToken:
            raise HeardError("These contact details cannot be read with this key.") from None


def clean_details(method: str, details: str) -> str:
    """The contact details for METHOD, checked; nothing is kept for 'through my social worker'."""
    details = details.strip()
    if method not in METHODS:
        raise ContactDetailsInvalid(N_("Choose how we should contact you"))
    if method == PHONE:
        if not _PHONE.match(details) or sum(ch.isdigit() for ch in details) < 10:
            raise ContactDetailsInvalid(
                N_("Enter a phone number, like 01632 960 001 or 07700 900 982")
            )
        return details
    if method == EMAIL:
        if not _EMAIL.match(details):
            raise ContactDetailsInvalid(N_("Enter an email address, like name@example.com"))
        return details
    return ""
