"""The pure letter-context builder: Indonesian values, signatory lines, drafts without a QR."""

import json
from datetime import date

import pytest

from sisakat.services.letter_profile import sample_profile
from tests.pdf import helpers as h


def test_fields_and_signature_lines():
    ctx = h.context()
    assert dict(ctx.fields)["Tingkat"] == "Provinsi Sumatera Selatan"
    assert dict(ctx.fields)["Nomor SK"].endswith(
        "tanggal 2 Mei 2025 dari Dewan Pimpinan Pusat Partai Contoh Sejahtera"
    )
    assert ctx.board[0] == ("Ketua", "Budi Contoh, S.H.")
    assert ctx.signature_nip == "NIP 19700101 199501 1 001"
    assert ctx.shown_date == "Palembang, 13 Juni 2025"
    assert ctx.has_qr


def test_acting_signatory_and_srikandi_mode():
    groups = h.groups()
    groups["signatory"].update(prefix="Plt.", on_behalf_of="")
    ctx = h.context(settings=groups, srikandi=True, issued_on=date(2026, 1, 1))
    assert ctx.signature_prefix == ("Plt.",)
    assert ctx.shown_number == "${nomor_naskah}"
    assert ctx.shown_date == "Palembang, ${tgl_naskah}"
    assert ctx.signature_mark == "${ttd_pengirim}"


def test_draft_never_carries_qr_or_footer():
    ctx = h.context(sample_profile(), draft=True)
    assert ctx.verification_url == ""
    assert ctx.footer == ""
    assert not ctx.has_qr


def test_the_letter_reads_a_boards_submission_snapshot(app, make):
    """The profile the letter is drawn from is the one frozen at submission."""
    from sisakat.services.letters import profile_from_snapshot
    from sisakat.services.workflow_guards import snapshot_profile

    application = make.application()
    party = application.party
    ctx = h.context(profile_from_snapshot(json.loads(snapshot_profile(application))))
    assert dict(ctx.fields)["Nama Partai"] == f"{party.party_name} ({party.abbreviation})"
    assert dict(ctx.fields)["Alamat"] == party.address_text
    assert len(ctx.board) == len(party.officers)


def test_admin_preview_shows_the_letters_own_signature_and_kop_lines():
    from sisakat.services import office
    from sisakat.services.letter_context import kop_lines

    groups = h.groups()
    groups["signatory"].update(prefix="a.n.", on_behalf_of="GUBERNUR SUMATERA SELATAN")
    ctx = h.context(settings=groups)
    expected = [*ctx.signature_prefix, ctx.signature_position, ctx.signature_region]
    assert office.signature_lines(groups["signatory"]) == [x for x in expected if x]
    assert kop_lines(groups["agency"]) == ctx.kop_lines


def test_ormas_letter_prints_its_own_profile_lines():
    ctx = h.context(sample_profile(kind="ormas"))
    assert [label for label, _value in ctx.fields] == [
        "Nama Ormas",
        "Bentuk",
        "Nomor SK Kemenkumham",
        "Bidang Kegiatan",
        "Alamat Sekretariat",
        "Akta Pendirian",
        "NPWP",
        "Masa Bakti",
    ]
    lines = dict(ctx.fields)
    assert lines["Nama Ormas"] == "Perkumpulan Pemuda Contoh Peduli (PPCP)"
    assert lines["Bentuk"] == "Berbadan hukum"
    assert lines["Nomor SK Kemenkumham"] == ("AHU-0001234.AH.01.07.TAHUN 2024 tanggal 4 Maret 2024")
    assert (
        lines["Akta Pendirian"]
        == "Nomor 12 tanggal 1 Februari 2024, notaris Sari Contoh, S.H., M.Kn."
    )
    assert lines["NPWP"] == "01.234.567.8-901.234"
    assert lines["Masa Bakti"] == "1 Maret 2024 s.d. 28 Februari 2029"
    assert ctx.board_label == "Susunan Pengurus"
    assert ctx.board[0] == ("Ketua", "Dedi Contoh")
    assert "Nama Partai" not in lines
    assert "Tingkat" not in lines


def test_ormas_lines_from_the_submission_snapshot_and_without_optional_data(app, make):
    import json

    from sisakat.services import letters, workflow_guards

    ormas = make.ormas(deed_number="", npwp="", legal_form=None)
    application = make.application(ormas)
    snapshot = json.loads(workflow_guards.snapshot_profile(application))
    assert snapshot["kind"] == "ormas"
    assert snapshot["legal_date"] == "2024-03-04"  # ISO text in the snapshot
    ctx = h.context(letters.profile_from_snapshot(snapshot))
    lines = dict(ctx.fields)
    assert "Akta Pendirian" not in lines
    assert "NPWP" not in lines
    assert lines["Bentuk"] == ""
    assert lines["Nomor SK Kemenkumham / SKT Kemendagri"].endswith("tanggal 4 Maret 2024")
    assert lines["Masa Bakti"] == "1 Maret 2024 s.d. 28 Februari 2029"
    assert lines["Alamat Sekretariat"] == ormas.address_text


def test_a_party_snapshot_keeps_the_party_lines(app, make):
    from sisakat.services import letters, workflow_guards

    party = make.party()
    snapshot = json.loads(workflow_guards.snapshot_profile(make.application(party)))
    assert snapshot["kind"] == "parpol"
    fields = h.context(letters.profile_from_snapshot(snapshot)).fields
    assert [label for label, _ in fields][:3] == ["Nama", "Jabatan", "Nama Partai"]


@pytest.mark.parametrize("typed", ["12", "No. 12", "nomor 12", "NO 12"])
def test_the_deed_number_gets_the_word_nomor_once(typed):
    from sisakat.services.letter_context import deed_text

    text = deed_text({"deed_number": typed, "deed_date": "2024-02-01", "notary_name": ""})
    assert text == "Nomor 12 tanggal 1 Februari 2024"
    assert deed_text({"deed_number": "Nomor", "deed_date": None}) == "Nomor Nomor"
    assert deed_text({"deed_number": "  ", "deed_date": "2024-02-01"}) == ""
