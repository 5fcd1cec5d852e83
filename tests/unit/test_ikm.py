"""IKM (PermenPANRB 14/2017) against hand-worked examples, including the band edges."""

from decimal import Decimal

import pytest

from sisakat.services import ikm

# Four respondents, worked by hand:
#   U1..U9 totals 14 13 11 16 13 13 15 11 12 (sum 118)
#   NRR 3,50 3,25 2,75 4,00 3,25 3,25 3,75 2,75 3,00 (sum 29,5)
#   IKM = 29,5 x 1/9 x 25 = 81,944... -> 81,94 -> B (Baik)
HAND_WORKED = [
    (4, 4, 3, 4, 3, 3, 4, 3, 3),
    (3, 3, 3, 4, 3, 3, 3, 3, 3),
    (4, 3, 2, 4, 3, 4, 4, 3, 3),
    (3, 3, 3, 4, 4, 3, 4, 2, 3),
]


def test_hand_worked_example():
    result = ikm.compute(HAND_WORKED)
    assert result.respondents == 4
    assert result.totals == (14, 13, 11, 16, 13, 13, 15, 11, 12)
    assert [str(x) for x in result.nrr] == [
        "3.50", "3.25", "2.75", "4.00", "3.25", "3.25", "3.75", "2.75", "3.00"
    ]  # fmt: skip
    assert result.weighted[0] == Decimal("0.389")  # 3,5 / 9
    assert result.ikm == Decimal("81.94")
    assert result.band.letter == "B"
    assert result.band.label == "Baik"


@pytest.mark.parametrize(
    ("answers", "expected", "letter"),
    [((4,) * 9, "100.00", "A"), ((1,) * 9, "25.00", "D"), ((3,) * 9, "75.00", "C")],
)
def test_uniform_answers(answers, expected, letter):
    result = ikm.compute([answers, answers])
    assert result.ikm == Decimal(expected)
    assert result.band.letter == letter


def spread(respondents: int, total: int) -> list[tuple[int, ...]]:
    """``respondents`` answers whose scores add up to ``total`` (IKM depends only on it)."""
    scores = [1] * (9 * respondents)
    extra = total - len(scores)
    for i in range(len(scores)):
        step = min(3, extra)
        scores[i] += step
        extra -= step
    assert extra == 0
    return [tuple(scores[i : i + 9]) for i in range(0, len(scores), 9)]


@pytest.mark.parametrize(
    ("respondents", "total", "shown", "letter"),
    [
        (24, 763, "88.31", "A"),  # 88,3102 -> 88,31: lower edge of A
        (19, 604, "88.30", "B"),  # 88,3041 -> 88,30: upper edge of B
        (19, 524, "76.61", "B"),  # 76,6082 rounds UP to 76,61: band of the shown value, B
        (26, 717, "76.60", "C"),  # 76,6026 -> 76,60: upper edge of C
        (5, 117, "65.00", "C"),  # exactly 65 (2,6 x 25): lower edge of C
        (38, 889, "64.99", "D"),  # 64,9854 -> 64,99: upper edge of D
    ],
)
def test_band_edges(respondents, total, shown, letter):
    result = ikm.compute(spread(respondents, total))
    assert result.ikm == Decimal(shown)
    assert result.band.letter == letter


@pytest.mark.parametrize(
    ("value", "letter"),
    [("100", "A"), ("88.31", "A"), ("88.30", "B"), ("76.61", "B"), ("76.60", "C"),
     ("65.00", "C"), ("64.99", "D"), ("25.00", "D")],
)  # fmt: skip
def test_band_for_two_decimal_values(value, letter):
    assert ikm.band_for(Decimal(value)).letter == letter


def test_no_respondents_gives_no_index_and_bad_scores_are_refused():
    assert ikm.compute([]).ikm is None
    with pytest.raises(ValueError, match="nine scores"):
        ikm.compute([(5, 4, 4, 4, 4, 4, 4, 4, 4)])
