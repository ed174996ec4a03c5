"""The office pages every installation starts with; the PPID edits their text afterwards."""

PAGES = [
    (
        "profil",
        "Profil PPID",
        "Pejabat Pengelola Informasi dan Dokumentasi yang melayani permohonan informasi publik.",
        "Pejabat Pengelola Informasi dan Dokumentasi (PPID) adalah pejabat yang bertanggung jawab "
        "di bidang penyimpanan, pendokumentasian, penyediaan, dan/atau pelayanan informasi di "
        "badan publik (UU 14/2008 Pasal 1 angka 9).\n\nPPID menjamin setiap orang dapat memperoleh "
        "informasi publik secara cepat, tepat waktu, biaya ringan, dan cara sederhana.",
    ),
    (
        "struktur-organisasi",
        "Struktur organisasi PPID",
        "Susunan PPID: Pembina, Atasan PPID, PPID, Tim Pertimbangan, Desk Layanan, dan Penyedia.",
        "Pembina\nAtasan PPID\nPPID\nTim Pertimbangan\nDesk Pelayanan Informasi\n"
        "Penyedia Informasi (Tim Penghubung di setiap sub-bagian)",
    ),
    (
        "tugas-dan-fungsi",
        "Tugas dan fungsi PPID",
        "Tugas dan fungsi PPID menurut UU 14/2008 dan Perki 1/2021.",
        "PPID bertugas merencanakan, mengorganisasikan, melaksanakan, mengawasi, dan mengevaluasi "
        "pelaksanaan kegiatan pengelolaan dan pelayanan informasi publik; menyusun dan "
        "memutakhirkan Daftar Informasi Publik; melakukan uji konsekuensi atas informasi yang "
        "dikecualikan; serta melayani permohonan informasi publik.",
    ),
    (
        "maklumat-pelayanan",
        "Maklumat pelayanan",
        "Janji pelayanan informasi publik kepada masyarakat.",
        "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan informasi publik sesuai "
        "standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap "
        "menerima sanksi sesuai peraturan perundang-undangan yang berlaku.",
    ),
    (
        "biaya-layanan",
        "Biaya layanan",
        "Layanan informasi publik tidak dipungut biaya.",
        "Layanan informasi publik tidak dipungut biaya. Pemohon hanya menanggung biaya nyata "
        "penggandaan (fotokopi) dan pengiriman salinan informasi bila diminta dalam bentuk "
        "cetak, sesuai Perki 1/2021.",
    ),
    (
        "jam-layanan",
        "Jam layanan",
        "Jam layanan Desk Pelayanan Informasi.",
        "Senin–Kamis: 08.00–15.30 WIB\nJumat: 08.00–16.00 WIB\nIstirahat: 12.00–13.00 WIB\n\n"
        "Permohonan daring dapat diajukan setiap saat; permohonan yang diterima di luar hari kerja "
        "dihitung sejak hari kerja berikutnya.",
    ),
    (
        "kontak",
        "Kontak",
        "Alamat, telepon, dan e-mail PPID.",
        "Silakan datang ke Desk Pelayanan Informasi pada jam layanan, atau hubungi kami melalui "
        "telepon dan e-mail yang tercantum di bagian bawah setiap halaman.",
    ),
]


def ensure_default_pages(using: str = "default", **kwargs) -> None:
    """post_migrate: make sure every office page exists (text already edited is kept)."""
    from django.db import connections

    from .models import HalamanPortal

    # Migrating backwards (`migrate portal zero`) also ends with post_migrate, without the table.
    if HalamanPortal._meta.db_table not in connections[using].introspection.table_names():
        return
    for order, (slug, judul, ringkasan, isi) in enumerate(PAGES):
        HalamanPortal.objects.using(using).get_or_create(
            slug=slug,
            defaults={"judul": judul, "ringkasan": ringkasan, "isi": isi, "urutan": order},
        )
