"""Access rows for the letter-number and letter-settings admin screens."""

from datetime import date

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import numbering
from tests.security.matrix import staff

ADMIN = (Role.SUPERADMIN,)

ROWS = {
    "admin.numbering_settings": staff(*ADMIN, method="POST"),
    "admin.number_register": staff(*ADMIN),
    "admin.number_void": staff(*ADMIN, method="POST"),
    "admin.letter_settings_edit": staff(*ADMIN, method="POST"),
    "admin.letter_preview": staff(*ADMIN),
}


def setup(world) -> None:
    """A number in the register for the void endpoint."""
    number = numbering.allocate("skt", local_date=date(2025, 6, 13), actor=None)
    db.session.commit()
    world.args["number_id"] = number.id
