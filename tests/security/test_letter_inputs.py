"""Hostile input on the verification, lookup, register and revoke forms: never a 500, and a
hostile revoke form leaves the letter in force."""

from __future__ import annotations

import io

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, LetterStatus, Role

NASTY = ["\x00", "A" * 5000, "<script>x</script>", "' OR 1=1 --", "\u202e", "%00", "9" * 40]


def test_public_forms_answer_hostile_input_without_500(app, client, make):
    letter = make.issued_letter()
    for value in NASTY:
        for query in (
            {"q": value},
            {"q": letter.number_text, "kode": value},
            {"q": "x", "kode": ""},
        ):
            assert client.get("/cek-surat", query_string=query).status_code in (200, 302)
        assert client.get(f"/verifikasi/{value.replace('%', '')}").status_code in (404, 405)
    url = f"/verifikasi/{letter.token}/bandingkan"
    assert client.post(url, data={}).status_code == 200
    assert client.post(url, data={"berkas": (io.BytesIO(b""), "kosong.pdf")}).status_code == 200
    assert client.post(url, data={"berkas": "bukan berkas"}).status_code == 200


def test_register_and_revoke_answer_hostile_input_without_500(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    letter = make.issued_letter()
    version = letter.version
    for value in NASTY:
        query = {"status": value, "tahun": value, "partai": value, "page": value, "q": value}
        for path in ("/admin/surat", "/admin/surat.xlsx", "/admin/surat.csv"):
            assert admin.get(path, query_string=query).status_code == 200, path
        data = {"reason": value, "confirm": value, "version": value}
        answer = admin.post(f"/admin/surat/{letter.id}/cabut", data=data)
        assert answer.status_code in (200, 302)  # refused: the register again, or a redirect
        db.session.refresh(letter)
        assert (letter.status, letter.revoked_at, letter.version) == (
            LetterStatus.BERLAKU,
            None,
            version,
        )
        assert letter.application.status == ApplicationStatus.TERBIT
    assert admin.get("/admin/surat", query_string={"page": "-3"}).status_code == 200
    assert admin.get("/admin/surat", query_string={"tahun": "99999999"}).status_code == 200


def test_huge_ids_in_urls_give_404(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    party = login_as(make.party().account)
    huge = "9" * 30
    assert admin.post(f"/admin/surat/{huge}/cabut", data={"reason": "x"}).status_code == 404
    assert party.get(f"/pemohon/permohonan/{huge}/survei").status_code == 404
