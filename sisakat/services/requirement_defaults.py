"""The built-in requirement lists of the two built-in services (DOMAIN.md), as data:
(name, help text, required, personal data). ``requirements.ensure_defaults`` seeds them."""

from __future__ import annotations

# DOMAIN.md "Requirement documents": (name, help text, required, personal data)
DEFAULTS: tuple[tuple[str, str, bool, bool], ...] = (
    (
        "Surat permohonan",
        "Di atas kop partai, ditandatangani ketua dan sekretaris, ditujukan kepada Gubernur/"
        "Bupati/Wali Kota c.q. Kepala Badan Kesbangpol.",
        True,
        False,
    ),
    ("SK kepengurusan dari DPP", "SK DPP tentang susunan pengurus ini, dilegalisir.", True, False),
    ("AD/ART partai dan SK Kemenkumham", "AD/ART dan SK badan hukum partai.", True, False),
    (
        "Surat keterangan domisili sekretariat",
        "Dari lurah/camat, bukti penguasaan kantor, dan foto depan kantor dengan papan nama.",
        True,
        False,
    ),
    ("KTP ketua, sekretaris dan bendahara", "Pindaian KTP yang terbaca jelas.", True, True),
    (
        "Surat pernyataan tidak merangkap",
        "Pengurus tidak merangkap sebagai anggota partai politik lain.",
        True,
        False,
    ),
    (
        "Bukti keterwakilan perempuan 30%",
        "Susunan pengurus yang menunjukkan paling sedikit 30% perempuan, bila ada.",
        False,
        False,
    ),
    ("NPWP kepengurusan", "Kartu NPWP atas nama kepengurusan, bila ada.", False, False),
    (
        "Rekening bank atas nama kepengurusan",
        "Halaman depan buku tabungan atau surat keterangan bank, bila ada.",
        False,
        False,
    ),
)

# DOMAIN.md, presence report of an ormas (laporan keberadaan)
ORMAS_DEFAULTS: tuple[tuple[str, str, bool, bool], ...] = (
    (
        "Surat permohonan",
        "Ditandatangani ketua dan sekretaris, ditujukan kepada Kepala Badan Kesbangpol.",
        True,
        False,
    ),
    (
        "Akta notaris pendirian beserta AD/ART",
        "Salinan akta notaris yang memuat AD/ART.",
        True,
        False,
    ),
    ("Program kerja", "Program kerja organisasi untuk masa bakti berjalan.", True, False),
    ("SK susunan pengurus", "Surat keputusan tentang susunan pengurus.", True, False),
    ("Surat keterangan domisili", "Dari lurah setempat.", True, False),
    ("NPWP organisasi", "", True, False),
    ("Surat pernyataan tidak dalam sengketa kepengurusan", "", True, False),
    ("Surat pernyataan bersedia melaporkan kegiatan", "", True, False),
    (
        "Formulir isian data ormas",
        "Formulir data organisasi dari Kesbangpol, diisi dan ditandatangani ketua dan sekretaris.",
        True,
        False,
    ),
    (
        "SK Kemenkumham atau SKT Kemendagri",
        "SK badan hukum dari Kemenkumham, atau SKT dari Kemendagri bagi ormas tidak berbadan "
        "hukum.",
        True,
        False,
    ),
    (
        "KTP, biodata dan pas foto ketua, sekretaris dan bendahara",
        "Pindaian KTP yang terbaca jelas, biodata dan pas foto.",
        True,
        True,
    ),
    ("Surat pernyataan tidak berafiliasi dengan partai politik", "", True, False),
    (
        "Surat pernyataan nama, lambang dan bendera bukan milik pihak lain",
        "",
        True,
        False,
    ),
    ("Surat persetujuan pejabat yang tercantum dalam kepengurusan", "Bila ada.", False, False),
    (
        "Bukti penguasaan kantor dan foto depan kantor",
        "Bukti kepemilikan atau sewa, dan foto kantor dengan papan nama.",
        True,
        False,
    ),
    (
        "Rekomendasi Kementerian Agama atau dinas kebudayaan",
        "Untuk ormas keagamaan (Kementerian Agama) atau ormas penghayat kepercayaan (dinas "
        "kebudayaan).",
        False,
        False,
    ),
)
