"""Geometry for server-drawn SVG (procedure flow diagram, IKM bar chart). Pure: no Flask, no DB.

The templates draw what these functions lay out; Jinja autoescapes ``.svg`` templates, so text
from the admin cannot become markup. The diagram is one column of boxes: readable on a phone
(the SVG scales to the screen width) and it fits an A4 poster.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

WIDTH = 360
BOX_W = 320
LINE_H = 20
PAD = 12
GAP = 36
CHARS_PER_LINE = 30


@dataclass(frozen=True)
class Box:
    """One step box: number, wrapped title lines, a sub-line, and its position."""

    number: int
    lines: tuple[str, ...]
    sub: str
    x: int
    y: int
    w: int
    h: int


@dataclass(frozen=True)
class Flow:
    """The laid-out diagram."""

    width: int
    height: int
    boxes: tuple[Box, ...]
    arrows: tuple[tuple[int, int, int], ...]  # (x, y from, y to)


def flow_layout(steps: Sequence) -> Flow:
    """Stack the steps (objects with ``title``, ``actor``, ``duration``) top to bottom."""
    x = (WIDTH - BOX_W) // 2
    y = 20
    boxes, arrows = [], []
    for i, step in enumerate(steps, start=1):
        lines = tuple(textwrap.wrap(step.title, CHARS_PER_LINE)[:4]) or ("",)
        sub = " · ".join(p for p in (step.actor, step.duration) if p)
        h = PAD * 2 + LINE_H * (len(lines) + (1 if sub else 0))
        if boxes:
            arrows.append((WIDTH // 2, y - GAP, y))
        boxes.append(Box(i, lines, sub, x, y, BOX_W, h))
        y += h + GAP
    return Flow(WIDTH, y - GAP + 20, tuple(boxes), tuple(arrows))


@dataclass(frozen=True)
class Bar:
    """One bar of the NRR chart."""

    label: str
    value: Decimal
    x: int
    y: int
    h: int


@dataclass(frozen=True)
class BarChart:
    """A vertical bar chart on a fixed 0-4 axis."""

    width: int
    height: int
    base: int
    bar_w: int
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[int, int], ...]  # (value, y)


def bar_chart(values: Sequence[Decimal], labels: Sequence[str], *, top: int = 4) -> BarChart:
    """Bars for ``values`` (0..top), left axis with integer ticks."""
    plot_h, left, bar_w, step = 200, 40, 36, 56
    base = 20 + plot_h
    bars = []
    for i, (value, label) in enumerate(zip(values, labels, strict=True)):
        h = int(plot_h * float(value) / top)
        bars.append(Bar(label, value, left + 10 + i * step, base - h, h))
    ticks = tuple((v, base - plot_h * v // top) for v in range(top + 1))
    return BarChart(left + 10 + len(bars) * step, base + 40, base, bar_w, tuple(bars), ticks)
