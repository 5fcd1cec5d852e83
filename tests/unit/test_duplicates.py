"""The similar-ormas rule (services/duplicates.py): normalised names, abbreviations, chairs."""

import pytest

from sisakat.services import duplicates


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Perkumpulan Pemuda Peduli Sungai", "PEMUDA PEDULI SUNGAI"),
        ("Yayasan Cahaya Contoh", "Organisasi Kemasyarakatan Cahaya-Contoh"),
        ("Ormas Pemuda  Peduli,  Sungai", "Pemuda Peduli Sungai."),
        ("Pemuda Peduli Sungai", "Pemuda Pedulli Sungai"),  # one typo
    ],
)
def test_names_alike_after_normalising(a, b):
    assert duplicates.names_alike(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Pemuda Peduli Sungai", "Ibu Peduli Pendidikan"),
        ("Perkumpulan Tani Makmur", "Perkumpulan Nelayan Sejahtera"),
        ("", "Pemuda Peduli Sungai"),
    ],
)
def test_different_names_are_not_alike(a, b):
    assert not duplicates.names_alike(a, b)


def test_a_name_of_common_words_only_still_compares():
    assert duplicates.name_key("Perkumpulan") == "perkumpulan"
    assert not duplicates.names_alike("Perkumpulan", "Yayasan")


def test_similar_ormas_by_name_abbreviation_and_chair(app, make):
    river = make.ormas(party_name="Perkumpulan Pemuda Peduli Sungai", abbreviation="P3S")
    other = make.ormas(party_name="Ikatan Nelayan Contoh", abbreviation="INC", chair="Hadi Contoh")
    make.party(party_name="Pemuda Peduli Sungai", abbreviation="P3S")  # a party is not an ormas

    by_name = duplicates.similar_ormas(name="Pemuda Peduli Sungai")
    assert [(s.party_id, s.reasons) for s in by_name] == [(river.id, ("nama mirip",))]
    by_abbr = duplicates.similar_ormas(name="Lain Sama Sekali", abbreviation="p.3.s")
    assert [(s.party_id, s.reasons) for s in by_abbr] == [(river.id, ("singkatan sama",))]
    by_chair = duplicates.similar_ormas(name="Lain Sama Sekali", chair="  hadi   CONTOH ")
    assert [(s.party_id, s.reasons) for s in by_chair] == [(other.id, ("ketua sama",))]
    assert duplicates.similar_ormas(name="Lain Sama Sekali", abbreviation="LSS", chair="X Y") == []
    assert by_name[0].city == river.city
    assert by_name[0].abbreviation == "P3S"


def test_similar_to_excludes_itself_and_is_empty_for_parties(app, make):
    first = make.ormas(party_name="Perkumpulan Pemuda Peduli Sungai")
    second = make.ormas(party_name="Pemuda Peduli Sungai Contoh Ilir", chair="Dedi Contoh")
    hint = duplicates.similar_to(second)
    assert [s.party_id for s in hint] == [first.id]
    assert "ketua sama" in hint[0].reasons  # the factory's chair is the same person
    assert duplicates.similar_to(make.party()) == []
