"""Access rows for applications, documents, verification, requirement lists, audit log, bell."""

from sisakat.extensions import db
from sisakat.models import (
    ApplicationDocument,
    ApplicationRequirement,
    ReasonTemplate,
    Requirement,
    Role,
)
from tests import factories
from tests.security.matrix import LOGIN, Expect, logged_in, pemohon_only, staff

STAFF = (Role.VERIFIKATOR, Role.PENANDATANGAN, Role.SUPERADMIN)
OWNER_GET = pemohon_only(owner_only=True)
OWNER_POST = pemohon_only("POST", owner_only=True)
VERIFIER_POST = staff(Role.VERIFIKATOR, method="POST")
ADMIN = staff(Role.SUPERADMIN)

ROWS = {
    "submission.create_application": pemohon_only("POST"),
    "submission.application_detail": OWNER_GET,
    "submission.upload_document": OWNER_POST,
    "submission.submit_application": OWNER_POST,
    "submission.cancel_application": OWNER_POST,
    "submission.resubmit_application": OWNER_POST,
    "submission.download_document": OWNER_GET,
    "verification.application_review": staff(*STAFF),
    "verification.claim_application": VERIFIER_POST,
    "verification.take_over_application": VERIFIER_POST,
    "verification.judge_document": VERIFIER_POST,
    "verification.return_application": VERIFIER_POST,
    "verification.reject_application": VERIFIER_POST,
    "verification.approve_application": VERIFIER_POST,
    "verification.download_document": staff(*STAFF),
    "verification.application_logo": staff(*STAFF),
    "admin.requirement_list": ADMIN,
    "admin.requirement_new": ADMIN,
    "admin.requirement_edit": ADMIN,
    "admin.requirement_move": staff(Role.SUPERADMIN, method="POST"),
    "admin.reason_list": ADMIN,
    "admin.reason_edit": ADMIN,
    "admin.audit_log": ADMIN,
    "auth.notifications": logged_in(),
    "auth.keep_alive": Expect(LOGIN, 204, 204, 204, 204, 204),  # an empty answer
    "auth.mark_notifications_read": logged_in("POST"),
}


def setup(world) -> None:
    """Party A's draft application with every document uploaded."""
    application = factories.application(world.args["party_a"])
    item = (
        db.session.execute(
            db.select(ApplicationRequirement).where(
                ApplicationRequirement.application_id == application.id
            )
        )
        .scalars()
        .first()
    )
    document = db.session.execute(
        db.select(ApplicationDocument).where(
            ApplicationDocument.application_requirement_id == item.id
        )
    ).scalar_one()
    world.args.update(
        application_id=application.id,
        item_id=item.id,
        document_id=document.id,
        requirement_id=db.session.execute(db.select(Requirement.id)).scalars().first(),
        reason_id=db.session.execute(db.select(ReasonTemplate.id)).scalars().first(),
    )
