"""The cryptography of the corruption-reporting channel (libsodium through PyNaCl).

The key hierarchy and the threat model are in docs/decisions/0040-whistleblower-threat-model-and-keys.md.
In short:

* every report has a random 256-bit key (``K_report``) that encrypts its content, messages and files with
  XChaCha20-Poly1305, each ciphertext bound by associated data to the row and purpose it belongs to;
* ``K_report`` is sealed (X25519 sealed box) to the public key of each recipient, and wrapped for the
  reporter under a key derived from the receipt with Argon2id and a per-report salt;
* a recipient's X25519 private key is stored encrypted under a key derived with Argon2id from the
  recipient's key passphrase, and separately under a random recovery key printed once;
* the optional identity section is encrypted under a key that needs two halves: one derived from
  ``K_report`` (recipients hold it) and one random share sealed to the identity custodians.

Nothing here is stored unencrypted, and no key can be computed from the database, the media folder, the
logs and the Django SECRET_KEY without a passphrase, a recovery key or a receipt.
"""

from __future__ import annotations

import base64
import hmac
import secrets
import struct
import unicodedata
from dataclasses import dataclass
from hashlib import sha256

import nacl.exceptions
import nacl.hash
import nacl.pwhash
import nacl.secret
import nacl.utils
from django.conf import settings
from nacl.encoding import RawEncoder
from nacl.public import PrivateKey, PublicKey, SealedBox

KEY_BYTES = 32
SALT_BYTES = nacl.pwhash.argon2id.SALTBYTES
RECEIPT_DIGITS = 16
# The receipt's public lookup tag is computed from its first digits only (see receipt_tag).
TAG_DIGITS = 4
RECOVERY_KEY_BYTES = 20  # 160 bits, written as 32 base32 characters

# Argon2id cost per purpose: (operations, memory in bytes). Passphrases unlock a recipient's private key
# (once per session); receipts are checked on every follow-up sign-in and on every submission.
DEFAULT_KDF: dict[str, tuple[int, int]] = {
    "passphrase": (3, 128 * 1024 * 1024),
    "receipt": (2, 64 * 1024 * 1024),
}


class DecryptionError(Exception):
    """A ciphertext could not be opened: wrong key, wrong context or tampered data."""


@dataclass(frozen=True)
class KdfParams:
    ops: int
    mem: int

    def encode(self) -> str:
        return f"argon2id:{self.ops}:{self.mem}"

    @classmethod
    def decode(cls, text: str) -> KdfParams:
        name, ops, mem = text.split(":")
        if name != "argon2id":
            raise ValueError(f"unknown key-derivation function {name!r}")
        return cls(int(ops), int(mem))


def kdf_params(purpose: str) -> KdfParams:
    """The Argon2id cost configured for ``purpose`` ("passphrase" or "receipt")."""
    configured = getattr(settings, "WHISTLEBLOWER_KDF", {}) or {}
    ops, mem = configured.get(purpose, DEFAULT_KDF[purpose])
    return KdfParams(int(ops), int(mem))


def argon2id(secret: bytes, salt: bytes, params: KdfParams, *, size: int = KEY_BYTES) -> bytes:
    """The only Argon2id call of the channel (tests count the calls through this function)."""
    return nacl.pwhash.argon2id.kdf(size, secret, salt, opslimit=params.ops, memlimit=params.mem)


def random_bytes(size: int = KEY_BYTES) -> bytes:
    return nacl.utils.random(size)


def derive(key: bytes, purpose: str) -> bytes:
    """A sub-key of ``key`` for one purpose (keyed BLAKE2b), so one secret never serves two roles."""
    return nacl.hash.blake2b(purpose.encode(), key=key, digest_size=KEY_BYTES, encoder=RawEncoder)


# --- symmetric encryption ---------------------------------------------------------------------------------


def encrypt(key: bytes, plaintext: bytes, *, context: str) -> bytes:
    """XChaCha20-Poly1305 with a random nonce; ``context`` (row and purpose) is authenticated, not stored.

    Binding the context means a ciphertext copied into another row or field does not decrypt there.
    """
    box = nacl.secret.Aead(key)
    return bytes(box.encrypt(plaintext, context.encode()))


def decrypt(key: bytes, ciphertext: bytes, *, context: str) -> bytes:
    box = nacl.secret.Aead(key)
    try:
        return bytes(box.decrypt(bytes(ciphertext), context.encode()))
    except (nacl.exceptions.CryptoError, ValueError, TypeError) as exc:
        raise DecryptionError(str(exc)) from None


# --- public-key sealing -----------------------------------------------------------------------------------


def new_keypair() -> tuple[bytes, bytes]:
    """A fresh X25519 key pair as (private, public) bytes."""
    private = PrivateKey.generate()
    return bytes(private), bytes(private.public_key)


def seal_to(public_key: bytes, data: bytes) -> bytes:
    """Anonymous public-key encryption (X25519 sealed box) of ``data`` to ``public_key``."""
    return bytes(SealedBox(PublicKey(bytes(public_key))).encrypt(data))


