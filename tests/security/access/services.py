"""Access rows for the "Layanan" admin screens (services as data)."""

from sisakat.models import Role
from tests.security.matrix import staff

ADMIN = (Role.SUPERADMIN,)

ROWS = {
    "admin.service_list": staff(*ADMIN),
    "admin.service_new": staff(*ADMIN, method="POST"),
    "admin.service_edit": staff(*ADMIN, method="POST"),
}


def setup(world) -> None:
    """The built-in party SKT service for the edit screen."""
    world.args.setdefault("service_code", "skt_parpol")
