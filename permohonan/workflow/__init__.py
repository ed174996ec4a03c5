"""The state machines of requests, unit assignments, objections and annual reports.

This package owns the transition tables and is the only code that assigns `.status` on a
`Permohonan`, `Disposisi`, `Keberatan` or `LaporanTahunan`. Views, the desk, management commands,
the demo and the tests call these functions. Each one:

- takes keyword-only arguments including `actor` (a staff `User`, or `tracking.Pemohon` for the
  applicant proven by the tracking secret or the owning account);
- runs in one transaction, re-reading the row with `select_for_update()`;
- refuses the wrong state (`ValidationError`) or role (`PermissionDenied`) with an Indonesian
  message;
- saves with `update_fields`, writes the audit trail, and queues e-mail with
  `transaction.on_commit` (see `ppid_portal.mail`).

Legal periods come from `deadlines` (pure) with the office calendar.

One subject per module, every public name re-exported here (`from permohonan import workflow;
workflow.permohonan_submit(...)`):

- `permohonan`: requests, from intake to the written decision and its delivery;
- `keberatan`: objections and the record of a sengketa;
- `laporan`: the annual report;
- `nomor`: numbering (`format_nomor`, `take_number`, `nomor_seri`) over `ppid_portal.numbering`;
- `uji`: consequence tests of the information a request asks for (the sheet is `informasi`'s;
  the link to the request, `UjiPermohonan`, is this app's);
- `_common`: the transition tables, `_set_status` and the plumbing every step uses.
"""

# The applicant as an actor; callers (the demo) have named it through the workflow.
from ..tracking import Pemohon
from ._common import (
    APPLICANT_FIELDS,
    DISPOSISI_TRANSITIONS,
    DS,
    KEBERATAN_TRANSITIONS,
    KS,
    LAPORAN_TRANSITIONS,
    LS,
    PERMOHONAN_TRANSITIONS,
    PS,
    TRANSITIONS,
    Actor,
    can_act,
    compute_notice_due,
    default_aturan,
    notice_extension_days,
    recompute_deadlines,
)
from .keberatan import (
    SENGKETA_FIELDS,
    keberatan_decide,
    keberatan_record_reply,
    keberatan_submit,
    keberatan_window,
    keberatan_withdraw,
    sengketa_record,
    sengketa_update,
)
from .laporan import LAPORAN_TAHUN_PERTAMA, laporan_approve, laporan_cancel, laporan_create
from .nomor import ROMAN, format_nomor, nomor_seri, take_number
from .permohonan import (
    Putusan,
    disposisi_answer,
    disposisi_reopen,
    keputusan_record_delivery,
    permohonan_assign,
    permohonan_complete,
    permohonan_decide,
    permohonan_extend,
    permohonan_lapse,
    permohonan_request_completion,
    permohonan_reset_code,
    permohonan_submit,
    permohonan_verify,
    permohonan_withdraw,
    record_applicant_download,
)
from .uji import open_test, permohonan_start_test, start_test_for_refusal

__all__ = [
    "APPLICANT_FIELDS",
    "Actor",
    "DISPOSISI_TRANSITIONS",
    "DS",
    "KEBERATAN_TRANSITIONS",
    "KS",
    "LAPORAN_TAHUN_PERTAMA",
    "LAPORAN_TRANSITIONS",
    "LS",
    "PERMOHONAN_TRANSITIONS",
    "PS",
    "Pemohon",
    "Putusan",
    "ROMAN",
    "SENGKETA_FIELDS",
    "TRANSITIONS",
    "can_act",
    "compute_notice_due",
    "default_aturan",
    "disposisi_answer",
    "disposisi_reopen",
    "format_nomor",
    "keberatan_decide",
    "keberatan_record_reply",
    "keberatan_submit",
    "keberatan_window",
    "keberatan_withdraw",
    "keputusan_record_delivery",
    "laporan_approve",
    "laporan_cancel",
    "laporan_create",
    "nomor_seri",
    "notice_extension_days",
    "open_test",
    "permohonan_assign",
    "permohonan_complete",
    "permohonan_decide",
    "permohonan_extend",
    "permohonan_lapse",
    "permohonan_request_completion",
    "permohonan_reset_code",
    "permohonan_start_test",
    "permohonan_submit",
    "permohonan_verify",
    "permohonan_withdraw",
    "recompute_deadlines",
    "record_applicant_download",
    "sengketa_record",
    "sengketa_update",
    "start_test_for_refusal",
    "take_number",
]
