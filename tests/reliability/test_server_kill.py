"""DB-2 and issue 10's reliability suite: the server process is killed with SIGKILL in the
middle of uploads and of letter issuing, then started again on the same instance.

Afterwards the SQLite database passes ``PRAGMA integrity_check`` and ``foreign_key_check``;
every file row points to a complete file (size and SHA-256 as recorded); letter numbers are
neither lost nor doubled (serials 1..n, one per letter, and the next approval takes n + 1);
``flask storage-sweep --delete`` removes the files the killed requests left behind, and the
interrupted step succeeds when repeated.

The server is a real Waitress process (``benchmarks.serve``) over a throwaway instance folder,
asked through HTTP with real sessions and CSRF tokens. Two kinds of kill:

- at a named point (``SISAKAT_TEST_FAULT=after_file_write`` with ``SISAKAT_TEST_FAULT_KILL=1``,
  honoured only in TESTING mode): the process sends itself SIGKILL after a file is in place
  and before its row is committed, the worst moment for "row without file / file without row";
- from outside, at an arbitrary moment while parties upload and verifiers approve at once.

Run on the SQLite pass (the laptop install, where the database is a file the killed process
was writing; PostgreSQL and MariaDB roll back a dropped connection themselves)."""

from __future__ import annotations

import hashlib
import http.client
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from benchmarks import common
from benchmarks.load.run_load import VirtualUser, _multipart
from sisakat.config import ROOT
from tests.conftest import BASE_URL, SERVER_URL, build_schema

pytestmark = [
    pytest.mark.skipif(
        bool(SERVER_URL), reason="kills a server over its own SQLite instance: once per run"
    ),
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX"),
]

FAULT = {"SISAKAT_TEST_FAULT": "after_file_write", "SISAKAT_TEST_FAULT_KILL": "1"}
SERVER_GONE = (http.client.HTTPException, ConnectionError, OSError)


def _pdf(label: str) -> bytes:
    """A small valid one-page PDF, different per label."""
    from tests import factories

    return factories.pdf_bytes(label)


@pytest.fixture
def inst():
    """A throwaway instance (SQLite, uploads) whose server runs in TESTING mode, so the fault
    hook can be switched on per start; the schema comes from the migrations."""
    with common.instance(SISAKAT_TESTING="true", SISAKAT_PUBLIC_BASE_URL=BASE_URL) as instance:
        with common.app_context(instance) as app:
            build_schema(app)
        instance.servers, instance.browsers = [], []
        try:
            yield instance
        finally:
            for server in instance.servers:  # a failed assertion must not leave one running
                server.stop()
            for browser in instance.browsers:
                browser.close()


def _start(inst, **env):
    """Start the server on ``inst`` with extra environment (the fault switches)."""
    saved = dict(inst.extra_env)
    inst.extra_env.update(env)
    try:
        server = common.start_server(inst)
    finally:
        inst.extra_env.clear()
        inst.extra_env.update(saved)
    inst.servers.append(server)
    return server


def _browser(inst, server, username: str):
    """A logged-in client of ``server`` (closed at the end of the test)."""
    browser = common.Browser(server.port)
    inst.browsers.append(browser)
    browser.login(username)
    return browser


def _party(inst, server, username: str) -> VirtualUser:
    """A party's client that has found its requirement upload forms."""
    vu = VirtualUser(server.port, "pemohon", username, [])
    inst.browsers.append(vu.browser)
    assert vu.uploads, "no requirement upload form on the party's pages"
    return vu


def _died_by_sigkill(server) -> None:
    assert server.process.wait(timeout=20) == -signal.SIGKILL
    server.stop()  # collects the log drain


def _csrf_of(browser, path: str) -> str:
    status, page = browser.request("GET", path)
    assert status == 200, (path, status)
    return common.csrf_token(page.decode())


def _approve(browser, application_id: int, version: int) -> tuple[int, str]:
    """POST the approve button as the review page does; (status, redirect location)."""
    path = f"/petugas/permohonan/{application_id}"
    fields = {"csrf_token": _csrf_of(browser, path), "version": str(version)}
    status, _ = browser.post_form(f"{path}/setujui", fields)
    return status, browser.location


