"""The ormas letter (Surat Keterangan Melapor) with the built-in wording fits one page.

With ten numbered items and two tembusan lines it came out on two pages at a province office:
page two held only its page number and the electronic-signature footer. A letter that runs
over by a few lines is now set with slightly tighter line spacing; one that is really long
keeps the normal spacing and runs on (``test_footer_whole``); a letter that fits is
unchanged (the golden file, ``test_skt_pdf``)."""

from sisakat.models.requirement import ORMAS_LAPOR
from sisakat.pdf.skt import render_skt
from sisakat.services.letter_profile import sample_profile
from tests.pdf import helpers as h


def _squeezed(s: str) -> str:
    return "".join(s.split())


def test_built_in_ormas_letter_is_one_page_with_its_footer():
    profile = sample_profile("ormas")
    more = [("Wakil Ketua", "Rudi Contoh"), ("Wakil Sekretaris", "Sari Contoh")]
    profile["officers"] += [{"position": p, "name": n} for p, n in more]  # five, as demo-data
    ctx = h.context(profile, settings=h.groups(ORMAS_LAPOR))
    pages = h.pages_text(render_skt(ctx))
    assert len(pages) == 1
    page = _squeezed(pages[0])
    assert _squeezed(ctx.footer) in page
    assert _squeezed("Direktur Jenderal Politik dan Pemerintahan Umum") in page  # tembusan
    assert "NIP19700101199501" in page