def unseal(private_key: bytes, sealed: bytes) -> bytes:
    try:
        return bytes(SealedBox(PrivateKey(bytes(private_key))).decrypt(bytes(sealed)))
    except (nacl.exceptions.CryptoError, ValueError, TypeError) as exc:
        raise DecryptionError(str(exc)) from None


def public_key_of(private_key: bytes) -> bytes:
    return bytes(PrivateKey(bytes(private_key)).public_key)


# --- receipts ---------------------------------------------------------------------------------------------


def new_receipt() -> str:
    """A receipt: RECEIPT_DIGITS random decimal digits (about 53 bits), the reporter's only credential."""
    return "".join(str(secrets.randbelow(10)) for _ in range(RECEIPT_DIGITS))


def format_receipt(receipt: str) -> str:
    """``1234 5678 9012 3456``: groups of four are easier to copy by hand."""
    return " ".join(receipt[i : i + 4] for i in range(0, len(receipt), 4))


_RECEIPT_SEPARATORS = {" ", "-", "\u00a0", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", ".", "\t"}


def normalize_receipt(text: str) -> str | None:
    """The receipt's digits, whatever digits the reporter typed (Thai ๐–๙, Arabic 0–9, others).

    Spaces, dashes and dots between groups are ignored; any other character, or the wrong number of
    digits, means "not a receipt" (None).
    """
    digits: list[str] = []
    for char in unicodedata.normalize("NFKC", text or "").strip():
        if char in _RECEIPT_SEPARATORS or char.isspace():
            continue
        value = unicodedata.decimal(char, None)
        if value is None:
            return None
        digits.append(str(value))
    if len(digits) != RECEIPT_DIGITS:
        return None
    return "".join(digits)


def _tag_keys() -> list[bytes]:
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [sha256(f"prongsai.whistleblower.receipt-tag:{k}".encode()).digest() for k in keys]


def receipt_tags(agency_id: int, receipt: str) -> list[str]:
    """The public lookup tags of a receipt: a keyed hash of its first TAG_DIGITS digits only.

    The first tag uses the current SECRET_KEY (stored with a new report); the others use the fallback
    keys, so that rotating SECRET_KEY does not lock reporters out. Because only 4 of the 16 digits enter
    the tag, 10,000 tags are shared by all reports of an agency: a tag narrows a look-up to a few
    candidates without a scan of slow hashes, yet tells someone holding the database and SECRET_KEY at
    most those 4 digits — the other 12 stay behind Argon2id.
    """
    message = f"{agency_id}:{receipt[:TAG_DIGITS]}".encode()
    return [hmac.new(key, message, sha256).hexdigest()[:16] for key in _tag_keys()]


@dataclass(frozen=True)
class ReceiptSecrets:
    verifier: bytes  # stored: proves a receipt right without revealing it
    wrapping_key: bytes  # never stored: wraps K_report for the reporter


def receipt_secrets(receipt: str, salt: bytes, params: KdfParams) -> ReceiptSecrets:
    """One Argon2id call turns a receipt into its stored verifier and its (never stored) wrapping key."""
    master = argon2id(receipt.encode(), salt, params)
    return ReceiptSecrets(
        verifier=derive(master, "receipt-verifier"), wrapping_key=derive(master, "receipt-wrap")
    )


# --- passphrases and recovery keys ------------------------------------------------------------------------


def passphrase_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    return argon2id(unicodedata.normalize("NFC", passphrase).encode(), salt, params)


def new_recovery_key() -> str:
    """A printable recovery key: 160 random bits as 8 groups of 4 base32 characters."""
    raw = base64.b32encode(random_bytes(RECOVERY_KEY_BYTES)).decode()
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalize_recovery_key(text: str) -> str:
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def recovery_wrapping_key(recovery_key: str, salt: bytes) -> bytes:
    """The key that wraps a private key for recovery.

    The recovery key already carries 160 random bits, so a fast keyed hash suffices; a slow hash only
    helps secrets a person chose.
    """
    return nacl.hash.blake2b(
        normalize_recovery_key(recovery_key).encode(),
        key=salt,
        person=b"pswb-recovery",
        digest_size=KEY_BYTES,
        encoder=RawEncoder,
    )


# --- identity -----------------------------------------------------------------------------------------------


def identity_key(report_key: bytes, custodian_share: bytes) -> bytes:
    """The identity section's key needs both halves: recipients' ``K_report`` and the custodians' share."""
    return nacl.hash.blake2b(
        derive(report_key, "identity-half") + custodian_share,
        person=b"pswb-identity",
        digest_size=KEY_BYTES,
        encoder=RawEncoder,
    )


# --- files --------------------------------------------------------------------------------------------------

_PAD_BLOCK = 4096


def pad(data: bytes) -> bytes:
    """Length-prefix and pad to a multiple of 4 KiB: a stored file's size tells little about its content."""
    framed = struct.pack(">Q", len(data)) + data
    return framed + bytes(-len(framed) % _PAD_BLOCK)


def unpad(framed: bytes) -> bytes:
    (length,) = struct.unpack(">Q", framed[:8])
    return framed[8 : 8 + length]


def token_hash(token: str) -> str:
    """The stored form of a form's idempotency token (the token itself only ever lives in the form)."""
    return sha256(f"pswb-submission:{token}".encode()).hexdigest()
