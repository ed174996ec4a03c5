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


# English text of the same pages (shown when the visitor chooses English), in PAGES' order.
PAGES_EN = {
    "profil": (
        "PPID profile",
        "The Information and Documentation Management Officer (PPID) is the official "
        "responsible for storing, documenting, providing and/or serving information at a public "
        "body (Law 14/2008 Article 1 point 9).\n\nThe PPID ensures that everyone can obtain "
        "public information quickly, on time, at low cost and in a simple way.",
    ),
    "struktur-organisasi": (
        "PPID organisation",
        "Pembina (supervisor)\nAtasan PPID (the PPID's superior)\nPPID\n"
        "Tim Pertimbangan (advisory team)\nDesk Pelayanan Informasi (information service desk)\n"
        "Penyedia Informasi (liaison team in every sub-division)",
    ),
    "tugas-dan-fungsi": (
        "Duties and functions of the PPID",
        "The PPID plans, organises, carries out, supervises and evaluates the management and "
        "service of public information; compiles and updates the List of Public Information "
        "(DIP); carries out consequence tests of excepted information; and serves requests for "
        "public information.",
    ),
    "maklumat-pelayanan": (
        "Service pledge",
        "We hereby declare that we are able to provide public information services according to "
        "the established service standards, and should we fail to keep this pledge, we are "
        "ready to accept sanctions in accordance with the laws and regulations in force.",
    ),
    "biaya-layanan": (
        "Service fees",
        "Public information services are free of charge. Applicants bear only the real cost of "
        "copying (photocopies) and of sending copies of the information when they ask for "
        "printed copies, in accordance with Perki 1/2021.",
    ),
    "jam-layanan": (
        "Service hours",
        "Monday–Thursday: 08.00–15.30 WIB\nFriday: 08.00–16.00 WIB\nBreak: 12.00–13.00 WIB\n\n"
        "Online requests can be made at any time; a request received outside working days is "
        "counted from the next working day.",
    ),
    "kontak": (
        "Contact",
        "Please visit the Information Service Desk during service hours, or contact us by the "
        "telephone number and e-mail address at the bottom of every page.",
    ),
}


def ensure_default_pages(using: str = "default", **kwargs) -> None:
    """post_migrate: make sure every office page exists (text already edited is kept)."""
    from django.db import connections

    from .models import HalamanPortal

    # Migrating backwards (`migrate portal zero`) also ends with post_migrate, without the table.
    if HalamanPortal._meta.db_table not in connections[using].introspection.table_names():
        return
    for order, (slug, judul, ringkasan, isi) in enumerate(PAGES):
        judul_en, isi_en = PAGES_EN[slug]
        page, created = HalamanPortal.objects.using(using).get_or_create(
            slug=slug,
            defaults={
                "judul": judul,
                "ringkasan": ringkasan,
                "isi": isi,
                "judul_en": judul_en,
                "isi_en": isi_en,
                "urutan": order,
            },
        )
        # A page still holding the default Indonesian text gets the default English text too;
        # a page the PPID has written (in either language) is left alone.
        if not created and not page.judul_en and not page.isi_en and page.isi == isi:
            page.judul_en, page.isi_en = judul_en, isi_en
            page.save(using=using, update_fields=["judul_en", "isi_en"])
