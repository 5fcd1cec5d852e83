"""The published survey results (/ikm): the staff report's numbers, per year and semester, for
anyone, without respondent data or suggestion text; the super admin may switch it off."""

import re
from datetime import datetime

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import settings
from tests.auth_helpers import use_clock
from tests.letter_helpers import SURVEY_ANSWERS
from tests.unit.test_ikm import HAND_WORKED

FIFTH = (2, 3, 3, 3, 2, 3, 3, 3, 3)


def _cards(html: str) -> tuple[str, str, str]:
    """Respondents, IKM and band as the page's three cards show them."""
    found = [re.search(rf'id="{i}">([^<]*)<', html) for i in ("responden", "nilai-ikm", "mutu")]
    assert all(found), html
    return tuple(m.group(1) for m in found)


def _five_in_2026(make, **fields) -> None:
    """Five answers across both semesters of 2026 (office time) and one from 2025."""
    moments = [datetime(2026, 2, 3, 3), datetime(2026, 5, 4, 3), datetime(2026, 6, 30, 17, 30)]
    moments += [datetime(2026, 7, 2, 3), datetime(2026, 8, 1, 3)]
    for answers, moment in zip([*HAND_WORKED, FIFTH], moments, strict=True):
        make.survey_response(answers, created_at=moment, commit=False, **fields)
    make.survey_response((1,) * 9, created_at=datetime(2025, 11, 1, 3))


def test_public_numbers_equal_the_staff_report_for_the_same_period(app, client, make, login_as):
    use_clock(app).now = datetime(2026, 9, 15, 3)
    _five_in_2026(make)
    public = client.get("/ikm").get_data(as_text=True)  # anonymous
    staff = login_as(make.user(Role.PENANDATANGAN))
    report = staff.get("/laporan/ikm").get_data(as_text=True)  # its default: this year so far
    assert _cards(public) == _cards(report)
    assert _cards(public)[0] == "5"
    assert "B (Baik)" in _cards(public)[2]
    assert "IKM = (NRR U1 × 1/9" in public
    nrr = re.findall(r'<td class="text-end">(\d,\d\d)</td>', public)
    assert nrr == re.findall(r'<td class="text-end">(\d,\d\d)</td>', report)
    assert len(nrr) == 9
    # Semester I (1 Jan - 30 Jun, office time: 30 Jun 17.30 UTC is 1 Jul WIB) against the staff
    # report of the same dates: 2 answers, too few for the public page to show an index.
    first = staff.get("/laporan/ikm?start=2026-01-01&end=2026-06-30").get_data(as_text=True)
    semester = public.split('id="tabel-semester"', 1)[1]
    assert _cards(first)[0] == "2"
    # The count in its column, and folded under the period for a phone.
    assert re.search(r"Semester I \(1 Januari 2026 s.d. 30 Juni 2026\)<div[^>]*>2 responden</div>"
                     r'</td>\s*<td class="[^"]*">2</td>', semester)  # fmt: skip
    assert "Belum ditampilkan" in semester
    earlier = client.get("/ikm?tahun=2025").get_data(as_text=True)
    assert "Tahun 2025 (1 Januari 2025 s.d. 31 Desember 2025)" in earlier
    assert _cards(earlier)[0] == "1"
    assert 'href="/ikm?tahun=2026"' in earlier


def test_no_suggestion_text_or_respondent_detail_is_published(app, client, make):
    use_clock(app).now = datetime(2026, 9, 15, 3)
    _five_in_2026(
        make,
        suggestion="Petugas Bapak Contoh Wiryawan sangat membantu",
        occupation="Pengurus partai/ormas",
        age_group="45-54 tahun",
        sex="Perempuan",
    )
    response = client.get("/ikm")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert _cards(html)[0] == "5"
    for private in ("Contoh Wiryawan", "Pengurus partai/ormas", "45-54 tahun", "Perempuan"):
        assert private not in html, private
    assert "Saran dan masukan (" not in html


def test_too_few_respondents_show_the_count_but_no_index(app, client, make):
    use_clock(app).now = datetime(2026, 9, 15, 3)
    for answers in HAND_WORKED:
        make.survey_response(answers, created_at=datetime(2026, 5, 4, 3))
    html = client.get("/ikm").get_data(as_text=True)
    assert _cards(html) == ("4", "-", "Belum ditampilkan")
    assert "81,94" not in html
    assert 'id="tabel-nrr"' not in html
    assert "belum mencapai 5 orang" in html
    for year in ("abc", "1999", "99999999999999999999", "2026<script>"):  # this year, no error
        answer = client.get("/ikm", query_string={"tahun": year})
        assert answer.status_code == 200, year
        assert "Tahun 2026 (1 Januari 2026 s.d. 15 September 2026)" in answer.get_data(as_text=True)
    guide = client.get("/panduan").get_data(as_text=True)
    assert "<em>Hasil Survei Kepuasan Masyarakat</em> (<code>/ikm</code>" in guide


