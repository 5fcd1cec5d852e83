"""Access rows for the public verification page, the letter register (and its exports) and the
survey after issue."""

from dataclasses import replace

from sisakat.models import Role
from tests import factories
from tests.security.matrix import Expect, pemohon_only, public, staff

ROWS = {
    "public.verify_letter": public(),
    "public.compare_letter": public("POST"),
    # The compare address opened with GET: back to the letter's page, for anyone.
    "public.compare_letter_again": Expect(302, 302, 302, 302, 302, 302),
    # The letter's address with a trailing slash: to the letter's page, for anyone.
    "public.verify_letter_slash": Expect(302, 302, 302, 302, 302, 302),
    # Off by default (verification.allow_download): the same 404 for everyone.
    "public.download_letter": Expect(404, 404, 404, 404, 404, 404),
    "admin.letter_register": staff(Role.SUPERADMIN),
    "admin.letter_register_xlsx": staff(Role.SUPERADMIN),
    "admin.letter_register_csv": staff(Role.SUPERADMIN),
    "admin.revoke_letter": replace(
        staff(Role.SUPERADMIN, method="POST"), args=(("letter_id", "issued_letter_id"),)
    ),
    # Party A's own Terbit application; party B gets 404.
    "submission.application_survey": replace(
        pemohon_only(owner_only=True), args=(("application_id", "issued_application_id"),)
    ),
}


def setup(world) -> None:
    """Party A's issued letter (Berlaku) and its Terbit application."""
    letter = factories.issued_letter(world.args["party_a"])
    world.args.update(
        token=letter.token,
        issued_letter_id=letter.id,
        issued_application_id=letter.application_id,
    )
