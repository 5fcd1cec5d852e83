"""A service's active requirement list never names one document twice: a second "Surat
permohonan" (the form sent again after Back, two admins adding the same line) would be published
twice on the Standar Pelayanan and asked twice of every new application."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import Requirement, Role
from sisakat.services import requirements
from tests.workflow_http import page_text, seed_requirements

SAME = "Nama persyaratan ini sudah ada di daftar layanan ini"


def _named(name: str) -> int:
    return db.session.execute(
        db.select(db.func.count()).where(
            db.func.lower(Requirement.name) == name.lower(),
            Requirement.service_code == "skt_parpol",
        )
    ).scalar_one()


def test_adding_an_active_name_twice_is_refused_and_keeps_the_typing(app, make, login_as):
    seed_requirements()
    admin = login_as(make.user(Role.SUPERADMIN))
    before = len(requirements.all_requirements())
    taken = requirements.active_list()[0].name
    response = admin.post(
        "/admin/persyaratan/baru",
        data={"name": f"  {taken.upper()} ", "description": "Ketikan saya", "active": "y"},
    )
    assert response.status_code == 200
    page = page_text(response)
    assert SAME in page
    assert "Ketikan saya" in page
    assert len(requirements.all_requirements()) == before
    assert _named(taken) == 1


def test_renaming_or_reactivating_onto_an_active_name_is_refused(app, make, login_as):
    seed_requirements()
    admin = login_as(make.user(Role.SUPERADMIN))
    first, second = requirements.active_list()[:2]
    token = requirements.seen_token(second)
    renamed = admin.post(
        f"/admin/persyaratan/{second.id}",
        data={"name": first.name, "active": "y", "required": "y", "seen": token},
    )
    assert renamed.status_code == 200
    assert SAME in page_text(renamed)
    db.session.refresh(second)
    assert second.name != first.name
    # an inactive line may share the name; switching it back on may not
    off = admin.post(
        f"/admin/persyaratan/{second.id}",
        data={"name": first.name, "required": "y", "seen": token},
    )
    assert off.status_code == 302
    db.session.refresh(second)
    again = admin.post(
        f"/admin/persyaratan/{second.id}",
        data={"name": first.name, "active": "y", "seen": requirements.seen_token(second)},
    )
    assert SAME in page_text(again)
    db.session.refresh(second)
    assert second.active is False


def test_the_same_name_in_another_service_is_fine(app, make, login_as):
    seed_requirements()
    admin = login_as(make.user(Role.SUPERADMIN))
    name = requirements.active_list()[1].name  # "SK kepengurusan dari DPP": parties only
    assert name not in [r.name for r in requirements.active_list("lapor_ormas")]
    response = admin.post(
        "/admin/persyaratan/baru?layanan=lapor_ormas", data={"name": name, "active": "y"}
    )
    assert response.status_code == 302
    assert name in [r.name for r in requirements.active_list("lapor_ormas")]


def test_a_name_listed_twice_before_the_rule_is_named_on_the_admin_home(app, make, login_as):
    """Lists stored before the rule may hold a twin; the readiness list names it (advice) with
    the requirement list that fixes it."""
    seed_requirements()
    admin = login_as(make.user(Role.SUPERADMIN))
    home = page_text(admin.get("/admin/"))
    assert "dua kali" not in home
    first = requirements.active_list()[0]
    db.session.add(
        Requirement(service_code="skt_parpol", name=f"{first.name.upper()} ", sort_order=999)
    )
    db.session.commit()
    home = page_text(admin.get("/admin/"))
    assert f"menyebut {first.name} dua kali" in home
    assert "/admin/persyaratan?layanan=skt_parpol" in home
