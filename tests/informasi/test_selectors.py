import pytest

from informasi import selectors, workflow
from informasi.models import InformasiPublik
from ppid_portal.dashboard import registered_queues
from ppid_portal.roles import Role
from tests.informasi.factories import (
    attach_pdf,
    create_entry,
    documented_entry,
    klasifikasi_for,
    publish_version,
    set_version,
    submitted_entry,
)

pytestmark = pytest.mark.django_db


def redocument(actors, entry, **values):
    penyedia = actors["penyedia"]
    entry = workflow.entry_reopen(actor=penyedia, entry=entry)
    if values:
        entry = workflow.entry_update(actor=penyedia, entry=entry, values=values)
    return entry


def finish(actors, entry):
    entry = workflow.entry_submit(actor=actors["penyedia"], entry=entry)
    return workflow.entry_document(
        actor=actors["desk"], entry=entry, klasifikasi=klasifikasi_for(entry)
    )


def test_compare_versions_lists_added_removed_and_changed_fields(actors):
    penyedia, desk = actors["penyedia"], actors["desk"]
    kept = documented_entry(penyedia, desk, ringkasan="Tetap sama")
    changed = documented_entry(penyedia, desk, ringkasan="Laporan lama", tahun=2024)
    removed = documented_entry(penyedia, desk, ringkasan="Akan dicabut")
    first = publish_version(actors)

    changed = redocument(actors, changed, ringkasan="Laporan baru", tahun=2025, online=True)
    attach_pdf(penyedia, changed, name="lampiran.pdf")
    finish(actors, changed)
    workflow.entry_withdraw(actor=actors["ppid"], entry=removed, reason="Tidak berlaku")
    added = documented_entry(penyedia, desk, ringkasan="Entri tambahan")
    second = set_version(actors["ppid"])

    result = selectors.compare_versions(first, second)
    assert [b.informasi_id for b in result.added] == [added.pk]
    assert [b.informasi_id for b in result.removed] == [removed.pk]
    assert [p.new.informasi_id for p in result.changed] == [changed.pk]
    diffs = {d.field: (d.old, d.new) for d in result.changed[0].diffs}
    assert diffs["ringkasan"] == ("Laporan lama", "Laporan baru")
    assert diffs["tahun"] == ("2024", "2025")
    assert diffs["online"] == ("Tidak", "Ya")
    assert diffs["dokumen"] == ("—", "lampiran")
    assert kept.pk not in {p.new.informasi_id for p in result.changed}
    assert selectors.compare_versions(second, second).empty


def test_plan_shows_what_a_new_version_would_contain(actors):
    penyedia, desk = actors["penyedia"], actors["desk"]
    in_force = documented_entry(penyedia, desk)
    publish_version(actors)
    revising = redocument(actors, in_force, ringkasan="Sedang direvisi")
    new = documented_entry(penyedia, desk, ringkasan="Baru")
    create_entry(penyedia, ringkasan="Draf baru")  # never documented: not planned
    previous, planned = selectors.version_plan()
    sources = {b.informasi_id: (b.source, b.values["ringkasan"]) for b in planned}
    assert sources[revising.pk][0] == "carry" and sources[revising.pk][1] != "Sedang direvisi"
    assert sources[new.pk] == ("current", "Baru")
    assert len(planned) == 2 and previous.nomor == 1


def test_only_the_published_version_is_public(actors):
    assert selectors.published_version() is None
    documented_entry(actors["penyedia"], actors["desk"])
    versi = set_version(actors["ppid"])
    assert selectors.published_version() is None
    workflow.version_order(actor=actors["atasan"], versi=versi)
    assert selectors.published_version() is None
    workflow.version_publish(actor=actors["desk"], versi=versi)
    assert selectors.published_version() == versi


def test_facets_and_filters(actors):
    documented_entry(actors["penyedia"], actors["desk"], tahun=2024, online=True)
    documented_entry(actors["penyedia_lain"], actors["desk"], tahun=2025, kategori="setiap_saat")
    versi = publish_version(actors)
    units, years = selectors.facets(versi)
    assert units == [("keuangan", "Sub-bagian Keuangan"), ("umum", "Sub-bagian Umum")]
    assert years == [2025, 2024]
    rows = selectors.version_rows(versi)
    assert selectors.filter_rows(rows, unit="umum").get().tahun == 2025
    assert selectors.filter_rows(rows, bentuk="online").get().tahun == 2024
    assert selectors.filter_rows(rows, tahun=2024, kategori="setiap_saat").count() == 0
    assert list(selectors.filter_rows(rows, urut="tahun_lama").values_list("tahun", flat=True)) == [
        2024,
        2025,
    ]
    assert selectors.category_counts(versi) == {
        "berkala": 1,
        "serta_merta": 0,
        "setiap_saat": 1,
        "dikecualikan": 0,
    }


def test_penyedia_sees_only_their_units_register(actors):
    mine = create_entry(actors["penyedia"])
    theirs = create_entry(actors["penyedia_lain"])
    assert list(selectors.entries_visible_to(actors["penyedia"])) == [mine]
    assert set(selectors.entries_visible_to(actors["desk"])) == {mine, theirs}
    assert set(selectors.entries_visible_to(actors["pembina"])) == {mine, theirs}
    assert not selectors.entries_visible_to(actors["pemohon"]).exists()


def test_queues_of_each_role(actors):
    penyedia, desk = actors["penyedia"], actors["desk"]
    draft = create_entry(penyedia)
    returned = workflow.entry_return(actor=desk, entry=submitted_entry(penyedia), reason="x")
    submitted = submitted_entry(penyedia)
    documented = documented_entry(penyedia, desk)
    create_entry(actors["penyedia_lain"])  # another unit: not in this Penyedia's queues
    queues = registered_queues()

    def items(key, user):
        return list(queues[key].items(user, 10)), queues[key].count(user)

    assert items("informasi.penyedia.draf", penyedia) == ([draft], 1)
    assert items("informasi.penyedia.dikembalikan", penyedia) == ([returned], 1)
    assert items("informasi.desk.diajukan", desk) == ([submitted], 1)
    assert items("informasi.ppid.penetapan", actors["ppid"]) == ([documented], 1)
    assert items("informasi.atasan.koreksi", actors["atasan"]) == ([documented], 1)
    versi = set_version(actors["ppid"])
    assert items("informasi.atasan.perintah", actors["atasan"]) == ([versi], 1)
    assert items("informasi.ppid.penetapan", actors["ppid"]) == ([], 0)
    workflow.version_order(actor=actors["atasan"], versi=versi)
    assert items("informasi.desk.unggah", desk) == ([versi], 1)
    for key, queue in queues.items():
        # The DIP's queues (excepted information has its own, for the Tim Pertimbangan too).
        if key.startswith("informasi.") and not key.startswith("informasi.pengecualian."):
            assert queue.roles <= {Role.PENYEDIA, Role.DESK, Role.PPID, Role.ATASAN}


def test_status_choices_are_the_constraint_values():
    constraint = next(
        c for c in InformasiPublik._meta.constraints if c.name.endswith("status_valid")
    )
    assert set(dict(constraint.condition.children)["status__in"]) == set(
        InformasiPublik.Status.values
    )
