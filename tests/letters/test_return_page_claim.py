"""Opening "Kembalikan ke Verifikator" while a head signs the letter in the app (a live claim,
``letter_claim``) says who is signing and since when, the submit disabled, before anything is
typed (only the submit was refused); no extra query while no claim is live."""

from sisakat.models import Role
from sisakat.services import settings
from tests import factories
from tests.letters import helpers as h


def _other(login_as):
    return login_as(factories.user(Role.SUPERADMIN, full_name="Admin Dua"))


def test_the_return_page_says_who_is_signing_before_anything_is_typed(app, login_as):
    letter = h.prepared_letter()
    since = h.claimed_by_head(letter)
    client = _other(login_as)
    url = f"/tte/surat/{letter.id}/kembalikan"
    page = client.get(url).get_data(as_text=True)
    note = f"Surat ini sedang ditandatangani oleh Kepala Satu sejak {settings.office_time(since)}"
    assert note in page
    assert 'type="submit" class="btn btn-danger" disabled' in page
    h.expire_claim(app, since)
    page = client.get(url).get_data(as_text=True)
    assert note not in page
    assert 'type="submit" class="btn btn-danger">' in page


def test_the_return_page_asks_for_the_signer_only_while_a_claim_is_live(app, login_as):
    letter = h.prepared_letter()
    client = _other(login_as)
    url = f"/tte/surat/{letter.id}/kembalikan"

    unclaimed, live, expired = h.statements_by_claim(app, letter, lambda: client.get(url))
    assert expired == unclaimed
    assert live == unclaimed + 1  # the signer's name
