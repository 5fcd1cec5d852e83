"""Access rows for accounts (auth blueprint) and user administration (admin.*user*)."""

from sisakat.models import Role
from tests.security.matrix import OK, Expect, logged_in, staff

ADMIN_ONLY = staff(Role.SUPERADMIN)
ADMIN_POST = staff(Role.SUPERADMIN, method="POST")

ROWS = {
    "auth.login": Expect(OK, 302, 302, 302, 302, 302),  # logged in: sent home
    "auth.logout": logged_in(method="POST"),
    "auth.register": Expect(OK, 302, 302, 302, 302, 302),
    "auth.change_password": logged_in(),
    "admin.user_list": ADMIN_ONLY,
    "admin.create_user": ADMIN_ONLY,
    "admin.edit_user": ADMIN_ONLY,
    "admin.deactivate_user": ADMIN_POST,
    "admin.activate_user": ADMIN_POST,
    "admin.reset_password": ADMIN_POST,
}


def setup(world) -> None:
    """A separate staff account as the target, so no matrix user is deactivated mid-walk."""
    from tests import factories

    world.args["user_id"] = factories.user(Role.VERIFIKATOR).id
