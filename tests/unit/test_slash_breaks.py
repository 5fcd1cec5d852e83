"""A letter number in a narrow table column may wrap after each slash, and only there."""

from __future__ import annotations

from sisakat.templating import slash_breaks


def test_slash_breaks_marks_each_slash_and_escapes_the_rest():
    part = '<span class="text-nowrap">{}</span>'.format
    assert slash_breaks("200.1.5.3/7/BAN.KBP-X/2026") == "<wbr>".join(
        [part("200.1.5.3/"), part("7/"), part("BAN.KBP-X/"), part("2026")]
    )
    assert slash_breaks("<b>/&") == part("&lt;b&gt;/") + "<wbr>" + part("&amp;")
    assert slash_breaks(None) == ""
    assert slash_breaks("1/") == part("1/")
