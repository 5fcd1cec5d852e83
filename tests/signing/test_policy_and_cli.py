"""SIG-9 key-usage policy, SIG-10 agreement with the pyhanko CLI, the report and SRIKANDI helper."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sisakat.exceptions import SignatureRejected
from sisakat.services.signing.pades import PadesBackend, SignJob
from sisakat.services.signing.report import assess, build_report
from sisakat.services.signing.validation import (
    extract_number_and_date,
    judge,
    match_letter,
    signed_revision_text,
)
from tests.pki import P12_PASSPHRASE
from tests.signing import bsre_helpers, pdfs
from tests.signing.cli import cli_validate


def test_sig9_digital_signature_only_follows_the_policy(pki, make_trust):
    signed = pdfs.sign(pdfs.letter_pdf(), pki.ds_only)
    strict = make_trust(allowed=[pki.ds_only], key_usage="non_repudiation")
    with pytest.raises(SignatureRejected, match="penggunaan kunci"):
        judge(signed, strict)
    relaxed = make_trust(allowed=[pki.ds_only], key_usage="digital_signature")
    assert judge(signed, relaxed).ok


ACCEPTED_FIXTURES = {
    "uploaded_back": lambda pki, fake: pdfs.sign(pdfs.letter_pdf(), pki.signer),
    "pades": lambda pki, fake: PadesBackend(pki.signer.p12_path).sign(
        pdfs.letter_pdf(), SignJob(), P12_PASSPHRASE
    ),
    "bsre_v1": lambda pki, fake: bsre_helpers.sign(fake, "v1"),
    "bsre_v2": lambda pki, fake: bsre_helpers.sign(fake, "v2"),
}


@pytest.mark.pdf_tools
@pytest.mark.parametrize("source", sorted(ACCEPTED_FIXTURES))
def test_sig10_pyhanko_cli_agrees_on_accepted_fixtures(pki, trust, fake_bsre, tmp_path, source):
    signed = ACCEPTED_FIXTURES[source](pki, fake_bsre)
    assert judge(signed, trust).ok
    assert cli_validate(signed, pki, tmp_path).endswith(":VALID")


def test_report_is_json_ready_and_records_offline(pki, trust):
    unsigned = pdfs.letter_pdf()
    signed = pdfs.sign(unsigned, pki.signer)
    verdict = judge(signed, trust)
    a = pdfs.PARTY_A
    match = match_letter(signed, unsigned=unsigned, code=a.code, number_text=a.number,
                         party_name=a.party, byte_range=verdict.byte_range)  # fmt: skip
    report = build_report(signed, verdict, match, key_usage_policy="non_repudiation", online=False)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["signer_fingerprint"] == pki.signer.fingerprint
    assert data["signer_common_name"] == "Dr. Contoh Pejabat, M.Si."
    assert "BSrE Uji Intermediate" in data["signer_issuer"]
    assert data["coverage"] == "ENTIRE_FILE"
    assert data["match_tier"] == "A"
    assert data["revocation_checked"] is False
    assert data["pyhanko_version"] == "0.38.0"
    assert len(data["file_sha256"]) == 64
    assert "judged VALID" in report.pretty_print_details()


def test_assess_accepts_party_a_and_sends_party_b_to_review(pki, trust):
    signed = pdfs.sign(pdfs.letter_pdf(), pki.signer)
    a, b = pdfs.PARTY_A, pdfs.PARTY_B
    ok = assess(signed, trust, unsigned=None, code=a.code, number_text=a.number, party_name=a.party)
    assert (ok.match.tier, ok.report.match_tier, ok.report.accepted) == ("B", "B", True)
    other = assess(
        signed, trust, unsigned=None, code=b.code, number_text=b.number, party_name=b.party
    )
    assert other.match.tier is None
    assert other.report.match_tier is None
    with pytest.raises(SignatureRejected):
        assess(pdfs.letter_pdf(), trust, unsigned=None, code="", number_text="", party_name="")


def test_srikandi_number_and_date_from_signed_revision(pki, trust):
    signed = pdfs.sign(pdfs.letter_pdf(), pki.signer)
    text = signed_revision_text(signed, judge(signed, trust).byte_range)
    text += "\nPalembang, 5 Agustus 2026"
    found = extract_number_and_date(text, r"200\.1\.5\.3/\d{3}/KBP/\d{4}")
    assert found.number == "200.1.5.3/017/KBP/2026"
    assert found.letter_date == date(2026, 8, 5)
    assert extract_number_and_date("tanpa nomor", r"\d+/X").number is None


def test_srikandi_date_is_the_place_and_date_line_not_an_earlier_date():
    text = (
        "Nomor: 200.1.5.3/017/KBP/2026\nSK Nomor 12 tanggal 15 Januari 2025, masa bakti "
        "1 Maret 2024 s.d. 28 Februari 2029.\nPalembang,\n5 Agustus 2026\nKEPALA BADAN"
    )
    pattern = r"200\.1\.5\.3/\d{3}/KBP/\d{4}"
    assert extract_number_and_date(text, pattern, "Palembang").letter_date == date(2026, 8, 5)
    assert extract_number_and_date(text, pattern).letter_date == date(2026, 8, 5)  # the last
    moved = text.replace("Palembang,\n5 Agustus 2026", "Palembang, 5 Agustus 2026\nTembusan")
    moved += "\nDicetak 9 September 2026"
    assert extract_number_and_date(moved, pattern, "Palembang").letter_date == date(2026, 8, 5)


def test_srikandi_date_in_the_old_spellings_of_february_and_november():
    """Many regional letters still date 'Palembang, 3 Nopember 2026' or '2 Pebruari 2027'
    (pre-EYD spellings): the date was not recognised, and the form was pre-filled with the
    board's term end from the body, a date the admin had to spot and correct."""
    body = "Masa bakti 1 Maret 2024 s.d. 28 Februari 2029.\n"
    pattern = r"200\.1\.5\.3/\d{3}/KBP/\d{4}"
    for line, day in (
        ("Palembang, 3 Nopember 2026", date(2026, 11, 3)),
        ("Palembang, 2 Pebruari 2027", date(2027, 2, 2)),
        ("Palembang, 2 PEBRUARI 2027", date(2027, 2, 2)),
    ):
        assert extract_number_and_date(body + line, pattern, "Palembang").letter_date == day
    impossible = extract_number_and_date(body + "Palembang, 30 Pebruari 2027", pattern)
    assert impossible.letter_date is None  # as for 30 Februari: the admin types the date
