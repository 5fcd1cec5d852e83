"""Region words (Provinsi, Kabupaten, Kota, Kelurahan, Desa, Kecamatan) print once on the letter,
the verifier's review page and the party's page, however the applicant typed them; letters
frozen before the rule still render from their snapshot."""

from __future__ import annotations

import json
from datetime import date

from sisakat.extensions import db
from sisakat.models import Level, Role
from sisakat.pdf.skt import render_skt
from sisakat.services import letters, storage
from tests.letters.helpers import prepared_letter
from tests.pdf import helpers as h

# As the exploratory testers typed them (the old help text said "Kota Palembang").
TYPED = {
    "level": Level.KOTA,
    "region_name": "Kota Palembang",
    "kelurahan": "Kelurahan Contoh",
    "kecamatan": "Kecamatan Contoh",
}
ADDRESS = "Jalan Merdeka No. 1, Kelurahan Contoh, Kecamatan Contoh, Kota Palembang 30135"
DOUBLED = ("Kota Kota", "Kabupaten Kabupaten", "Kelurahan Kelurahan", "Kecamatan Kecamatan")


def _flat(pdf: bytes) -> str:
    return " ".join(" ".join(h.pages_text(pdf)).split())


def _letter_text(letter) -> str:
    return _flat(storage.read_bytes(letter.unsigned_file))


def test_letter_prints_the_typed_level_and_region_words_once(app, make):
    text = _letter_text(prepared_letter(make.party(**TYPED)))
    assert f"Alamat : {ADDRESS} 5. Tingkat : Kota Palembang 6." in text
    assert not [d for d in DOUBLED if d in text]


def test_letter_prints_a_desa_as_desa_and_abbreviations_in_full(app, make):
    party = make.party(
        level=Level.KABUPATEN,
        region_name="Kab. Contoh Ilir",
        kelurahan="desa Sukamaju",
        kecamatan="Kec. Ilir Barat",
        city="kabupaten Contoh Ilir",
    )
    text = _letter_text(prepared_letter(party))
    address = "Jalan Merdeka No. 1, Desa Sukamaju, Kecamatan Ilir Barat, Kabupaten Contoh Ilir"
    assert f"Alamat : {address} 30135 5. Tingkat : Kabupaten Contoh Ilir 6." in text
    assert "Kelurahan" not in text


def test_review_page_shows_the_letters_lines_not_an_old_snapshots_text(app, make, login_as):
    letter = prepared_letter(make.party(**TYPED))
    application = letter.application
    old = json.loads(application.profile_snapshot)
    assert {"address_text", "level_label"}.isdisjoint(old)  # values only, no formatted text
    # ... which a snapshot frozen by the earlier code did carry, doubled:
    old.update(level_label="Kota", address_text=ADDRESS.replace("Kel", "Kelurahan Kel"))
    application.profile_snapshot = json.dumps(old)
    db.session.commit()
    client = login_as(make.user(Role.VERIFIKATOR))
    html = client.get(f"/petugas/permohonan/{application.id}").get_data(as_text=True)
    assert "<dt>Tingkat</dt><dd>Kota Palembang</dd>" in html
    assert f"<dt>Alamat</dt><dd>{ADDRESS}</dd>" in html
    assert f"Alamat : {ADDRESS} 5. Tingkat : Kota Palembang" in _letter_text(letter)


def test_party_page_shows_the_level_as_the_letter_prints_it(app, make, login_as):
    party = make.party(**TYPED)
    client = login_as(make.user(Role.VERIFIKATOR))
    html = client.get(f"/laporan/rekap-partai/{party.id}").get_data(as_text=True)
    assert f"{party.party_name} · Kota Palembang ·" in html
    assert "Kota Kota" not in html


def test_a_letter_frozen_before_the_rule_renders_as_it_did(app):
    old = {  # a snapshot frozen by the earlier code, with its pre-formatted text
        "kind": "parpol",
        "party_name": "Partai Contoh Sejahtera",
        "abbreviation": "PCS",
        "level": "provinsi",
        "level_label": "Provinsi",
        "region_name": "Sumatera Selatan",
        "street": "Jalan Contoh Raya No. 12",
        "kelurahan": "Talang Semut",
        "kecamatan": "Bukit Kecil",
        "city": "Kota Palembang",
        "postal_code": "30135",
        "address_text": "stale text never printed",
        "sk_number": "SKEP/012",
        "sk_date": "2025-05-02",
        "officers": [{"position": "Ketua", "name": "Budi Contoh"}],
    }
    inputs = {"profile": old, "settings": h.groups(), "number_text": h.NUMBER}
    inputs.update(issued_on=date(2025, 6, 13).isoformat(), srikandi=False)
    text = _flat(render_skt(letters.context_of(inputs, token=h.CODE)))
    assert (
        "Alamat : Jalan Contoh Raya No. 12, Kelurahan Talang Semut, Kecamatan Bukit Kecil, "
        "Kota Palembang 30135 5. Tingkat : Provinsi Sumatera Selatan 6. Nomor SK : SKEP/012 "
        "tanggal 2 Mei 2025"
    ) in text


def test_profile_form_states_the_rule(app, make, login_as):
    party = make.party()
    html = login_as(party.account).get("/pemohon/profil").get_data(as_text=True)
    assert "Kata Provinsi/Kabupaten/Kota dicetak sekali sesuai tingkat" in html
    assert "untuk desa tulis “Desa …”" in html
