"""The applicant's private tracking secret and who may act as the applicant.

A request has one secret ("kode pelacakan"), e-mailed once with the tracking link and shown once
after submission; the database keeps only its SHA-256 digest. Whoever proves the secret (the
link, or the nomor pendaftaran plus the code) gets the request granted in their session; a signed-
in owner needs no secret. Both are represented to the workflow as a `Pemohon`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from . import conf
from .models import Permohonan

# No 0/O, 1/I/L: the code is read aloud at the desk and over the phone.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 16  # 16 symbols of 31: about 79 bits, far beyond guessing under a rate limit.
SESSION_KEY = "permohonan_akses"
NEW_CODE_KEY = "permohonan_kode_baru"
MAX_GRANTS = 20

# Compared against when the number does not exist, so a wrong number costs the same as a wrong
# code.
_DUMMY_HASH = hashlib.sha256(b"tidak-ada-permohonan").hexdigest()


@dataclass(frozen=True)
class Pemohon:
    """The applicant of one request, proven by the tracking secret or by the owning account."""

    permohonan_id: int
    user: Any = None

    @property
    def label(self) -> str:
        if self.user is not None and getattr(self.user, "is_authenticated", False):
            return f"Pemohon ({self.user.get_username()})"
        return "Pemohon (tautan pelacakan)"


def normalize(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def hash_secret(code: str) -> str:
    return hashlib.sha256(normalize(code).encode()).hexdigest()


def new_secret() -> tuple[str, str]:
    """A new code, formatted in groups of four for reading, and its digest."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    pretty = "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))
    return pretty, hash_secret(raw)


def tracking_path(code: str) -> str:
    return reverse("permohonan:lacak_tautan", args=[normalize(code)])


def tracking_link(code: str) -> str:
    return conf.site_url() + tracking_path(code)


def find_by_secret(code: str) -> Permohonan | None:
    if not normalize(code):
        return None
    return Permohonan.objects.filter(token_hash=hash_secret(code)).first()


def verify(nomor: str, code: str) -> Permohonan | None:
    """The request with this number and code, or None. A wrong number and a wrong code take the
    same path and give the same answer."""
    permohonan = Permohonan.objects.filter(nomor__iexact=(nomor or "").strip()).first()
    expected = permohonan.token_hash if permohonan else _DUMMY_HASH
    matches = hmac.compare_digest(expected, hash_secret(code))
    return permohonan if (permohonan and matches) else None


def grant(request, permohonan: Permohonan) -> None:
    granted = [pk for pk in request.session.get(SESSION_KEY, []) if pk != permohonan.pk]
    granted.append(permohonan.pk)
    request.session[SESSION_KEY] = granted[-MAX_GRANTS:]
    # A new session key after proving the secret (like a login) defeats session fixation.
    request.session.cycle_key()


def granted_ids(request) -> list[int]:
    return list(request.session.get(SESSION_KEY, []))


def applicant_for(request, permohonan: Permohonan) -> Pemohon | None:
    """The `Pemohon` acting in this request, if the visitor proved the secret or owns it."""
    user = request.user if request.user.is_authenticated else None
    if permohonan.pk in granted_ids(request):
        return Pemohon(permohonan.pk, user)
    if user is not None and permohonan.pemilik_id == user.pk:
        return Pemohon(permohonan.pk, user)
    return None


def remember_new_code(request, permohonan: Permohonan, code: str) -> None:
    """Keep the code in this session only, so the confirmation page and the receipt printed
    right after submission can show it once."""
    codes = dict(request.session.get(NEW_CODE_KEY, {}))
    codes[str(permohonan.pk)] = code
    request.session[NEW_CODE_KEY] = dict(list(codes.items())[-5:])


def new_code_for(request, permohonan: Permohonan) -> str:
    return request.session.get(NEW_CODE_KEY, {}).get(str(permohonan.pk), "")
