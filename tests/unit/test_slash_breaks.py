"""A letter number in a narrow table column may wrap after each slash, and only there."""

from __future__ import annotations

from sisakat.templating import number_breaks, slash_breaks


def test_slash_breaks_marks_each_slash_and_escapes_the_rest():
    assert slash_breaks("Nama / Alamat <b>") == "Nama /<wbr> Alamat &lt;b&gt;"
    assert slash_breaks(None) == ""


def test_number_breaks_keeps_each_part_whole_and_escapes_it():
    part = '<span class="text-nowrap">{}</span>'.format
    assert number_breaks("200.1.5.3/7/BAN.KBP-X/2026") == "<wbr>".join(
        [part("200.1.5.3/"), part("7/"), part("BAN.KBP-X/"), part("2026")]
    )
    assert number_breaks("<b>/&") == part("&lt;b&gt;/") + "<wbr>" + part("&amp;")
    assert number_breaks(None) == ""
    assert number_breaks("1/") == part("1/")
