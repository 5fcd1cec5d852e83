"""The verifiers' queue: filters, longest waiting first, waiting time in office hours, and a
constant number of SQL queries per page whatever the number of applications; the review page
names the officer who claimed the application."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import event

from sisakat.extensions import db
from sisakat.models import (
    Application,
    ApplicationRequirement,
    ApplicationStatus,
    Level,
    Role,
    utcnow,
)


@contextmanager
def count_queries():
    """Count statements sent to the database inside the block."""
    counter = {"n": 0}

    def _count(*_args, **_kwargs):
        counter["n"] += 1

    event.listen(db.engine, "before_cursor_execute", _count)
    try:
        yield counter
    finally:
        event.remove(db.engine, "before_cursor_execute", _count)


def _applications(make, n: int, *, level=Level.PROVINSI) -> None:
    """``n`` submitted applications, oldest first, without going through uploads."""
    start = utcnow() - timedelta(days=3)
    for i in range(n):
        party = make.party(commit=False, level=level)
        db.session.flush()
        db.session.add(
            Application(
                party_id=party.id,
                open_party_id=party.id,
                status=ApplicationStatus.DIAJUKAN,
                status_changed_at=start + timedelta(minutes=i),
            )
        )
    db.session.commit()


def _queries_for_queue(client) -> int:
    client.get("/petugas/")  # warm-up: connection and caches
    with count_queries() as counter:
        response = client.get("/petugas/")
    assert response.status_code == 200
    return counter["n"]


def test_queue_query_count_same_for_2_and_200_applications(app, make, login_as):
    client = login_as(make.user(Role.VERIFIKATOR))
    _applications(make, 2)
    with_two = _queries_for_queue(client)
    _applications(make, 198)
    with_two_hundred = _queries_for_queue(client)
    assert with_two == with_two_hundred
    assert with_two <= 12


def newest_app() -> Application:
    """The most recently submitted application."""
    query = db.select(Application).order_by(Application.status_changed_at.desc()).limit(1)
    return db.session.execute(query).scalar_one()


def _board(application: Application) -> str:
    return application.party.board_name


def test_queue_filters_and_order(app, make, login_as):
    _applications(make, 3)
    _applications(make, 1, level=Level.KOTA)
    first, *_ = db.session.execute(
        db.select(Application).order_by(Application.status_changed_at)
    ).scalars()
    client = login_as(make.user(Role.VERIFIKATOR))
    page = client.get("/petugas/").get_data(as_text=True)
    assert page.index(first.party.board_name) < page.index("</tbody>")
    assert "Lewat janji layanan" in page
    kota = client.get("/petugas/?level=kota").get_data(as_text=True)
    assert kota.count("<tr>") == 2  # header + one application
    name = first.party.board_name
    found = client.get("/petugas/", query_string={"q": name.upper()}).get_data(as_text=True)
    assert name in found
    assert found.count("<tr>") == 2  # case-insensitive on every database, one match
    newest = client.get("/petugas/?urut=baru").get_data(as_text=True)
    assert newest.index(name) > newest.index(_board(newest_app()))
    bogus = client.get("/petugas/?status=<x>&halaman=-3&urut=zz")
    assert bogus.status_code == 200
    none = client.get("/petugas/?status=ditolak").get_data(as_text=True)
    assert "Tidak ada permohonan pada antrean ini." in none
    past = client.get("/petugas/?level=kota&halaman=99").get_data(as_text=True)
    assert "Tidak ada permohonan pada antrean ini." not in past  # there is one
    assert "Halaman 99 kosong; antrean ini berisi 1 permohonan." in past
    assert "halaman=1" in past
    assert "level=kota" in past


def test_queue_row_shows_documents_officer_and_review_link(app, make, login_as):
    """The page reads narrow rows (no ORM entities): each cell still comes from its own
    application: document versions, rejected versions, the claiming officer, the review link."""
    from sisakat.models import Verdict

    officer = make.user(Role.VERIFIKATOR, full_name="Budi Contoh")
    nameless = make.user(Role.VERIFIKATOR, full_name="")
    judged = make.application(
        status=ApplicationStatus.DIVERIFIKASI, claimed_by=officer, verdict=Verdict.TIDAK_SESUAI
    )
    by_username = make.application(status=ApplicationStatus.DIAJUKAN, claimed_by=nameless)
    plain = make.application(status=ApplicationStatus.DIAJUKAN, documents=False)
    versions = len(
        db.session.execute(
            db.select(ApplicationRequirement.id).where(
                ApplicationRequirement.application_id == judged.id
            )
        ).all()
    )
    assert versions > 1
    page = login_as(make.user(Role.VERIFIKATOR)).get("/petugas/").get_data(as_text=True)
    rows = {a.id: _row(page, a.party.board_name) for a in (judged, by_username, plain)}
    assert f'href="/petugas/permohonan/{judged.id}"' in rows[judged.id]
    assert "Budi Contoh" in rows[judged.id]
    # documents (requirements with a file) are counted, and the rejected ones by their newest file
    assert f"{versions} dokumen diunggah · {versions} dokumen tidak sesuai" in rows[judged.id]
    assert ">Berkas</th>" in page  # the column (folded into the applicant's cell on a phone)
    assert "Diverifikasi" in rows[judged.id]
    assert nameless.username in rows[by_username.id]
    assert f"{versions} dokumen diunggah</td>" in rows[by_username.id]
    assert "0 dokumen diunggah</td>" in rows[plain.id]
    assert "—" in rows[plain.id]


def test_a_rejected_version_replaced_since_is_not_counted_as_tidak_sesuai(app, make, login_as):
    from sisakat.models import ApplicationDocument, Verdict

    returned = make.application(status=ApplicationStatus.DIAJUKAN, verdict=Verdict.TIDAK_SESUAI)
    first = (
        db.session.execute(
            db.select(ApplicationDocument)
            .join(ApplicationRequirement)
            .where(ApplicationRequirement.application_id == returned.id)
            .order_by(ApplicationDocument.id)
        )
        .scalars()
        .all()
    )
    fixed = first[0]
    db.session.add(
        ApplicationDocument(
            application_requirement_id=fixed.application_requirement_id,
            version_no=2,
            stored_file_id=fixed.stored_file_id,
            uploaded_by_id=fixed.uploaded_by_id,
            page_count=1,
        )
    )
    db.session.commit()
    page = login_as(make.user(Role.VERIFIKATOR)).get("/petugas/").get_data(as_text=True)
    row = _row(page, returned.party.board_name)
    # every document was judged Tidak Sesuai; one has a new version since, so one fewer; the
    # replaced one is still one document (a verifier reading "7" of six would look for a 7th)
    assert f"{len(first)} dokumen diunggah · {len(first) - 1} dokumen tidak sesuai" in row


def _row(page: str, board_name: str) -> str:
    """The table row that names ``board_name``."""
    at = page.index(board_name)
    return page[page.rindex("<tr>", 0, at) : page.index("</tr>", at)]


def test_review_names_the_claiming_officer_without_a_doubled_full_stop(app, make, login_as):
    """A name with a title ends in a full stop already ("S.Sos."): the sentence adds none."""
    titled = make.user(Role.VERIFIKATOR, full_name="Rina Contoh, S.Sos.")
    plain = make.user(Role.VERIFIKATOR, full_name="Budi Contoh")
    for officer, shown in ((titled, "S.Sos.</strong></p>"), (plain, "Budi Contoh</strong>.</p>")):
        application = make.application(status=ApplicationStatus.DIVERIFIKASI, claimed_by=officer)
        page = login_as(officer).get(f"/petugas/permohonan/{application.id}").get_data(as_text=True)
        assert f"Sedang diverifikasi oleh <strong>{officer.full_name}" in page
        assert shown in page


def test_claiming_does_not_reset_the_promise_clock(app, make, login_as):
    """Submitted two working hours ago, claimed a minute ago: still 'Lewat janji layanan' (the
    1-hour promise runs from the submission; the claim used to restart the clock)."""
    from datetime import datetime

    app.config["CLOCK"] = lambda: datetime(2026, 6, 2, 5, 0)  # Tuesday 12.00 WIB
    vera = make.user(Role.VERIFIKATOR)
    application = make.application(status=ApplicationStatus.DIVERIFIKASI, claimed_by=vera)
    application.submitted_at = datetime(2026, 6, 2, 2, 0)  # 09.00 WIB
    application.status_changed_at = datetime(2026, 6, 2, 4, 59)  # claimed at 11.59 WIB
    db.session.commit()
    page = login_as(vera).get("/petugas/").get_data(as_text=True)
    assert "Lewat janji layanan" in page
    assert ">3 jam</td>" in page  # the column, and the line folded under the name on a phone
    assert "diajukan (jam kerja): 3 jam</div>" in page


def test_a_bad_filter_value_keeps_the_other_filters_and_shows_its_error(app, make, login_as):
    """A search over 100 characters used to drop every filter and list the whole queue under
    the error; now the valid filters stay applied, the error stands beside the search field
    and the typed text stays in it."""
    _applications(make, 3)
    _applications(make, 1, level=Level.KOTA)
    client = login_as(make.user(Role.VERIFIKATOR))
    typed = "Partai " + "x" * 100
    page = client.get("/petugas/", query_string={"level": "kota", "q": typed}).get_data(
        as_text=True
    )
    assert page.count("<tr>") == 2  # header + the one Kota application, not all four
    assert "(1 permohonan)" in page
    error = page[
        page.index('id="q-error"') : page.index("</div></div>", page.index('id="q-error"'))
    ]
    assert "100" in error
    assert f'value="{typed}"' in page
    assert '<option selected value="kota">' in page
    assert 'id="level-error"' not in page
