"""A survey form sent twice (a double tap, a reload resending the POST, Back and send again) is
one answer: each rendered form carries a one-time key stored UNIQUE with its answer (and in the
form's address), so the second send hears "Penilaian Anda sudah kami terima" and stores
nothing; a missing or forged key is a fresh answer."""

import re

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from sisakat.extensions import db
from sisakat.models import ELEMENT_COLUMNS, AuditEvent, SurveyResponse
from sisakat.services import survey
from tests.auth_helpers import use_clock
from tests.write_races import committed_at_the_write

ANSWERS = {f"u{i}": "4" for i in range(1, 10)} | {"service": "skt_parpol"}
THANKS = "Terima kasih, jawaban survei Anda sudah kami terima."
RECEIVED = "Penilaian Anda sudah kami terima"
KEY = re.compile(r'name="form_key" type="hidden" value="([A-Za-z0-9_-]+)"')


def _key(page: str) -> str:
    match = KEY.search(page)
    assert match, "the survey form carries no one-time key"
    return match.group(1)


def _fresh_key(client) -> str:
    """The key of the form a visitor gets on opening Survei."""
    return _key(client.get("/survei", follow_redirects=True).get_data(as_text=True))


def _count(model) -> int:
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


def test_the_same_form_sent_twice_is_one_answer_and_the_resend_is_refused_calmly(client):
    key = _fresh_key(client)
    # A send refused for a missing answer comes back with the same key.
    refused = client.post("/survei", data={"u1": "4", "form_key": key})
    assert _key(refused.get_data(as_text=True)) == key
    first = client.post("/survei", data={**ANSWERS, "form_key": key})
    second = client.post("/survei", data={**ANSWERS, "u3": "1", "form_key": key})
    assert (first.status_code, second.status_code) == (302, 302)
    assert first.headers["Location"] == second.headers["Location"] == "/"
    thanked = client.get("/").get_data(as_text=True)
    assert THANKS in thanked
    assert RECEIVED in thanked
    row = db.session.execute(db.select(SurveyResponse)).scalar_one()
    assert (row.form_key, row.u3) == (key, 4)
    actions = db.session.execute(db.select(AuditEvent.action)).scalars().all()
    assert actions.count("survey.submit") == 1


def test_two_forms_are_two_answers(client):
    keys = {_fresh_key(client) for _ in range(2)}
    assert len(keys) == 2
    for key in keys:
        assert client.post("/survei", data={**ANSWERS, "form_key": key}).status_code == 302
    assert _count(SurveyResponse) == 2


def test_a_resend_is_thanked_even_when_the_address_reached_its_limit(app, client):
    use_clock(app)
    keys = [_fresh_key(client) for _ in range(6)]
    for key in keys[:5]:
        assert client.post("/survei", data={**ANSWERS, "form_key": key}).status_code == 302
    # The fifth form again: it was stored, so "belum terkirim" (429) would be untrue.
    again = client.post("/survei", data={**ANSWERS, "form_key": keys[4]})
    assert again.status_code == 302
    assert client.post("/survei", data={**ANSWERS, "form_key": keys[5]}).status_code == 429
    assert _count(SurveyResponse) == 5


@pytest.mark.parametrize(
    "forged",
    [None, "", "pendek", "x" * 10_000, "a\x00b" * 11, "<b>" * 11],
    ids=["missing", "empty", "short", "huge", "nul", "markup"],
)
def test_a_missing_or_forged_key_is_a_fresh_answer_never_a_500(client, forged):
    data = dict(ANSWERS) if forged is None else {**ANSWERS, "form_key": forged}
    for _ in range(2):
        assert client.post("/survei", data=data).status_code == 302
    keys = db.session.execute(db.select(SurveyResponse.form_key)).scalars().all()
    assert len(set(keys)) == 2
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{32}", k) for k in keys)


def test_the_database_refuses_a_second_answer_with_the_same_key(app):
    survey.submit(survey.SurveyInput(answers=(3,) * 9, form_key="k" * 32))
    db.session.commit()
    db.session.add(SurveyResponse(form_key="k" * 32, **dict.fromkeys(ELEMENT_COLUMNS, 2)))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_the_service_returns_the_first_answer_when_the_key_is_taken(app):
    """The race two sends of one form can run (both past the page's check): the second INSERT
    fails on the key and the service hands back the first answer, storing and auditing nothing."""
    first = survey.submit(survey.SurveyInput(answers=(3,) * 9, form_key="r" * 32))
    second = survey.submit(survey.SurveyInput(answers=(1,) * 9, form_key="r" * 32))
    db.session.commit()
    assert second.id == first.id
    assert _count(SurveyResponse) == 1
    assert db.session.execute(db.select(SurveyResponse.u1)).scalar_one() == 3


def test_two_sends_at_once_store_one_answer_and_both_are_thanked(client):
    """The first send commits between the second's check and its INSERT (a double tap): the
    second fails on the key and gets the thanks, not "sudah diisi" or a 500. On MariaDB the
    lookup after the failure must read locked: a plain read sees the older snapshot."""
    if db.engine.dialect.name == "sqlite":
        pytest.skip(
            "SQLite lets one writer in at a time: the second send's transaction begins after "
            "the first committed, as in test_the_service_returns_the_first_answer_..."
        )
    key = _fresh_key(client)

    def first_send(obj) -> sa.Insert:
        values = dict.fromkeys(ELEMENT_COLUMNS, 4)
        return sa.insert(SurveyResponse).values(
            form_key=obj.form_key, service_code="skt_parpol", **values
        )

    with committed_at_the_write(SurveyResponse, first_send):
        second = client.post("/survei", data={**ANSWERS, "u1": "1", "form_key": key})
    assert second.status_code == 302
    assert THANKS in client.get("/").get_data(as_text=True)
    assert db.session.execute(db.select(SurveyResponse.u1)).scalars().all() == [4]


