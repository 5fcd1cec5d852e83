"""A requirement the super admin marks as personal data ("Memuat data pribadi (mis. KTP):
setiap tampilan dicatat") after applications already hold it: the copy in each application
kept the old flag, so staff opening those KTP scans were not recorded and the retention purge
skipped them. Marking it personal now marks its copies too; unmarking leaves them personal."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import (
    ApplicationDocument,
    ApplicationRequirement,
    ApplicationStatus,
    AuditEvent,
    Requirement,
    Role,
)
from sisakat.services import requirements


def _copy(application, requirement) -> ApplicationRequirement:
    return db.session.execute(
        db.select(ApplicationRequirement).filter_by(
            application_id=application.id, requirement_id=requirement.id
        )
    ).scalar_one()


def _edit(admin, requirement: Requirement, *, personal: bool):
    data = {"name": requirement.name, "required": "y", "active": "y"}
    data["seen"] = requirements.seen_token(requirement)
    if personal:
        data["personal_data"] = "y"
    return admin.post(f"/admin/persyaratan/{requirement.id}", data=data)


def test_marking_a_requirement_personal_marks_the_copies_applications_hold(app, make, login_as):
    application = make.application(status=ApplicationStatus.DIAJUKAN)
    requirement = next(r for r in requirements.active_list() if not r.personal_data)
    admin = login_as(make.user(Role.SUPERADMIN))
    assert _edit(admin, requirement, personal=True).status_code == 302
    db.session.expire_all()
    assert _copy(application, requirement).personal_data is True
    document = db.session.execute(
        db.select(ApplicationDocument).where(
            ApplicationDocument.application_requirement_id == _copy(application, requirement).id
        )
    ).scalar_one()
    verifier = login_as(make.user(Role.VERIFIKATOR))
    url = f"/petugas/permohonan/{application.id}/dokumen/{document.id}?lihat=1"
    opened = verifier.get(url)
    assert opened.status_code == 200
    opened.close()
    logged = db.session.execute(
        db.select(AuditEvent).filter_by(action="document.view_personal", object_id=str(document.id))
    ).scalar_one_or_none()
    assert logged is not None
    # unmarking it later never un-marks a copy: a scan once called personal stays logged
    db.session.refresh(requirement)
    assert _edit(admin, requirement, personal=False).status_code == 302
    db.session.expire_all()
    assert _copy(application, requirement).personal_data is True
