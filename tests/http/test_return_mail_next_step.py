"""The e-mail a party gets when its application is returned for correction said only
"Permohonan Anda perlu perbaikan." and the verifier's note: nothing about what to do next. It
now says the next step as the dashboard does (open the application, upload again the documents
marked Tidak Sesuai, press Ajukan Ulang); the subject and the bell stay short."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import Action, ApplicationStatus, Notification, OutgoingEmail, Role, Verdict
from sisakat.services import workflow

NEXT_STEP = (
    "Langkah berikutnya: buka permohonan ini di SISAKAT, unggah ulang dokumen yang ditandai "
    "Tidak Sesuai (alasannya tertulis di sana), lalu tekan Ajukan Ulang."
)


def _returned(make):
    verifier = make.user(Role.VERIFIKATOR)
    application = make.application(status=ApplicationStatus.DIAJUKAN, verdict=Verdict.TIDAK_SESUAI)
    workflow.apply(application, Action.AMBIL, actor=verifier, seen_version=application.version)
    workflow.apply(
        application,
        Action.KEMBALIKAN,
        actor=verifier,
        seen_version=application.version,
        note="KTP ketua belum dilegalisir.",
    )
    db.session.commit()
    return application


def test_the_return_mail_says_what_to_do_next(app, make):
    application = _returned(make)
    to = application.party.account.email
    mails = db.select(OutgoingEmail).filter_by(to_address=to).order_by(OutgoingEmail.id)
    mail = db.session.execute(mails).scalars().all()[-1]
    body = " ".join(mail.body.split())
    assert "Permohonan Anda perlu perbaikan. Catatan: KTP ketua belum dilegalisir." in body
    assert NEXT_STEP in body
    assert body.index("Catatan:") < body.index(NEXT_STEP) < body.index("Pesan ini dikirim")
    assert mail.subject.endswith(": Permohonan Anda perlu perbaikan.")


def test_other_mails_and_the_bell_carry_no_such_step(app, make):
    _returned(make)
    bell = db.session.execute(db.select(Notification.message).order_by(Notification.id))
    assert (
        bell.scalars()
        .all()[-1]
        .endswith("Permohonan Anda perlu perbaikan. Catatan: KTP ketua belum dilegalisir.")
    )
    bodies = db.session.execute(db.select(OutgoingEmail.body).order_by(OutgoingEmail.id))
    # "sedang diverifikasi" first, then "perlu perbaikan"
    assert ["Langkah berikutnya" in " ".join(b.split()) for b in bodies.scalars()] == [False, True]
