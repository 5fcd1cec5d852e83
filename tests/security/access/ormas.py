"""Access rows for the registry of reported ormas (issue 7)."""

from sisakat.models import Role
from tests.security.matrix import staff

STAFF = staff(Role.VERIFIKATOR, Role.PENANDATANGAN, Role.SUPERADMIN)

ROWS = {
    "reports.ormas_register": STAFF,
    "reports.ormas_register_xlsx": STAFF,
}
