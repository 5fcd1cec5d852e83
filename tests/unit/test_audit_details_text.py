"""``audit_labels.details_text``: every shape a stored detail can take reads as words."""

from __future__ import annotations

import json

import pytest

from sisakat.services.audit_labels import MAX_TEXT, details_text


def _text(details, action: str = "contoh.isi") -> str:
    raw = details if isinstance(details, str) else json.dumps(details, sort_keys=True)
    return details_text(action, raw, setting_labels={"agency.name": "Nama instansi"})


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("", ""),
        ({}, ""),
        (
            {"keys": ["agency.name", "backup.last_at"]},
            "Pengaturan: Nama instansi, Waktu cadangan terakhir",
        ),
        (
            {"found": {"nomor": "1/2", "nama": None}},
            "Terbaca dari berkas bertanda tangan: nama: —, nomor: 1/2",
        ),
        ({"encrypted": False, "files": 0}, "Jumlah berkas: 0; Terenkripsi: tidak"),
        (
            {"verdict": "tidak_sesuai", "application_id": 4},
            "Permohonan: #4; Penilaian: Tidak Sesuai",
        ),
        ({"sha256": "a" * 64}, "SHA-256: aaaaaaaaaaaa…"),
        (["x", 1], "x, 1"),
        ("bukan json {", "bukan json {"),
    ],
)
def test_each_shape_reads_as_words(details, expected):
    assert _text(details) == expected


def test_a_long_text_is_cut_with_an_ellipsis():
    text = _text({"reason": "x" * (MAX_TEXT + 50)})
    assert text == "Alasan: " + "x" * MAX_TEXT + "…"


def test_status_steps_read_as_labels_only_for_workflow_rows():
    steps = {"from": "perlu_perbaikan", "to": "diajukan"}
    assert _text(steps, "application.ajukan_ulang") == "Status: Perlu Perbaikan → Diajukan"
    assert _text({"from": 3, "to": 9}, "number.set_next") == "Dari: 3; Menjadi: 9"


def test_a_new_service_names_its_applicant_kind_in_words():
    """It read "Jenis: ormas", the stored code; other kinds (a reminder's) read as stored."""
    text = details_text(
        "service.create", '{"kind": "ormas", "series": "ormas_lingkungan"}', setting_labels={}
    )
    assert text == "Seri: ormas_lingkungan; Jenis: Organisasi Kemasyarakatan"
    assert details_text("reminder.sent", '{"kind": "term"}', setting_labels={}) == ("Jenis: term")


def test_every_detail_the_app_writes_reads_in_indonesian():
    """The log showed some details under their stored English keys: "entries: 7" (starter
    FAQ), "direction: -1" (a requirement moved), "similar confirmed: 3" (an ormas signed up
    beside a similar one), "candidate cancelled: ya" (a letter returned), "from name", "to
    name" and "idle since" (a review taken over). They read in Indonesian now."""
    assert _text({"entries": 7}, "faq.starter") == "Jumlah entri: 7"
    assert _text({"direction": -1}, "requirement.move") == "Arah: ke atas"
    assert _text({"direction": 1}, "requirement.move") == "Arah: ke bawah"
    assert _text({"similar_confirmed": [3, 5]}) == "Ormas serupa yang dikonfirmasi: #3, #5"
    assert _text({"candidate_cancelled": True}) == (
        "Unggahan bertanda tangan yang menunggu tinjauan dibatalkan: ya"
    )
    taken = _text(
        {"from_name": "Rina", "to_name": "Bayu", "idle_since": "2026-03-02T01:00:00"},
        "application.take_over",
    )
    assert taken == (
        "Petugas sebelumnya: Rina; Diambil alih oleh: Bayu; "
        "Tidak bertindak sejak (UTC): 2026-03-02T01:00:00"
    )