def test_the_party_survey_sent_twice_gets_the_same_thanks(app, make, login_as):
    """After issue: the same form again is thanked as the first send was; another form for the
    same application (a second tab) still hears that the survey was filled already."""
    letter = make.issued_letter()
    party = login_as(letter.application.party.account)
    url = f"/pemohon/permohonan/{letter.application_id}/survei"
    key = _key(party.get(url).get_data(as_text=True))
    answers = {k: v for k, v in ANSWERS.items() if k != "service"}
    first = party.post(url, data={**answers, "form_key": key})
    second = party.post(url, data={**answers, "form_key": key})
    assert (first.status_code, second.status_code) == (302, 302)
    assert first.headers["Location"] == second.headers["Location"] == "/pemohon/"
    assert THANKS in party.get("/pemohon/").get_data(as_text=True)
    other_tab = party.post(url, data=answers).get_data(as_text=True)
    assert "Survei untuk permohonan ini sudah diisi." in other_tab
    assert _count(SurveyResponse) == 1


def test_back_after_the_thanks_returns_to_the_same_form_which_counts_once(client):
    """The page is never cached (no-store), so Back after the thanks fetched /survei again and
    got a fresh key: the second send was a second answer. The form's key is in its address
    now; Back returns to that address, which says the answer is in, and a resend of the
    restored page (a browser keeping it in memory) is refused calmly."""
    opened = client.get("/survei")
    assert opened.status_code == 302
    address = opened.headers["Location"]
    key = _key(client.get(address).get_data(as_text=True))
    assert key in address
    assert client.post(address, data={**ANSWERS, "form_key": key}).status_code == 302
    back = client.get(address)
    page = back.get_data(as_text=True)
    assert back.status_code == 200
    assert RECEIVED in page
    assert 'name="form_key"' not in page  # nothing left to send again
    assert 'href="/survei"' in page  # another respondent starts a fresh form
    resent = client.post(address, data={**ANSWERS, "u2": "1", "form_key": key})
    assert resent.status_code == 302
    assert RECEIVED in client.get("/").get_data(as_text=True)
    assert _count(SurveyResponse) == 1


def test_the_next_respondent_on_the_same_tablet_is_counted(client):
    """A tablet at the counter: each visitor opens Survei afresh and is a separate answer."""
    for _ in range(2):
        address = client.get("/survei").headers["Location"]
        key = _key(client.get(address).get_data(as_text=True))
        assert client.post(address, data={**ANSWERS, "form_key": key}).status_code == 302
    assert _count(SurveyResponse) == 2


@pytest.mark.parametrize("forged", ["", "pendek", "x" * 500, "<b>" * 11])
def test_a_forged_key_in_the_address_gets_a_fresh_form_never_a_500(app, client, forged):
    client.get("/survei")  # a returning visitor: the session cookie is there
    opened = client.get("/survei", query_string={"k": forged})
    assert opened.status_code == 302
    fresh = opened.headers["Location"]
    assert re.fullmatch(r"/survei\?k=[A-Za-z0-9_-]{32}", fresh)
    assert 'name="form_key"' in client.get(fresh).get_data(as_text=True)
    first_visit = app.test_client().get("/survei", query_string={"k": forged})
    if forged:  # no cookie yet: the fresh form at once
        assert first_visit.status_code == 200
        assert _key(first_visit.get_data(as_text=True)) != forged


def test_a_form_address_passed_on_to_someone_else_opens_their_own_form(app, client):
    """The address bar holds the form's key: a visitor who copies it into a chat must not make
    everyone who opens it share one answer (the first send counted, the others heard "sudah
    kami terima"). Another browser opening that address gets a form of its own."""
    address = client.get("/survei").headers["Location"]
    key = _key(client.get(address).get_data(as_text=True))
    for visited in (False, True):  # a first visit, and a browser that was here before
        friend = app.test_client()
        if visited:
            friend.get("/survei")
        opened = friend.get(address, follow_redirects=True)
        theirs = _key(opened.get_data(as_text=True))
        assert theirs != key
        sent = friend.post(f"/survei?k={theirs}", data={**ANSWERS, "form_key": theirs})
        assert sent.status_code == 302
        assert THANKS in friend.get("/").get_data(as_text=True)
    assert client.post(address, data={**ANSWERS, "form_key": key}).status_code == 302
    assert _count(SurveyResponse) == 3


def test_a_browser_refusing_cookies_gets_a_form_not_a_redirect_loop(app):
    """The form's own address is remembered in the session: a browser that keeps no cookie
    still gets a form (after one redirect), never "too many redirects"."""
    cookieless = app.test_client(use_cookies=False)
    first = cookieless.get("/survei")
    assert first.status_code == 302
    second = cookieless.get(first.headers["Location"])
    assert second.status_code == 200, second.headers.get("Location")
    assert _key(second.get_data(as_text=True))
