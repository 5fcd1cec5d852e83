"""The revocation reason is printed on the public verification page (its first 200
characters), but the Cabut form said nothing of it: a reason naming a board member's NIK or
home address went public. The field says where the reason goes and what to leave out, and the
page shows the same cut the hint names."""

import re

from sisakat.models import Role
from sisakat.services.letter_public import SHORT_REASON
from tests.letter_helpers import page

HINT = "Ditampilkan di halaman verifikasi publik"


def test_the_cabut_form_says_the_reason_is_public_and_what_to_leave_out(app, make, login_as):
    letter = make.issued_letter()
    html = page(login_as(make.user(Role.SUPERADMIN)), "/admin/surat")
    help_id = f"reason-{letter.id}-help"
    assert re.search(rf'id="reason-{letter.id}"[^>]*aria-describedby="{help_id}"', html) or (
        re.search(rf'aria-describedby="{help_id}"[^>]*id="reason-{letter.id}"', html)
    )
    hint = re.search(rf'id="{help_id}"[^>]*>([^<]*)<', html).group(1)
    assert HINT in hint
    assert f"{SHORT_REASON} karakter pertama" in hint
    assert "NIK" in hint
    assert "alamat" in hint