def _upload(vu, data: bytes) -> int:
    action, fields, name = vu.uploads[0]
    body, kind = _multipart(fields, {name: ("dokumen.pdf", data)})
    return vu.browser.request("POST", action, body, {"Content-Type": kind})[0]


def _upload_signed(browser, letter_id: int, data: bytes) -> int:
    token = _csrf_of(browser, "/tte/")  # the signing desk lists the letter with this form
    body, kind = _multipart({"csrf_token": token}, {"file": ("skt-ttd.pdf", data)})
    return browser.request("POST", f"/tte/surat/{letter_id}/unggah", body, {"Content-Type": kind})[
        0
    ]


def _sqlite_checks(inst) -> None:
    """The database file is sound: integrity and foreign keys."""
    path = inst.database_url.removeprefix("sqlite:///")
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def _state(inst, uploaders: list[str] = ()) -> dict:
    """What the database and the uploads folder hold, read in this process; ``documents``
    counts the uploads of the accounts named in ``uploaders``."""
    from sisakat.extensions import db
    from sisakat.models import (
        Application,
        ApplicationDocument,
        Letter,
        LetterNumber,
        StoredFile,
        User,
    )
    from sisakat.services import storage, storage_sweep

    with common.app_context(inst):
        broken = [
            row.id
            for row in db.session.execute(db.select(StoredFile)).scalars()
            if not storage.path_of(row).is_file()
            or storage.path_of(row).stat().st_size != row.size
            or hashlib.sha256(storage.path_of(row).read_bytes()).hexdigest() != row.sha256
        ]
        letters = db.session.execute(db.select(Letter).order_by(Letter.id)).scalars().all()
        numbers = db.session.execute(db.select(LetterNumber)).scalars().all()
        return {
            "broken_files": broken,
            "orphans": storage_sweep.sweep(delete=False),
            "documents": db.session.scalar(
                db.select(db.func.count(ApplicationDocument.id))
                .join(User, User.id == ApplicationDocument.uploaded_by_id)
                .where(User.username.in_(uploaders))
            ),
            "letters": {
                letter.application_id: (letter.status.value, letter.number_text)
                for letter in letters
            },
            "letter_files_ok": all(letter.unsigned_file_id for letter in letters),
            "serials": sorted(n.serial for n in numbers),
            # each letter holds its own number row, whose text it prints
            "numbers_match": sorted(n.id for n in numbers)
            == sorted(letter.number_id for letter in letters)
            and all(letter.number.number_text == letter.number_text for letter in letters),
            "letter_ids": [letter.id for letter in letters],
            "statuses": {
                a.id: a.status.value for a in db.session.execute(db.select(Application)).scalars()
            },
        }


def _flask(inst, *args: str) -> str:
    """Run a ``flask`` command on the instance, as the operator would."""
    out = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "app", *args],
        cwd=ROOT,
        env=inst.env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def _seed(inst, *, approvable: int, drafts: int) -> dict:
    """Verifiers with claimed applications whose documents are all Sesuai, parties with a draft
    to upload to, a signer, and the test PKI trusted by the office."""
    from sisakat.extensions import db
    from sisakat.models import ApplicationStatus, Role, Verdict
    from sisakat.services import catalog
    from tests import factories

    with common.app_context(inst):
        catalog.ensure_defaults()
        verifiers = [factories.user(Role.VERIFIKATOR) for _ in range(2)]
        queue = []
        for i in range(approvable):
            application = factories.application(
                status=ApplicationStatus.DIVERIFIKASI,
                claimed_by=verifiers[i % 2],
                verdict=Verdict.SESUAI,
            )
            queue.append((application.id, application.version, verifiers[i % 2].username))
        parties = []
        for _ in range(drafts):
            party = factories.party()
            factories.application(party, status=ApplicationStatus.DRAF, documents=False)
            parties.append(party.account.username)
        signer = factories.user(Role.SUPERADMIN).username
        db.session.commit()
    return {"queue": queue, "parties": parties, "signer": signer}


