"""PDF-5: Indonesian dates, Roman months, numbers and NIP grouping without ``locale``."""

from datetime import date, datetime

import pytest

from sisakat import formatting as f

MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


@pytest.mark.parametrize("month", range(1, 13))
def test_dates_and_roman_months_for_every_month(month):
    assert f.tanggal(date(2025, month, 13)) == f"13 {MONTHS[month - 1]} 2025"
    assert f.romawi(month) == ROMAN[month - 1]


def test_year_end_in_the_office_zone():
    new_year = datetime(2025, 12, 31, 17, 30)  # 00.30 WIB on 1 January 2026
    assert f.tanggal_jam(new_year, 7, "WIB") == "1 Januari 2026 00.30 WIB"
    assert f.tanggal_jam(new_year, 8, "WITA") == "1 Januari 2026 01.30 WITA"
    assert f.tanggal_jam(datetime(2025, 12, 31, 16, 59), 7, "WIB") == "31 Desember 2025 23.59 WIB"


def test_numbers_money_and_nip():
    assert f.angka(1234567.891, 2) == "1.234.567,89"
    assert f.rupiah(1500000) == "Rp1.500.000"
    assert f.nip("197001011995011001") == "19700101 199501 1 001"
    assert f.nip("19700101 199501 1 001") == "19700101 199501 1 001"
    assert f.nip("12345") == "12345"
    assert f.hari_tanggal(date(2025, 6, 13)) == "Jumat, 13 Juni 2025"


@pytest.mark.parametrize(
    ("level", "typed", "printed"),
    [
        ("Kota", "Kota Palembang", "Kota Palembang"),
        ("Kota", "Palembang", "Kota Palembang"),
        ("Kota", "KOTA Palembang", "Kota Palembang"),
        ("Kabupaten", "Kabupaten Contoh Ilir", "Kabupaten Contoh Ilir"),
        ("Kabupaten", "Kab. Contoh Ilir", "Kabupaten Contoh Ilir"),
        ("Provinsi", "Sumatera Selatan", "Provinsi Sumatera Selatan"),
        ("Provinsi", "provinsi Sumatera Selatan", "Provinsi Sumatera Selatan"),
        ("Provinsi", "", "Provinsi"),
    ],
)
def test_level_word_is_printed_once_however_typed(level, typed, printed):
    assert f.wilayah(level, typed) == printed


@pytest.mark.parametrize(
    ("kelurahan", "kecamatan", "city", "printed"),
    [
        (
            "Talang Semut",
            "Bukit Kecil",
            "Kota Palembang",
            "Kelurahan Talang Semut, Kecamatan Bukit Kecil, Kota Palembang",
        ),
        (
            "Kelurahan Ilir",
            "Kec. Ilir Barat",
            "Palembang",
            "Kelurahan Ilir, Kecamatan Ilir Barat, Palembang",
        ),
        (
            "Desa Sukamaju",
            "kecamatan Ilir",
            "Kab. Banyuasin",
            "Desa Sukamaju, Kecamatan Ilir, Kabupaten Banyuasin",
        ),
        (
            "desa Sukamaju",
            "Kec.Ilir Barat",
            "kota Palembang",
            "Desa Sukamaju, Kecamatan Ilir Barat, Kota Palembang",
        ),
        (
            "Kota Baru",
            "Kota Baru",
            "Kota Jambi",
            "Kelurahan Kota Baru, Kecamatan Kota Baru, Kota Jambi",
        ),  # "Kota" is part of these names, not their word
    ],
)
def test_address_prints_each_region_word_once(kelurahan, kecamatan, city, printed):
    line = f.alamat("Jalan Merdeka No. 1", kelurahan, kecamatan, city, "30135")
    assert line == f"Jalan Merdeka No. 1, {printed} 30135"
    assert f.alamat("", "", "", "", "") == ""
