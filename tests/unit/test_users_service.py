"""Rules of the user administration service that the web screens cannot reach directly."""

import pytest

from sisakat.models import Role
from sisakat.services import users
from sisakat.services.accounts import AccountError


def test_last_active_superadmin_cannot_be_deactivated_or_demoted(app, make):
    former = make.user(Role.SUPERADMIN, active=False)
    last = make.user(Role.SUPERADMIN)
    with pytest.raises(AccountError, match="setidaknya satu super admin"):
        users.set_active(last, False, actor=former)
    values = {"email": last.email, "full_name": "X", "role": Role.VERIFIKATOR}
    with pytest.raises(AccountError, match="setidaknya satu super admin"):
        users.update_user(last, actor=former, position="", nip=None, nik=None, **values)
    assert last.active
    assert last.role == Role.SUPERADMIN


def test_second_superadmin_may_be_deactivated_and_loses_sessions(app, make):
    actor = make.user(Role.SUPERADMIN)
    other = make.user(Role.SUPERADMIN)
    users.set_active(other, False, actor=actor)
    assert not other.active
    assert other.session_epoch == 1
