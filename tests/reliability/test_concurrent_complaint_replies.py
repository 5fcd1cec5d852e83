"""Two staff send a reply to the same complaint at the same moment, both from pages showing
the same version: exactly one reply is stored, the other officer is told who answered (never
a 500, never two replies crossing unseen). On PostgreSQL/MariaDB both read the complaint
before either writes, so the versioned UPDATE is what refuses the second."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import Complaint, ComplaintStatus, Role
from sisakat.services import complaints
from tests.reliability.race import race


def _reply(text: str, seen: int):
    def move(complaint: Complaint, actor) -> None:
        complaints.respond(
            complaint,
            message=text,
            status=ComplaintStatus.DIPROSES,
            actor=actor,
            seen_version=seen,
        )

    return move


def test_two_replies_at_once_one_is_stored_the_other_told_who(app, make):
    complaint = make.complaint()
    ani = make.user(Role.VERIFIKATOR, full_name="Ani Petugas")
    budi = make.user(Role.VERIFIKATOR, full_name="Budi Petugas")
    complaint_id, seen = complaint.id, complaint.version
    moves = [(ani.id, _reply("Balasan Ani.", seen)), (budi.id, _reply("Balasan Budi.", seen))]
    results = race(app, Complaint, complaint_id, moves)
    assert results.count("ok") == 1, results
    loser = next(r for r in results if r != "ok")
    assert "Pengaduan ini sudah ditanggapi oleh" in loser, loser
    stored = complaints.timeline(db.session.get(Complaint, complaint_id))
    replies = [e.message for e in stored if e.message]
    assert replies in (["Balasan Ani."], ["Balasan Budi."])
    winner = "Ani Petugas" if replies == ["Balasan Ani."] else "Budi Petugas"
    assert winner in loser
