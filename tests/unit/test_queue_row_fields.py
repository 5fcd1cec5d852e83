"""The queue template unpacks each ``QueueRow`` in its ``for``: the names it gives must be the
row's fields in order, or a cell would silently show another column."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, nodes

from sisakat.services.queue import QueueRow

TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "verification" / "queue.html"


def _unpacked_names() -> list[str]:
    tree = Environment().parse(TEMPLATE.read_text(encoding="utf-8"))
    loops = [loop for loop in tree.find_all(nodes.For) if getattr(loop.iter, "name", "") == "rows"]
    assert len(loops) == 1
    target = loops[0].target
    assert isinstance(target, nodes.Tuple), "the template unpacks each row"
    return [item.name for item in target.items]


def _same_field(template_name: str, field: str) -> bool:
    """The template's name for a field: the field's own, marked unused (``_``) or, for the
    level, ``board_level`` (``level`` is the text the row shows)."""
    return template_name in (field, f"_{field}") or (template_name, field) == (
        "board_level",
        "level",
    )


def test_the_template_unpacks_every_field_in_order():
    names = _unpacked_names()
    assert len(names) == len(QueueRow._fields)
    mismatched = [
        (name, field)
        for name, field in zip(names, QueueRow._fields, strict=True)
        if not _same_field(name, field)
    ]
    assert mismatched == []


def test_rows_unpack_in_field_order():
    row = QueueRow(
        7, "DPD <X>", None, "diajukan", None, 3.0, False, 2, 0, "skt", "SKT", "3 jam", "f"
    )
    ident, board_name, *_rest, files = row
    assert (ident, board_name, files) == (row.id, row.board_name, row.files)
