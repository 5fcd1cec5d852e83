"""QR-1 and QR-2: the public verification page the QR opens, compare-upload, lookup."""

from __future__ import annotations

import io
import re
from datetime import UTC, timedelta

from sisakat.extensions import db
from sisakat.models import LetterStatus, Level, Role, utcnow
from sisakat.services import letter_registry, numbering, storage
from tests.letter_helpers import FIXED_AT, fixed_clock, page, stored_count


def test_unknown_malformed_and_unissued_tokens_get_one_404(client, make):
    pending = make.issued_letter(status=LetterStatus.MENUNGGU_TTE)
    tokens = [make.letter_token(), "bukan-token", "A" * 200, pending.token, pending.token.lower()]
    bodies = set()
    for token in tokens:
        response = client.get(f"/verifikasi/{token}")
        assert response.status_code == 404
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers["Cache-Control"] == "no-store"
        bodies.add(response.get_data(as_text=True))
    assert len(bodies) == 1
    body = bodies.pop()
    assert "Halaman tidak ditemukan" in body
    # An officer who scanned a letter's QR learns what the 404 means for the letter in hand.
    assert "tidak ada dalam register surat yang terbit" in body
    assert "belum dapat dipastikan keasliannya" in body


def test_verification_is_rate_limited_per_address(app, client, make):
    fixed_clock(app)
    letter = make.issued_letter()
    for i in range(60):
        token = letter.token if i % 10 == 0 else make.letter_token()
        assert client.get(f"/verifikasi/{token}").status_code in (200, 404)
    refused = client.get(f"/verifikasi/{letter.token}")
    assert refused.status_code == 429
    assert "Terlalu banyak pemeriksaan surat" in refused.get_data(as_text=True)
    # The wait until the window turns, in the header (as login's 429) and in the text.
    fixed_clock(app, FIXED_AT + timedelta(minutes=7, seconds=30))
    later = client.get(f"/verifikasi/{letter.token}")
    assert later.status_code == 429
    left = 600 - int(FIXED_AT.replace(tzinfo=UTC).timestamp() + 450) % 600
    assert later.headers["Retry-After"] == str(left)
    assert f"Coba lagi dalam {-(-left // 60)} menit." in later.get_data(as_text=True)
    checked = client.get(f"/cek-surat?kode={letter.token}")
    assert checked.status_code == 429
    assert checked.headers["Retry-After"] == str(left)
    elsewhere = app.test_client().get(
        f"/verifikasi/{letter.token}", environ_base={"REMOTE_ADDR": "10.9.8.7"}
    )
    assert elsewhere.status_code == 200
    fixed_clock(app, FIXED_AT + timedelta(minutes=10))  # the next window
    assert client.get(f"/verifikasi/{letter.token}").status_code == 200


def test_berlaku_dicabut_diganti_and_kedaluwarsa_are_shown(client, make):
    party = make.party()
    old, new = make.issued_letter(party), make.issued_letter(party)
    old.status, old.superseded_by_id = LetterStatus.DIGANTI, new.id
    revoked = make.issued_letter(
        status=LetterStatus.DICABUT, revoked_at=utcnow(), revoked_reason="Kepengurusan dibekukan."
    )
    expired = make.issued_letter(valid_until=numbering.office_today() - timedelta(days=1))
    db.session.commit()
    assert "BERLAKU" in page(client, f"/verifikasi/{new.token}")
    assert f"/verifikasi/{old.token}" in page(client, f"/verifikasi/{new.token}")
    replaced = page(client, f"/verifikasi/{old.token}")
    assert "DIGANTI" in replaced
    assert f"/verifikasi/{new.token}" in replaced
    assert new.number_text in replaced
    html = page(client, f"/verifikasi/{revoked.token}")
    assert "DICABUT" in html
    assert "Kepengurusan dibekukan." in html
    assert "KEDALUWARSA" in page(client, f"/verifikasi/{expired.token}")


def test_page_shows_no_personal_data_and_the_stored_hash(client, make):
    verifier = make.user(Role.VERIFIKATOR, full_name="Verifikator Rahasiawati")
    letter = make.issued_letter(
        profile={
            "nik": "1671010101800001",
            "street": "Jalan Rahasia Nomor 9",
            "phone": "081377778888",
            "contact_email": "ketua.rahasia@contoh.test",
            "reporter_name": "Bambang Rahasia",
            "officers": [{"position": "Sekretaris", "name": "Sutini Rahasia"}],
        }
    )
    letter.application.claimed_by_id = verifier.id
    db.session.commit()
    response = client.get(f"/verifikasi/{letter.token.lower()}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Referrer-Policy"] == "no-referrer"
    for secret in ("1671010101800001", "Rahasia", "081377778888", "ketua.rahasia", "Rahasiawati"):
        assert secret not in html
    assert letter.signer_name in html
    assert letter.application.party.party_name in html
    assert "Surat Keterangan Terdaftar" in html
    assert letter.number_text in html
    assert letter.signed_file.sha256 in html


