"""Access rows for letters: the signing desk, the staff letter pages, the party's download."""

from sisakat.extensions import db
from sisakat.models import FileKind, LetterStatus, Role
from sisakat.services import storage
from tests import factories
from tests.letters import helpers as letters
from tests.security.matrix import LOGIN, Expect, pemohon_only, staff

SIGNERS = (Role.PENANDATANGAN, Role.SUPERADMIN)
STAFF = (Role.VERIFIKATOR, Role.PENANDATANGAN, Role.SUPERADMIN)

ROWS = {
    "signing.queue": staff(*SIGNERS),
    "signing.download_unsigned": staff(*SIGNERS),
    "signing.download_konsep": staff(*SIGNERS),
    # 404 for signers too while the office does not accept wet-signed scans (the default)
    "signing.download_wet_copy": Expect(LOGIN, 403, 403, 403, 404, 404),
    "signing.upload_signed": staff(*SIGNERS, method="POST"),
    "signing.confirm_number": staff(*SIGNERS, method="POST"),
    "signing.sign_letter": staff(*SIGNERS, method="POST"),
    "signing.sign_batch": staff(*SIGNERS, method="POST"),
    # GET shows the reason form, POST returns the application to its verifier
    "signing.return_letter": staff(*SIGNERS, method="POST"),
    "signing.review_candidate": staff(Role.SUPERADMIN),
    "signing.decide_candidate": staff(Role.SUPERADMIN, method="POST"),
    "signing.download_candidate": staff(Role.SUPERADMIN),
    "signing.signing_settings": staff(Role.SUPERADMIN),
    "verification.letter_preview": staff(*STAFF),
    "verification.letter_search": staff(*STAFF),
    "submission.download_letter": pemohon_only(owner_only=True),
}


def setup(world) -> None:
    """A letter awaiting manual review (another party's application) and party A's issued SKT."""
    letter = letters.prepared_letter(factories.party())
    candidate = storage.save_bytes(
        factories.pdf_bytes("Unggahan bertanda tangan uji"),
        kind=FileKind.SIGNED_CANDIDATE,
        content_type="application/pdf",
        display_name="unggahan.pdf",
        uploaded_by=None,
    )
    letter.candidate_file_id = candidate.id
    letter.status = LetterStatus.PERLU_TINJAUAN
    db.session.commit()
    world.args["letter_id"] = letter.id
    world.args["skt_id"] = letters.issued_letter(world.args["party_a"]).id
