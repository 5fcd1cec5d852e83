"""What was typed into two places, or typed with what the letter adds itself (list numbers,
"a.n.", the region line, the abbreviation, "notaris"), is printed once."""

from sisakat.pdf.skt import render_skt
from sisakat.services.letter_profile import sample_profile
from tests.pdf import helpers as h


def _text(ctx) -> str:
    return " ".join(" ".join(h.pages_text(render_skt(ctx))).split())


def test_numbered_tembusan_and_officer_positions_are_numbered_once():
    groups = h.groups()
    groups["letter"]["tembusan"] = ["1. Gubernur Sumatera Selatan", "2) DPP Partai", "- KPU", "3."]
    profile = sample_profile()
    profile["officers"] = [
        {"position": "1. Ketua", "name": "Budi Contoh"},
        {"position": "Sekretaris:", "name": "Andi Teladan"},
    ]
    text = _text(h.context(profile, settings=groups))
    assert "Tembusan: 1. Gubernur Sumatera Selatan 2. DPP Partai 3. KPU" in text
    assert "Susunan Pengurus : 1. Ketua : Budi Contoh 2. Sekretaris : Andi Teladan" in text
    assert "4." not in text.split("Tembusan:")[1]


def test_abbreviation_typed_into_the_name_is_printed_once():
    profile = {**sample_profile(), "party_name": "Partai Contoh Sejahtera (PCS)"}
    text = _text(h.context(profile))
    assert "Nama Partai : Partai Contoh Sejahtera (PCS) 4." in text
    ormas = {**sample_profile("ormas"), "notary_name": "Notaris Sari Contoh, S.H."}
    assert "notaris Sari Contoh, S.H." in _text(h.context(ormas))


def test_on_behalf_and_region_typed_twice_are_printed_once():
    groups = h.groups()
    groups["signatory"].update(
        prefix="a.n.",
        on_behalf_of="a.n. GUBERNUR SUMATERA SELATAN",
        position="KEPALA BADAN KESATUAN BANGSA DAN POLITIK PROVINSI SUMATERA SELATAN",
        region_line="PROVINSI SUMATERA SELATAN,",
    )
    text = _text(h.context(settings=groups))
    assert (
        "a.n. GUBERNUR SUMATERA SELATAN KEPALA BADAN KESATUAN BANGSA DAN POLITIK "
        "PROVINSI SUMATERA SELATAN, Dr. Contoh Pejabat"
    ) in text
