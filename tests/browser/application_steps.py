"""Steps of the application journeys (issue 3) in a real browser: the party's checklist and
uploads (progress bar and plain form), the verifier's verdicts and decisions. Elements are found
by role and the Indonesian text people read. Fictional people and parties only."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Locator, Page, expect

from sisakat.extensions import db
from sisakat.models import ApplicationDocument, ApplicationRequirement, Role
from sisakat.services import requirements
from tests.browser import journeys as j
from tests.browser.conftest import ALLOWED_HOST, DESKTOP
from tests.factories import PASSWORD

REQUIRED = [name for name, _help, required, _personal in requirements.DEFAULTS if required]
OPTIONAL = [name for name, _help, required, _personal in requirements.DEFAULTS if not required]
KTP = "KTP ketua, sekretaris dan bendahara"
REASON = "Dokumen tidak terbaca"
VERIFIER = ("verif.contoh", "Vera Contoh")


def ready_party(make) -> tuple[str, str]:
    """A party with a complete profile and a logo, the default requirements, and a verifier;
    returns (the party's username, its board name). Ends the test's transaction."""
    requirements.ensure_defaults()
    party = make.party()
    party.logo_file_id = make.logo(party.account).id
    make.user(Role.VERIFIKATOR, username=VERIFIER[0], full_name=VERIFIER[1])
    names = party.account.username, party.board_name
    j.fresh()
    return names


def switch_user(page: Page, username: str, password: str = PASSWORD) -> None:
    """Forget the current session (another person at another desk) and log in."""
    page.context.clear_cookies()
    j.log_in(page, username, password)
    page.wait_for_load_state()


def documents(page: Page) -> Locator:
    """The checklist of requirement documents (party page and review page)."""
    return page.get_by_role("list", name="Dokumen persyaratan")


def item(page: Page, name: str) -> Locator:
    """One requirement's row in the checklist."""
    return documents(page).get_by_role("listitem").filter(has_text=name)


def timeline(page: Page) -> Locator:
    """The application's history."""
    return page.get_by_role("list", name="Riwayat permohonan")


def upload(page: Page, name: str, pdf: Path) -> None:
    """Upload through the progress-bar path (XMLHttpRequest, then the page reloads)."""
    row = item(page, name)
    row.get_by_label(f"Berkas PDF untuk {name}").set_input_files(str(pdf))
    row.get_by_role("button", name="Unggah").click()
    expect(row.get_by_role("link", name=pdf.name)).to_be_visible()


def upload_watching_progress(page: Page, name: str, pdf: Path) -> None:
    """Upload while the server's answer is held: the progress bar shows and the button is
    disabled against a second click; released, the page reloads with the document listed."""
    held = []

    def hold(route) -> None:
        held.append(route)

    page.route("**/unggah", hold)
    row = item(page, name)
    bar = row.get_by_role("progressbar", name="Kemajuan unggahan")
    expect(bar).to_be_hidden()
    row.get_by_label(f"Berkas PDF untuk {name}").set_input_files(str(pdf))
    row.get_by_role("button", name="Unggah").click()
    expect(bar).to_be_visible()
    expect(row.get_by_role("button", name="Unggah")).to_be_disabled()
    while not held:  # Playwright calls the route handler while it waits for something
        page.wait_for_timeout(20)
    held[0].continue_()
    expect(row.get_by_role("link", name=pdf.name)).to_be_visible()
    page.unroute("**/unggah", hold)


@contextmanager
def other_browser(browser, live_server, username: str, *, script: bool = True) -> Iterator[Page]:
    """Another person (or the same one with JavaScript off) in a browser of their own, logged
    in, fenced to 127.0.0.1 like the ``page`` fixture; console errors fail the test."""
    context = browser.new_context(
        viewport=DESKTOP, base_url=live_server.url, locale="id-ID", java_script_enabled=script
    )
    context.route(
        "**/*",
        lambda r: r.continue_() if urlsplit(r.request.url).hostname == ALLOWED_HOST else r.abort(),
    )
    page, errors = context.new_page(), []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    j.log_in(page, username)
    try:
        yield page
    finally:
        context.close()
    assert not errors, errors


def judge(page: Page, name: str, verdict: str, reason: str = "") -> None:
    """The verifier's Sesuai / Tidak Sesuai on one document (reason from the catalogue)."""
    row = item(page, name)
    row.get_by_label(verdict, exact=True).check()
    if reason:
        row.get_by_label("Alasan umum").select_option(label=reason)
    row.get_by_role("button", name="Simpan Penilaian").click()
    expect(page.get_by_role("alert").first).to_contain_text("Penilaian dokumen disimpan.")


def take(page: Page, board: str) -> None:
    """From the queue, open the party's application and take it into review."""
    j.nav(page, "Antrean Verifikasi")
    page.get_by_role("link", name=board).click()
    page.get_by_role("button", name="Ambil untuk Diverifikasi").click()
    expect(page.get_by_role("alert").first).to_contain_text("diambil untuk diverifikasi")


def versions(application_id: int, name: str) -> list[ApplicationDocument]:
    """Every uploaded version of one requirement of an application, oldest first."""
    return list(
        db.session.scalars(
            db.select(ApplicationDocument)
            .join(ApplicationRequirement)
            .where(
                ApplicationRequirement.application_id == application_id,
                ApplicationRequirement.name == name,
            )
            .order_by(ApplicationDocument.version_no)
        )
    )
