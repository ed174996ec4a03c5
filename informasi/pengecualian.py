"""The grounds for excepting public information (UU 14/2008 Ps 17 huruf a–j).

Kept apart from the models so the consequence-test and penetapan of excepted information (a later
issue) can reuse the same choices and rules.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Alasan(models.TextChoices):
    """Ps 17 UU 14/2008: information that may be withheld, each by its letter."""

    A = "a", _("a. menghambat proses penegakan hukum")
    B = "b", _("b. mengganggu kepentingan hak atas kekayaan intelektual dan persaingan usaha")
    C = "c", _("c. membahayakan pertahanan dan keamanan negara")
    D = "d", _("d. mengungkapkan kekayaan alam Indonesia")
    E = "e", _("e. merugikan ketahanan ekonomi nasional")
    F = "f", _("f. merugikan kepentingan hubungan luar negeri")
    G = "g", _("g. mengungkapkan isi akta otentik yang bersifat pribadi dan wasiat seseorang")
    H = "h", _("h. mengungkap rahasia pribadi")
    I = (  # noqa: E741 - the letter of the article
        "i",
        _("i. memorandum atau surat antar/intra badan publik yang menurut sifatnya dirahasiakan"),
    )
    J = "j", _("j. informasi yang tidak boleh diungkapkan berdasarkan undang-undang")


# UU 14/2008 Ps 20(1): exceptions on grounds a–f are not permanent, so their end date is recorded
# (PP 61/2010 sets the periods).
TIME_LIMITED: frozenset[str] = frozenset({"a", "b", "c", "d", "e", "f"})


def needs_end_date(alasan: str) -> bool:
    """True when the ground requires a date on which the exception ends."""
    return alasan in TIME_LIMITED


def short_label(alasan: str) -> str:
    """'Pasal 17 huruf h UU 14/2008' for pages and exports."""
    return str(_("Pasal 17 huruf %(huruf)s UU 14/2008") % {"huruf": alasan}) if alasan else ""


def description(alasan: str) -> str:
    """The ground without its letter: 'mengungkap rahasia pribadi'."""
    if alasan not in Alasan.values:
        return ""
    return str(Alasan(alasan).label).split(". ", 1)[-1]
