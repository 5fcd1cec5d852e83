"""The complainant's copy of each staff step on a ticket, by e-mail, when the contact they left
is an e-mail address: the public form asks for "e-mail atau nomor HP untuk balasan", so a reply
must reach them without their having to keep checking the ticket link.

Only staff steps are mailed (their text, the status, the private ticket link): a complaint
itself never makes the office send anything to the address it names, so the public form cannot
be used to send mail to strangers. The message goes through the outbox (``mail.enqueue``) in
the reply's own transaction: no reply, no e-mail; sent when ``send-mail`` runs.
"""

from __future__ import annotations

from flask import current_app

from sisakat.models import Complaint, ComplaintEntry
from sisakat.services import contact_rules, mail

KIND = "complaint_reply"


def reply_address(complaint: Complaint) -> str:
    """The ticket's contact when it is an e-mail address (else "": a phone number, nothing)."""
    contact = (complaint.contact or "").strip()
    return contact if contact_rules.is_email(contact) else ""


def desk_note(complaint: Complaint) -> str:
    """What the reply form tells the officer about how the complainant learns of the reply."""
    seen = "Jawaban ini terlihat oleh pelapor melalui tautan tiketnya"
    if reply_address(complaint):
        if current_app.config.get("SMTP_HOST"):
            return f"{seen} dan dikirim ke e-mail pelapor di atas."
        return (
            f"{seen}. Server e-mail belum disetel: salinannya ke e-mail pelapor baru terkirim "
            "setelah server e-mail disetel."
        )
    if (complaint.contact or "").strip():
        return f"{seen}. Kontak pelapor bukan alamat e-mail: hubungi pelapor bila perlu."
    return f"{seen} (pelapor tidak meninggalkan kontak)."


def send_step(complaint: Complaint, entry: ComplaintEntry) -> None:
    """Queue the e-mail of one staff step to the complainant (nothing without an address)."""
    address = reply_address(complaint)
    if not address:
        return
    # The reply may be stored outside a request: ``page_url`` needs none.
    url = ticket_url(complaint)
    template = current_app.jinja_env.get_template(f"email/{KIND}.txt")
    body = template.render(
        name=complaint.name,
        ticket=complaint.ticket,
        status=entry.status.label,
        message=entry.message,
        url=url,
    )
    subject = f"[SISAKAT] Tanggapan pengaduan {complaint.ticket}: {entry.status.label}"
    mail.enqueue(address, subject, body, kind=KIND)


def ticket_url(complaint: Complaint) -> str:
    """The ticket's private link at the office's public address (the one e-mails and QR codes
    carry), or "" when none is set (the ticket page then shows the address it was opened at)."""
    return mail.page_url(
        "public.complaint_ticket", {"ticket": complaint.ticket, "secret": complaint.secret}
    )