def test_super_admin_switches_the_publication_off_and_the_links_go(client, make, login_as):
    assert settings.get("survey.publish_results") is True  # on by default
    for url in ("/", "/survei"):
        assert 'href="/ikm"' in client.get(url, follow_redirects=True).get_data(as_text=True), url
    admin = login_as(make.user(Role.SUPERADMIN))
    form = admin.get("/admin/kontak").get_data(as_text=True)
    assert re.search(r'<input checked[^>]*name="publish_results"', form)
    admin.post("/admin/kontak", data={"lapor_url": "https://www.lapor.go.id"})
    assert settings.get("survey.publish_results") is False
    answer = client.get("/ikm")
    assert answer.status_code == 404
    assert "belum dipublikasikan" in answer.get_data(as_text=True)
    for url in ("/", "/survei"):
        page = client.get(url, follow_redirects=True).get_data(as_text=True)
        assert 'href="/ikm"' not in page, url
    admin.post(
        "/admin/kontak", data={"lapor_url": "https://www.lapor.go.id", "publish_results": "y"}
    )
    assert client.get("/ikm").status_code == 200


def test_the_office_publishes_what_it_does_about_the_results(client, make, login_as):
    """PermenPANRB 14/2017 asks for the follow-up too: the super admin writes it on Kontak."""
    assert "Tindak lanjut hasil survei" not in client.get("/ikm").get_data(as_text=True)
    admin = login_as(make.user(Role.SUPERADMIN))
    follow_up = "Unsur U3 terendah: <b>loket</b> buka pukul 07.30.\nFormulir disederhanakan."
    base = {"lapor_url": "https://www.lapor.go.id", "publish_results": "y"}
    refused = admin.post("/admin/kontak", data={**base, "follow_up": "ada \x00 NUL"})
    assert "Teks memuat karakter yang tidak diizinkan." in refused.get_data(as_text=True)
    assert settings.get("survey.follow_up") == ""
    admin.post("/admin/kontak", data={**base, "follow_up": follow_up})
    assert settings.get("survey.follow_up") == follow_up
    assert settings.get("survey.publish_results") is True
    html = client.get("/ikm").get_data(as_text=True)
    assert '<h2 class="h5">Tindak lanjut hasil survei (catatan umum)</h2>' in html
    assert "Unsur U3 terendah: &lt;b&gt;loket&lt;/b&gt; buka pukul 07.30.\nFormulir" in html


def test_footer_and_the_partys_survey_link_the_results_only_while_published(app, make, login_as):
    """Beyond Beranda and /survei: every page's footer, and the party's survey after issue (open
    and already answered) link /ikm; switched off on Kontak, all of those links go."""
    letter = make.issued_letter()
    party = login_as(letter.application.party.account)
    survey_url = f"/pemohon/permohonan/{letter.application_id}/survei"
    pages = ("/faq", "/pengaduan", "/pemohon/", survey_url)
    for url in pages:
        html = party.get(url).get_data(as_text=True)
        assert 'href="/ikm"' in html, url
    footer = party.get("/faq").get_data(as_text=True).split("<footer", 1)[1]
    assert 'href="/ikm">Hasil Survei Kepuasan Masyarakat (IKM)</a>' in footer
    party.post(survey_url, data=SURVEY_ANSWERS)
    assert 'href="/ikm"' in party.get(survey_url).get_data(as_text=True)  # "sudah diisi"
    settings.update({"survey.publish_results": False}, actor=None)
    db.session.commit()
    for url in pages:
        assert 'href="/ikm"' not in party.get(url).get_data(as_text=True), url


def test_each_service_has_its_own_row_equal_to_the_staff_report_of_that_service(
    app, client, make, login_as
):
    """With two active services the page gave one IKM for all of them; now the year also has a
    row per service, each the staff report filtered to that service (too few: no index)."""
    use_clock(app).now = datetime(2026, 9, 15, 3)
    _five_in_2026(make, service_code="skt_parpol")
    make.survey_response(FIFTH, created_at=datetime(2026, 3, 3, 3), service_code="lapor_ormas")
    public = client.get("/ikm").get_data(as_text=True)
    table = public.split('id="tabel-layanan"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(
        r"<tr><td>([^<]+)<div[^>]*>\d+ responden</div></td>\s*"
        r"<td[^>]*>(\d+)</td><td[^>]*>([^<]+)</td><td>([^<]+)</td></tr>",
        table,
    )
    staff = login_as(make.user(Role.VERIFIKATOR))
    skt = staff.get("/laporan/ikm?service=skt_parpol").get_data(as_text=True)
    assert rows == [
        ("SKT Partai Politik", "5", *_cards(skt)[1:]),
        ("Laporan Keberadaan Ormas", "1", "-", "Belum ditampilkan"),
    ]
    assert _cards(skt)[0] == "5"
    assert _cards(public)[0] == "6"  # the year of all services counts both


def test_a_period_without_answers_says_so_instead_of_withholding_an_index(app, client):
    """A year without a single answer read 'Belum ditampilkan' and 'belum mencapai 5 orang', as
    if answers were being held back; now it says there are no respondents yet."""
    use_clock(app).now = datetime(2026, 9, 15, 3)
    html = client.get("/ikm").get_data(as_text=True)
    assert _cards(html) == ("0", "-", "Belum ada responden")
    assert "Belum ada jawaban survei pada periode ini." in html
    assert "belum mencapai" not in html
