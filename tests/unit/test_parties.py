"""Profile completeness rules."""

import pytest

from sisakat.extensions import db
from sisakat.services.parties import ProfileInvalid, profile_problems, save_profile


def test_complete_profile_without_logo_only_misses_logo(app, make):
    party = make.party()
    assert profile_problems(party) == ["Logo partai belum diunggah."]


def test_incomplete_profile_lists_missing_fields_and_officers(app, make):
    party = make.party(complete=False)
    problems = profile_problems(party)
    assert "Nama partai belum diisi." in problems
    assert "Susunan pengurus: Ketua atau Ketua Umum belum diisi." in problems


def test_service_drops_an_optional_row_without_a_name(app, make):
    """The rule lives in the service too: a caller other than the form gets the same board."""
    party = make.party(complete=False)
    rows = [
        ("Ketua", "Rina Contoh"),
        ("Wakil Ketua", ""),
        ("Sekretaris Jenderal", "Dodi Contoh"),
        ("Bendahara", "Maya Contoh"),
    ]
    account = party.account
    save_profile(account, {}, rows, actor=account, seen_version=party.version)
    db.session.commit()
    assert [o.position for o in party.officers] == ["Ketua", "Sekretaris Jenderal", "Bendahara"]


def test_service_still_refuses_a_required_position_without_a_name(app, make):
    party = make.party(complete=False)
    rows = [("Ketua", "Rina Contoh"), ("Sekretaris", "Dodi Contoh"), ("Bendahara", "")]
    account = party.account
    with pytest.raises(ProfileInvalid, match="Bendahara atau Bendahara Umum wajib diisi"):
        save_profile(account, {}, rows, actor=account, seen_version=party.version)