def test_compare_upload_same_and_different_keeps_nothing(client, make):
    letter = make.issued_letter()
    issued = storage.read_bytes(letter.signed_file)
    before = stored_count()
    url = f"/verifikasi/{letter.token}/bandingkan"
    same = client.post(url, data={"berkas": (io.BytesIO(issued), "surat.pdf")})
    assert "Berkas ini SAMA PERSIS dengan surat yang diterbitkan" in same.get_data(as_text=True)
    assert same.headers["Cache-Control"] == "no-store"
    altered = issued + b"\n% diubah\n"
    other = client.post(url, data={"berkas": (io.BytesIO(altered), "surat.pdf")})
    html = other.get_data(as_text=True)
    assert "Berkas ini BERBEDA" in html
    assert letter.signed_file.sha256 in html
    assert letter_registry.compare_upload(letter, io.BytesIO(altered)).uploaded_sha256 in html
    assert stored_count() == before


def test_lookup_needs_the_printed_code_a_number_with_the_party_name_is_not_enough(client, make):
    letter = make.issued_letter()
    name, abbr = letter.application.party.party_name, letter.application.party.abbreviation
    target = f"/verifikasi/{letter.token}"
    code = "-".join(letter.token.lower()[i : i + 5] for i in range(0, 26, 5))
    by_code = client.get("/cek-surat", query_string={"q": letter.number_text, "kode": code})
    assert by_code.status_code == 302
    assert by_code.headers["Location"].endswith(target)
    assert letter_registry.lookup(f"  {letter.number_text} ", letter.token) == letter
    code_alone = client.get("/cek-surat", query_string={"q": code})
    assert code_alone.headers["Location"].endswith(target)
    # Serials are sequential and party names public: neither, alone or together, finds it.
    for proof in ("", name, f"{name} ({abbr})", abbr):
        answer = client.get("/cek-surat", query_string={"q": letter.number_text, "kode": proof})
        assert answer.status_code == 200, proof
        assert "Surat tidak ditemukan" in answer.get_data(as_text=True)
        assert letter_registry.lookup(letter.number_text, proof) is None
    assert letter_registry.lookup(letter.number_text, None) is None


def test_code_typed_with_look_alike_digits_still_finds_the_letter(client, make):
    """The code is printed small in a serif face, where O and 0, I and 1, B and 8 look alike.
    Base32 has no 0, 1 or 8, so those digits can only be the letters: the typed code is read so
    (found by a QR-less checker typing the code from paper)."""
    letter = make.issued_letter(token="ABCDEFGHIJKLMNOPQRSTUVWXYO")
    typed = "a8cdefghi jklmn0pqrstuvwxy0".replace("i j", "1 j")
    found = client.get("/cek-surat", query_string={"kode": typed})
    assert found.status_code == 302
    assert found.headers["Location"].endswith(f"/verifikasi/{letter.token}")
    with_number = {"q": letter.number_text, "kode": typed}
    assert client.get("/cek-surat", query_string=with_number).status_code == 302
    # A digit base32 does have (2-7) is kept: a wrong code stays wrong.
    assert letter_registry.find_by_token("ABCDEFGHIJKLMNOPQRSTUVWXY2") is None


def test_lookup_refuses_a_number_and_a_code_from_different_letters(client, make):
    first, second = make.issued_letter(), make.issued_letter()
    assert first.number_text != second.number_text
    mixed = client.get("/cek-surat", query_string={"q": first.number_text, "kode": second.token})
    assert mixed.status_code == 200
    assert "Surat tidak ditemukan" in mixed.get_data(as_text=True)
    assert letter_registry.lookup(second.number_text, second.token) == second


def test_page_prints_the_level_word_once(client, make):
    party = make.party(level=Level.KOTA, region_name="kota Palembang")
    html = client.get(f"/verifikasi/{make.issued_letter(party).token}").get_data(as_text=True)
    assert "<td>Kota Palembang</td>" in html
    assert "Kota kota" not in html


