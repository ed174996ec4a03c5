"""Documents the PPID produces itself (the annual report) entering the DIP register."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from informasi import workflow
from informasi.models import InformasiPublik
from ppid_portal import audit
from ppid_portal.files import store_upload
from ppid_portal.models import StoredFile
from tests.portal.samples import pdf_bytes

from .factories import EntryValuesFactory, klasifikasi_for

pytestmark = pytest.mark.django_db


def stored_pdf(text="Laporan layanan informasi publik 2025"):
    upload = SimpleUploadedFile("laporan.pdf", pdf_bytes(text), "application/pdf")
    return store_upload(upload, purpose=StoredFile.Purpose.DOKUMEN_DIP)


def propose(actor, unit, **values):
    return workflow.entry_propose_document(
        actor=actor,
        unit=unit,
        values=EntryValuesFactory(kategori="setiap_saat", **values),
        dokumen=[("Laporan 2025 (PDF)", stored_pdf())],
        note="Laporan tahunan 2025",
    )


def test_ppid_document_goes_straight_to_the_desk(
    actors, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = propose(actors["ppid"], actors["unit_a"])
    assert entry.status == InformasiPublik.Status.DIAJUKAN and entry.unit == actors["unit_a"]
    (dokumen,) = entry.dokumen.all()
    assert dokumen.judul == "Laporan 2025 (PDF)" and "Laporan layanan informasi" in dokumen.teks
    actions = [(r.action, r.from_state, r.to_state) for r in audit.history(entry)]
    assert actions == [
        ("informasi.buat", "", "draf"),
        ("informasi.dokumen.tambah", "draf", "draf"),
        ("informasi.ajukan", "draf", "diajukan"),
    ]
    assert [m.to for m in mailoutbox] == [["desk@contoh.go.id"]]
    # From here it is an ordinary submitted entry: the Desk documents it.
    entry = workflow.entry_document(
        actor=actors["desk"], entry=entry, klasifikasi=klasifikasi_for(entry)
    )
    assert entry.status == InformasiPublik.Status.DIDOKUMENTASIKAN


@pytest.mark.parametrize("who", ["penyedia", "desk", "atasan", "tim", "pembina", "pemohon"])
def test_only_the_ppid_proposes_its_documents(actors, who):
    with pytest.raises(PermissionDenied):
        propose(actors[who], actors["unit_a"])
    assert not InformasiPublik.objects.exists()


def test_refused_without_active_unit_documents_or_valid_values(actors):
    unit = actors["unit_b"]
    unit.aktif = False
    unit.save()
    with pytest.raises(ValidationError):
        propose(actors["ppid"], unit)
    with pytest.raises(ValidationError):
        workflow.entry_propose_document(
            actor=actors["ppid"],
            unit=actors["unit_a"],
            values=EntryValuesFactory(),
            dokumen=[],
        )
    with pytest.raises(ValidationError):
        propose(actors["ppid"], actors["unit_a"], ringkasan="")
    assert not InformasiPublik.objects.exists()
