"""The requirement list: defaults from DOMAIN.md, idempotent seeding, edits never alter
applications already created, and the init-data CLI command."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import ORMAS_LAPOR, ApplicationRequirement, ReasonTemplate, Requirement, Role
from sisakat.services import requirements


def _count(model) -> int:
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


def test_defaults_are_seeded_once(app):
    assert requirements.ensure_defaults() > 0
    assert requirements.ensure_defaults() == 0
    items = requirements.active_list()
    assert len(items) == 9
    assert [i.required for i in items] == [True] * 6 + [False] * 3
    assert [i.name for i in items if i.personal_data] == ["KTP ketua, sekretaris dan bendahara"]
    assert _count(ReasonTemplate) >= 2


def test_init_data_cli_is_idempotent(app, runner):
    first = runner.invoke(args=["init-data"])
    second = runner.invoke(args=["init-data"])
    assert first.exit_code == 0
    assert "Data awal siap" in second.output
    assert "(0 baris ditambahkan)" in second.output
    assert _count(Requirement) == len(requirements.DEFAULTS) + len(requirements.ORMAS_DEFAULTS)


def test_each_built_in_service_gets_its_own_default_list(app):
    requirements.ensure_defaults()
    ormas = requirements.active_list(ORMAS_LAPOR)
    assert [i.name for i in ormas] == [d[0] for d in requirements.ORMAS_DEFAULTS]
    assert {i.service_code for i in ormas} == {ORMAS_LAPOR}
    assert len(requirements.active_list()) == 9  # the party SKT list is unchanged


def test_editing_the_list_leaves_existing_applications_alone(app, make):
    application = make.application(documents=False)
    admin = make.user(Role.SUPERADMIN)
    ktp = next(r for r in requirements.active_list() if r.personal_data)
    requirements.save(ktp, {"name": "KTP seluruh pengurus", "active": False}, actor=admin)
    requirements.save(None, {"name": "Persyaratan baru", "sort_order": 5}, actor=admin)
    db.session.commit()
    names = (
        db.session.execute(
            db.select(ApplicationRequirement.name).where(
                ApplicationRequirement.application_id == application.id
            )
        )
        .scalars()
        .all()
    )
    assert "KTP ketua, sekretaris dan bendahara" in names
    assert "Persyaratan baru" not in names
    assert len(names) == 9
    assert requirements.active_list()[0].name == "Persyaratan baru"
