"""Indeks Kepuasan Masyarakat (IKM) as PermenPANRB 14/2017 defines it. Pure: no DB, no Flask.

NRR per element = sum of the element's scores / respondents.
IKM = (sum over the 9 elements of NRR x 1/9) x 25, on the 25-100 scale.

Weight: we use the exact 1/9 (practitioners often write 0,111 or 0,11, which gives 99,00 instead of
100 for a perfect score). Arithmetic is exact (fractions); NRR and IKM are then rounded half-up to
two decimals, the precision the bands are written in. The band is decided on the ROUNDED IKM, so
there is no gap between 88,30 and 88,31: a raw 76,608 shows as 76,61 and is band B, as printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ELEMENTS = (
    "Persyaratan",
    "Sistem, mekanisme dan prosedur",
    "Waktu penyelesaian",
    "Biaya/tarif",
    "Produk spesifikasi jenis pelayanan",
    "Kompetensi pelaksana",
    "Perilaku pelaksana",
    "Penanganan pengaduan, saran dan masukan",
    "Sarana dan prasarana",
)
WEIGHT = Fraction(1, len(ELEMENTS))
CONVERSION = 25
FORMULA = "IKM = (NRR U1 × 1/9 + NRR U2 × 1/9 + … + NRR U9 × 1/9) × 25"
TWO = Decimal("0.01")


@dataclass(frozen=True)
class Band:
    """A quality band (mutu pelayanan) with its lower bound on the 25-100 scale."""

    letter: str
    label: str
    lower: Decimal
    upper: Decimal


BANDS = (
    Band("A", "Sangat Baik", Decimal("88.31"), Decimal("100.00")),
    Band("B", "Baik", Decimal("76.61"), Decimal("88.30")),
    Band("C", "Kurang Baik", Decimal("65.00"), Decimal("76.60")),
    Band("D", "Tidak Baik", Decimal("25.00"), Decimal("64.99")),
)


@dataclass(frozen=True)
class IkmResult:
    """A computed report: NRR per element, weighted NRR, IKM and its band."""

    respondents: int
    totals: tuple[int, ...]
    nrr: tuple[Decimal, ...]
    weighted: tuple[Decimal, ...]
    ikm: Decimal | None
    band: Band | None


def round2(value: Fraction, places: Decimal = TWO) -> Decimal:
    """Half-up rounding (two decimals unless ``places`` says otherwise) of an exact fraction."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(places, rounding=ROUND_HALF_UP)


def band_for(ikm: Decimal) -> Band:
    """The band of a two-decimal IKM value (25,00-100,00)."""
    for band in BANDS:
        if ikm >= band.lower:
            return band
    return BANDS[-1]


def compute(responses: Iterable[Sequence[int]]) -> IkmResult:
    """NRR per element and the IKM of a list of 9-score answers (each 1-4)."""
    rows = [tuple(r) for r in responses]
    for row in rows:
        if len(row) != len(ELEMENTS) or any(s not in (1, 2, 3, 4) for s in row):
            raise ValueError("each response needs nine scores between 1 and 4")
    n = len(rows)
    totals = tuple(sum(r[i] for r in rows) for i in range(len(ELEMENTS)))
    if n == 0:
        zero = tuple(Decimal("0.00") for _ in ELEMENTS)
        return IkmResult(0, totals, zero, zero, None, None)  # no respondents: no index
    nrr = [Fraction(t, n) for t in totals]
    exact_ikm = sum(x * WEIGHT for x in nrr) * CONVERSION
    ikm = round2(exact_ikm)
    return IkmResult(
        respondents=n,
        totals=totals,
        nrr=tuple(round2(x) for x in nrr),
        weighted=tuple(round2(x * WEIGHT, Decimal("0.001")) for x in nrr),
        ikm=ikm,
        band=band_for(ikm),
    )
