"""The SOP actors as Django groups.

The groups are created by a migration (`portal/0002_roles`). Which model permissions each group
holds is declared here and by each app (`declare_permissions` in `<app>/rules.py`) and applied
after every `migrate`, once Django has created the permission rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    PENYEDIA = "Penyedia Informasi"
    DESK = "Desk Pelayanan Informasi"
    PPID = "PPID"
    ATASAN = "Atasan PPID"
    TIM_PERTIMBANGAN = "Tim Pertimbangan"
    PEMBINA = "Pembina"


STAFF_ROLES: tuple[Role, ...] = tuple(Role)

ROLE_DESCRIPTIONS: dict[Role, str] = {
    Role.PENYEDIA: _(
        "Mengumpulkan informasi yang dikuasai unit Anda, mengusulkan entri DIP, dan menyediakan "
        "dokumen untuk permohonan."
    ),
    Role.DESK: _(
        "Mencatat permohonan langsung dan telepon, mengklasifikasi dan mendokumentasikan "
        "informasi, serta mengunggah DIP yang disetujui ke situs."
    ),
    Role.PPID: _(
        "Merencanakan dan menjalankan layanan, menetapkan dan memutakhirkan DIP, memutus "
        "permohonan, dan memimpin uji konsekuensi."
    ),
    Role.ATASAN: _(
        "Menyetujui informasi yang didokumentasikan, mengoreksi DIP unit, memerintahkan "
        "publikasi, dan memutus keberatan."
    ),
    Role.TIM_PERTIMBANGAN: _(
        "Mengusulkan informasi yang dikecualikan dan ikut serta dalam uji konsekuensi."
    ),
    Role.PEMBINA: _("Melakukan pembinaan dan pengawasan, serta membaca laporan."),
}

# "app_label.codename" permissions per role; apps add theirs with declare_permissions().
_ROLE_PERMISSIONS: dict[Role, set[str]] = {
    Role.PENYEDIA: {"portal.view_unitkerja", "portal.view_harilibur"},
    Role.DESK: {"portal.view_unitkerja", "portal.view_harilibur"},
    Role.PPID: {
        "portal.view_unitkerja",
        "portal.add_unitkerja",
        "portal.change_unitkerja",
        "portal.view_harilibur",
        "portal.add_harilibur",
        "portal.change_harilibur",
        "portal.delete_harilibur",
        "portal.view_auditlog",
    },
    Role.ATASAN: {"portal.view_unitkerja", "portal.view_harilibur", "portal.view_auditlog"},
    Role.TIM_PERTIMBANGAN: {"portal.view_unitkerja"},
    Role.PEMBINA: {"portal.view_unitkerja"},
}


def declare_permissions(mapping: dict[Role, Iterable[str]]) -> None:
    for role, perms in mapping.items():
        _ROLE_PERMISSIONS[Role(role)].update(perms)


def role_permissions() -> dict[Role, frozenset[str]]:
    return {role: frozenset(perms) for role, perms in _ROLE_PERMISSIONS.items()}


def sync_role_permissions(**kwargs) -> None:
    """post_migrate: give each role group exactly the declared permissions that exist."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    for role, perms in role_permissions().items():
        group, _created = Group.objects.get_or_create(name=role.value)
        query = Q(pk__in=[])
        for perm in perms:
            app_label, codename = perm.split(".", 1)
            query |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.set(Permission.objects.filter(query))
