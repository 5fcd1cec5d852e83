"""Indonesian texts of the reminders (one per kind of end date)."""

MESSAGES = {
    "masa_bakti": "Masa bakti kepengurusan {board} berakhir pada {date}. "
    "Ajukan perpanjangan SKT setelah kepengurusan baru ditetapkan.",
    "skt": "SKT {board} berlaku sampai {date}. Ajukan perpanjangan sebelum masa berlakunya habis.",
}
