"""Access rows for the party profile, logo, office settings and emblem endpoints."""

import io

from sisakat.extensions import db
from sisakat.models import FileKind, Role
from sisakat.services import images, settings
from tests.images_util import png_bytes
from tests.security.matrix import LOGIN, OK, Expect, pemohon_only, staff

ROWS = {
    "submission.party_profile": pemohon_only(),
    # Owner and staff see a party's logo; another party gets 404 (its existence is not revealed).
    "submission.party_logo": Expect(LOGIN, OK, 404, OK, OK, OK),
    "admin.settings_agency": staff(Role.SUPERADMIN),
    "admin.settings_signatory": staff(Role.SUPERADMIN),
    "admin.emblem": staff(Role.VERIFIKATOR, Role.PENANDATANGAN, Role.SUPERADMIN),
}


def setup(world) -> None:
    """Party A gets a logo (``party_id``); the office gets an emblem."""
    party = world.args["party_a"]
    logo = images.store_image(
        io.BytesIO(png_bytes()), kind=FileKind.LOGO, display_name="logo.png", uploaded_by=None
    )
    party.logo_file_id = logo.id
    emblem = images.store_image(
        io.BytesIO(png_bytes()), kind=FileKind.EMBLEM, display_name="lambang.png", uploaded_by=None
    )
    settings.update({"agency.emblem_file_id": emblem.id}, actor=None)
    db.session.commit()
    world.args["party_id"] = party.id
