"""A letter number in a narrow table column may wrap after each slash, and only there."""

from __future__ import annotations

from sisakat.templating import slash_breaks


def test_slash_breaks_marks_each_slash_and_escapes_the_rest():
    assert slash_breaks("200.1.5.3/7/BAN.KBP/2026") == "200.1.5.3/<wbr>7/<wbr>BAN.KBP/<wbr>2026"
    assert slash_breaks("<b>/&") == "&lt;b&gt;/<wbr>&amp;"
    assert slash_breaks(None) == ""
