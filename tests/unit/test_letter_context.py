"""The pure letter-context builder: Indonesian values, signatory lines, drafts without a QR."""

from datetime import date

from sisakat.services.letter_context import profile_dict, sample_profile
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


def test_profile_dict_from_a_party_row(app, make):
    party = make.party()
    profile = profile_dict(party)
    ctx = h.context(profile)
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
