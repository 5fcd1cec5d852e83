"""Profile completeness rules."""

from sisakat.services.parties import profile_problems


def test_complete_profile_without_logo_only_misses_logo(app, make):
    party = make.party()
    assert profile_problems(party) == ["Logo partai belum diunggah."]


def test_incomplete_profile_lists_missing_fields_and_officers(app, make):
    party = make.party(complete=False)
    problems = profile_problems(party)
    assert "Nama partai belum diisi." in problems
    assert "Susunan pengurus: Ketua atau Ketua Umum belum diisi." in problems