def test_unissued_letter_is_not_found_by_number_and_code(client, make):
    pending = make.issued_letter(status=LetterStatus.PERLU_TINJAUAN)
    found = client.get("/cek-surat", query_string={"q": pending.number_text, "kode": pending.token})
    assert "Surat tidak ditemukan" in found.get_data(as_text=True)
    assert letter_registry.find_by_token(pending.token) is None


def test_download_is_offered_only_when_the_setting_is_on(client, make, app):
    from sisakat.services import settings

    letter = make.issued_letter()
    assert client.get(f"/verifikasi/{letter.token}/unduh").status_code == 404
    assert "Unduh surat" not in page(client, f"/verifikasi/{letter.token}")
    settings.update({"verification.allow_download": True}, actor=None)
    db.session.commit()
    assert "Unduh surat" in page(client, f"/verifikasi/{letter.token}")
    response = client.get(f"/verifikasi/{letter.token}/unduh")
    assert response.status_code == 200
    assert response.data == storage.read_bytes(letter.signed_file)
    response.close()


def test_scan_is_marked_and_expiry_starts_the_day_after_valid_until(client, make):
    from sisakat.models import SigningMethod

    letter = make.issued_letter(signing_method=SigningMethod.SCAN, validation_report=None)
    html = page(client, f"/verifikasi/{letter.token}")
    assert "Tidak ditandatangani secara elektronik" in html
    assert "Ringkasan pemeriksaan tanda tangan" not in html
    last_day = letter.valid_until
    assert letter_registry.public_view(letter, last_day).banner == "BERLAKU"
    expired = letter_registry.public_view(letter, last_day + timedelta(days=1))
    assert expired.banner == "KEDALUWARSA"
    assert (
        "status pencabutan sertifikat: diperiksa"
        in page(client, f"/verifikasi/{make.issued_letter().token}").lower()
    )


def test_ormas_letter_is_named_by_its_frozen_title_and_applicant_kind(client, make):
    """The page names what the letter is (its printed title) and who reported, per service."""
    import json

    ormas = make.ormas(party_name="Perkumpulan Contoh Lestari", abbreviation="PCL")
    letter = make.issued_letter(ormas, profile={"kind": "ormas", "level": ""})
    frozen = json.loads(letter.context_json)
    frozen["settings"] = {"letter": {"title": "SURAT KETERANGAN MELAPOR"}}
    letter.context_json = json.dumps(frozen)
    db.session.commit()
    text = page(client, f"/verifikasi/{letter.token}")
    assert "Surat Keterangan Melapor" in text
    assert "Organisasi kemasyarakatan" in text
    assert "Perkumpulan Contoh Lestari (PCL)" in text
    assert "Partai politik" not in text
    assert "Tingkat kepengurusan" not in text
    party_letter = make.issued_letter()
    party_text = page(client, f"/verifikasi/{party_letter.token}")
    assert "Surat Keterangan Terdaftar" in party_text  # frozen before titles: the old name
    assert "Partai politik" in party_text


def test_verification_page_reads_the_letter_once_and_not_the_board(app, client, make):
    """The letter comes with its signed file in one statement, without the board's officers
    (the page shows the frozen profile); counting a check does not read the counter back."""
    from tests.monitoring_helpers import count_queries

    letter = make.issued_letter()
    url, number = f"/verifikasi/{letter.token}", letter.number_text
    assert client.get(url).status_code == 200  # warm-up
    with count_queries() as counter:
        response = client.get(url)
    assert response.status_code == 200
    assert number in response.get_data(as_text=True)
    officers = [sql for sql in counter["sql"] if "FROM party_officers" in sql]
    counters = [sql for sql in counter["sql"] if "FROM rate_limit" in sql]
    files = [sql for sql in counter["sql"] if "FROM stored_files" in sql]
    assert (len(officers), len(counters), len(files)) == (0, 1, 0)


def test_the_code_typed_into_the_code_box_alone_finds_the_letter(client, make):
    """An officer holding only the code types it where the label says 'Kode verifikasi'; the
    number box beside it must neither block the form (required) nor refuse it."""
    letter = make.issued_letter()
    for query in ({"q": "", "kode": letter.token.lower()}, {"kode": letter.token}):
        answer = client.get("/cek-surat", query_string=query)
        assert answer.status_code == 302, query
        assert answer.headers["Location"].endswith(f"/verifikasi/{letter.token}")
    for url in ("/", "/cek-surat"):
        box = re.search(r'<input[^>]*name="q"[^>]*>', client.get(url).get_data(as_text=True))
        assert box is not None, url
        assert " required" not in box.group(0), url
    empty = client.get("/cek-surat", query_string={"q": " ", "kode": ""}).get_data(as_text=True)
    assert "Isi kode verifikasi yang tercetak di bawah kode QR" in empty
    assert "Surat tidak ditemukan" not in empty