def _signed_copy(inst, letter_id: int, pki) -> bytes:
    """The letter's stored unsigned PDF, signed with the test PKI's allow-listed signer."""
    from sisakat.extensions import db
    from sisakat.models import Letter
    from tests.letters import helpers as h

    with common.app_context(inst):
        return h.signed(db.session.get(Letter, letter_id), pki)


def test_kill_at_the_worst_moment_of_upload_approval_and_signed_upload(inst, tmp_path):
    """Each step killed between its file write and its commit: nothing half-done stays, the
    number is not used up, and the repeated step succeeds."""
    from tests import pki as pki_module
    from tests.letters import helpers as h

    seeded = _seed(inst, approvable=2, drafts=1)
    (tmp_path / "pki").mkdir()
    pki = pki_module.build(tmp_path / "pki")
    with common.app_context(inst):
        h.trust_office(pki)
    (first, first_version, verifier), (second, _, _) = seeded["queue"]
    same_verifier = [a for a in seeded["queue"] if a[2] == verifier]

    # 1. A party's upload: the file is in place, the process dies before the row is committed.
    server = _start(inst, **FAULT)
    party = _party(inst, server, seeded["parties"][0])
    with pytest.raises(SERVER_GONE):
        _upload(party, _pdf("ktp"))
    _died_by_sigkill(server)
    _sqlite_checks(inst)
    after_upload = _state(inst, seeded["parties"])
    assert after_upload["documents"] == 0
    assert after_upload["broken_files"] == []
    assert len(after_upload["orphans"]) == 1  # the file the killed request wrote

    # 2. Approval: number allocated, letter drawn and stored, killed before the commit.
    server = _start(inst, **FAULT)
    staff = _browser(inst, server, verifier)
    with pytest.raises(SERVER_GONE):
        _approve(staff, first, first_version)
    _died_by_sigkill(server)
    _sqlite_checks(inst)
    after_approval = _state(inst)
    assert after_approval["statuses"][first] == "diverifikasi"
    assert after_approval["letters"] == {}
    assert after_approval["serials"] == []  # the number went back with the transaction
    assert after_approval["broken_files"] == []
    assert len(after_approval["orphans"]) == 2

    # 3. Started again without the fault: the repeated steps succeed, the numbers follow on.
    server = _start(inst)
    try:
        party = _party(inst, server, seeded["parties"][0])
        assert _upload(party, _pdf("ktp")) == 302
        staff = _browser(inst, server, verifier)
        for application_id, version, _ in same_verifier:
            assert _approve(staff, application_id, version)[0] == 302
    finally:
        server.stop()
    approved = _state(inst, seeded["parties"])
    assert approved["documents"] == 1
    assert approved["serials"] == list(range(1, len(same_verifier) + 1))
    assert approved["numbers_match"]
    first_number = approved["letters"][first][1]
    assert approved["letters"][first][0] == "menunggu_tte"
    first_letter = approved["letter_ids"][0]

    # 4. The signed PDF coming back from SRIKANDI: killed after its file is written.
    signed = _signed_copy(inst, first_letter, pki)
    server = _start(inst, **FAULT)
    signer = _browser(inst, server, seeded["signer"])
    with pytest.raises(SERVER_GONE):
        _upload_signed(signer, first_letter, signed)
    _died_by_sigkill(server)
    _sqlite_checks(inst)
    interrupted = _state(inst)
    assert interrupted["letters"][first] == ("menunggu_tte", first_number)
    assert interrupted["broken_files"] == []
    assert len(interrupted["orphans"]) == 3

    server = _start(inst)
    try:
        signer = _browser(inst, server, seeded["signer"])
        assert _upload_signed(signer, first_letter, signed) == 302
    finally:
        server.stop()
    issued = _state(inst)
    assert issued["letters"][first] == ("berlaku", first_number)  # the same number, issued once
    assert issued["serials"] == list(range(1, len(same_verifier) + 1))

    # 5. The operator's sweep removes exactly what the killed requests left.
    listed = _flask(inst, "storage-sweep", "--min-age", "0")
    assert "3 berkas yatim ditemukan." in listed
    assert "3 berkas yatim dihapus." in _flask(inst, "storage-sweep", "--delete", "--min-age", "0")
    swept = _state(inst)
    assert swept["orphans"] == []
    assert swept["broken_files"] == []
    _sqlite_checks(inst)
    assert swept["statuses"][second] == "diverifikasi"  # the other verifier's case, untouched


