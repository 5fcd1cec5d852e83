"""A service's active requirement list never names one document twice: a second "Surat
permohonan" (the form sent again after Back, two admins adding the same line) would be published
twice on the Standar Pelayanan and asked twice of every new application. The list check reads
before it writes, so the database holds the rule too: UNIQUE (service_code, name_key)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from sisakat.extensions import db
from sisakat.models import Requirement, Role, utcnow
from sisakat.services import requirements
from tests.workflow_http import page_text, seed_requirements
from tests.write_races import committed_at_the_write

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
    twin = Requirement(service_code="skt_parpol", name=f"{first.name.upper()} ", sort_order=999)
    twin.name_key = f"{first.name_key}#999"  # as migration b3d9e5a7c2f4 keeps an older twin
    db.session.add(twin)
    db.session.commit()
    home = page_text(admin.get("/admin/"))
    assert f"menyebut {first.name} dua kali" in home
    assert "/admin/persyaratan?layanan=skt_parpol" in home


def _other_admins_line(name: str):
    """Ani's new line called ``name`` commits just before Budi's save writes his."""
    now = utcnow()
    row = {"service_code": "skt_parpol", "name": name, "description": "", "required": True}
    row |= {"personal_data": False, "sort_order": 500, "active": True}
    row |= {"name_key": requirements.name_key(name), "created_at": now, "updated_at": now}
    insert = sa.insert(Requirement.__table__).values(**row)
    return committed_at_the_write(Requirement, lambda _line: insert, lambda line: line.id is None)


def test_two_admins_adding_one_name_at_once_the_second_is_refused_in_words(app, make, login_as):
    """Both saves pass the list check before either writes: before, both lines were stored
    and the document was published twice; now the database refuses Budi's INSERT, and he reads
    the check's own words beside the name, his typing kept, never a 500."""
    seed_requirements()
    budi = login_as(make.user(Role.SUPERADMIN))
    with _other_admins_line("Surat kuasa pengurus"):
        late = budi.post(
            "/admin/persyaratan/baru",
            data={"name": "surat  KUASA pengurus", "description": "Ketikan Budi", "active": "y"},
        )
    assert late.status_code == 200
    page = page_text(late)
    assert SAME in page
    assert "Ketikan Budi" in page
    db.session.expire_all()
    assert _named("Surat kuasa pengurus") == 1


def _add(session: Session, name: str, *, service: str = "skt_parpol", active: bool = True):
    session.add(Requirement(service_code=service, name=name, active=active, sort_order=1))
    session.commit()


def test_the_database_refuses_a_second_active_line_of_one_name_from_another_session(app):
    """Two sessions (two connections), as two requests: the second active "Surat kuasa" in
    another case and spacing is refused by the database itself; an inactive one, the same name
    in another service, and a name differing by an accent ("Dokumén": MariaDB's collation
    would call it the same) are not."""
    with Session(db.engine) as first, Session(db.engine) as second:
        _add(first, "Surat kuasa")
        second.add(Requirement(service_code="skt_parpol", name="  SURAT   kuasa", sort_order=2))
        with pytest.raises(sa.exc.IntegrityError):
            second.commit()
        second.rollback()
        _add(second, "surat KUASA", active=False)
        _add(second, "Surat kuasa", service="lapor_ormas")
        _add(first, "Dokumen lain")
        _add(second, "Dokumén lain")
        keys = second.execute(sa.select(Requirement.name_key).order_by(Requirement.id)).scalars()
        assert list(keys) == ["surat kuasa", None, "surat kuasa", "dokumen lain", "dokumén lain"]
        # switching the inactive twin back on is refused by the database too
        off = second.execute(sa.select(Requirement).filter_by(active=False)).scalar_one()
        off.active = True
        with pytest.raises(sa.exc.IntegrityError):
            second.commit()
        second.rollback()
        for session in (first, second):
            session.execute(sa.delete(Requirement))
            session.commit()