def test_the_two_check_boxes_say_what_each_is_for(client):
    """'Nomor surat atau kode verifikasi' beside 'Kode verifikasi' read as one box twice; now the
    code box comes first under its own name with where to find the code, and the number box says
    it is optional. Sent empty, the message stands under the code box."""
    for url in ("/", "/cek-surat"):
        html = client.get(url).get_data(as_text=True)
        kode = html.index('for="kode">Kode verifikasi</label>')
        number = html.index('for="q">Nomor surat (opsional)</label>')
        assert kode < number, url
        assert "Nomor surat atau kode verifikasi" not in html, url
        assert re.search(r'<input[^>]*aria-describedby="kode-help"[^>]*name="kode"', html), url
        assert "26 huruf dan angka yang tercetak di bawah kode QR." in html, url
    empty = client.get("/cek-surat", query_string={"q": "", "kode": ""}).get_data(as_text=True)
    assert re.search(r'<div id="kode-error"><div[^>]*>Isi kode verifikasi', empty)
    assert 'id="q-error"' not in empty


def test_the_compare_address_opened_again_leads_back_to_the_letter(client, make):
    """After a comparison the address bar shows ``.../bandingkan``; opened again later (copied,
    shared, from the history) it answered "Metode tidak diizinkan". It now leads to the letter's
    page, which says what the token is worth (an unknown one gets the usual 404 there)."""
    letter = make.issued_letter()
    again = client.get(f"/verifikasi/{letter.token}/bandingkan")
    assert again.status_code == 302
    assert again.headers["Location"] == f"/verifikasi/{letter.token}"
    assert again.headers["Referrer-Policy"] == "no-referrer"
    assert "BERLAKU" in page(client, again.headers["Location"])
    unknown = client.get("/verifikasi/BUKAN-TOKEN/bandingkan", follow_redirects=True)
    assert unknown.status_code == 404


def test_a_pasted_link_with_a_trailing_slash_opens_the_letter(client, make):
    """``/verifikasi/<code>/`` (a link pasted from a chat or a document) leads to the letter's
    page, not to "not found", which would cast doubt on a genuine letter."""
    letter = make.issued_letter()
    db.session.commit()
    response = client.get(f"/verifikasi/{letter.token}/")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/verifikasi/{letter.token}"
    assert "BERLAKU" in page(client, response.headers["Location"])
    assert client.get("/verifikasi/TIDAKADA/", follow_redirects=True).status_code == 404


def test_a_number_typed_from_paper_with_spaces_or_lower_case_still_finds_the_letter(client, make):
    """Whoever checks a paper letter types its number by hand ("200.1.5.3 / 7 / ban.kbp /
    2025"); with the right code the page said no such letter was issued, an untrue alarm. The
    code still decides: another letter's number typed so finds nothing."""
    letter, other = make.issued_letter(), make.issued_letter()
    for typed in (
        letter.number_text.replace("/", " / "),
        letter.number_text.lower(),
        letter.number_text.replace("/", "/ ", 1).title(),
    ):
        found = client.get("/cek-surat", query_string={"q": typed, "kode": letter.token})
        assert found.status_code == 302, typed
        assert found.headers["Location"].endswith(f"/verifikasi/{letter.token}")
        mixed = {"q": other.number_text.lower(), "kode": letter.token}
        assert "Surat tidak ditemukan" in page_of(client.get("/cek-surat", query_string=mixed))


def page_of(response) -> str:
    return response.get_data(as_text=True)


def test_a_check_by_code_costs_one_of_the_allowance(app, client, make):
    """Found by users: a check by code counted twice (the check, then the letter page it leads
    to), so someone checking a pile of letters was refused after half the allowance."""
    fixed_clock(app)
    letter = make.issued_letter()
    for _ in range(60):
        checked = client.get(f"/cek-surat?kode={letter.token}", follow_redirects=True)
        assert checked.status_code == 200
        assert checked.request.path == f"/verifikasi/{letter.token}"
    assert client.get(f"/cek-surat?kode={letter.token}").status_code == 429
    assert client.get(f"/verifikasi/{letter.token}").status_code == 429


def test_a_check_finding_nothing_still_counts(app, client, make):
    fixed_clock(app)
    for _ in range(60):
        assert client.get(f"/cek-surat?kode={make.letter_token()}").status_code == 200
    assert client.get(f"/cek-surat?kode={make.letter_token()}").status_code == 429