def _traffic(inst, server, seeded, stop, errors: list, approved: list) -> list[threading.Thread]:
    """Parties upload and verifiers approve their queues at once, until the server dies;
    each answered approval is appended to ``approved``."""
    pdf = _pdf("lampiran") + b"%" + os.urandom(200_000)  # a bigger body: kills land mid-stream

    def party(username):
        try:
            vu = _party(inst, server, username)
            while not stop.is_set():
                status = _upload(vu, pdf)
                if status != 302:
                    errors.append(f"upload by {username}: {status}")
        except SERVER_GONE:
            return
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(repr(exc))

    def verifier(username, cases):
        try:
            browser = _browser(inst, server, username)
            for application_id, version, _ in cases:
                if stop.is_set():
                    return
                status, _ = _approve(browser, application_id, version)
                if status != 302:
                    errors.append(f"approve {application_id}: {status}")
                approved.append(application_id)
        except SERVER_GONE:
            return
        except Exception as exc:  # noqa: BLE001
            errors.append(repr(exc))

    by_verifier: dict[str, list] = {}
    for case in seeded["queue"]:
        by_verifier.setdefault(case[2], []).append(case)
    threads = [threading.Thread(target=party, args=(u,)) for u in seeded["parties"]]
    threads += [threading.Thread(target=verifier, args=item) for item in by_verifier.items()]
    for thread in threads:
        thread.start()
    return threads


@pytest.mark.parametrize("kill_after", [1, 4, 9])
def test_kill_at_an_arbitrary_moment_under_uploads_and_approvals(inst, kill_after):
    """SIGKILL from outside while 4 parties upload and 2 verifiers approve at once: once
    ``kill_after`` approvals have been answered, after a random further 0-300 ms (so the kill
    lands wherever the requests in flight happen to be, not at a chosen line)."""
    seeded = _seed(inst, approvable=40, drafts=4)
    server = _start(inst)
    stop, errors, approved = threading.Event(), [], []
    threads = _traffic(inst, server, seeded, stop, errors, approved)
    deadline = time.monotonic() + 120
    while len(approved) < kill_after and time.monotonic() < deadline and not errors:
        time.sleep(0.01)
    time.sleep(random.uniform(0, 0.3))  # noqa: S311 - a test's timing, not a secret
    os.kill(server.process.pid, signal.SIGKILL)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    _died_by_sigkill(server)
    log = server.log_text()
    assert errors == [], log[-4000:]  # the server's own account of a refused request
    assert "Traceback" not in log
    assert "database is locked" not in log

    _sqlite_checks(inst)
    state = _state(inst)
    assert state["broken_files"] == []
    n = len(state["letters"])
    assert kill_after <= n < len(seeded["queue"]), "the kill should land mid-queue"
    assert state["serials"] == list(range(1, n + 1))  # none lost, none doubled
    assert state["numbers_match"]  # one number per letter, none without its letter
    assert state["letter_files_ok"]
    waiting = [a for a, s in state["statuses"].items() if s == "menunggu_tte"]
    assert sorted(waiting) == sorted(state["letters"])

    # Started again: the rest of the queue is approved and the numbers carry on from n + 1.
    server = _start(inst)
    try:
        left = [case for case in seeded["queue"] if case[0] not in state["letters"]]
        browsers = {}
        for application_id, version, username in left:
            if username not in browsers:
                browsers[username] = _browser(inst, server, username)
            assert _approve(browsers[username], application_id, version)[0] == 302
        vu = _party(inst, server, seeded["parties"][0])
        assert _upload(vu, _pdf("ulang")) == 302
    finally:
        server.stop()
    assert "Traceback" not in server.log_text()
    _flask(inst, "storage-sweep", "--delete", "--min-age", "0")
    final = _state(inst)
    assert final["serials"] == list(range(1, len(seeded["queue"]) + 1))
    assert final["orphans"] == []
    assert final["broken_files"] == []
    _sqlite_checks(inst)
