"""A claim's values over time, as a picture: one mark per source per as-of date, and a lane
per claimant when sources say who gives the figures (the union's lane above the ministry's,
on one value scale, so a dispute and a revision both show).

Pure Python: every coordinate and label is computed here, so the template
``claims/_timeline.html`` only prints numbers and strings into an SVG.
"""

from __future__ import annotations

import calendar
import itertools
import math
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from claims.rules.bidi import isolate
from claims.rules.values import DateValue, Precision, Qualifier, Quantity, describe_date
from claims.rules.verdicts import APPROXIMATE_TOLERANCE

WIDTH, HEIGHT = 640, 260
TOP, RIGHT, BOTTOM = 30, 34, 34  # room for the unit label, the last x label, the x labels
# The words are 14 chart units tall (static/css/timeline.css), and 22 on a phone, which draws
# the chart at little more than half its size: the y labels get room for the larger size, and
# a phone leaves out every other date of the x axis (``Tick.minor``).
PHONE_FONT_SIZE = 22
DIGIT_WIDTH = 0.6 * PHONE_FONT_SIZE  # about, in the fonts phones have
# A lane's name in bold runs past the chart's edge at that size when long: it is cut into lines
# of what fits, each line after the first taking room above the lane.
LABEL_CHAR_WIDTH, LABEL_LINE = 0.62 * PHONE_FONT_SIZE, 26
MIN_SPAN_DAYS = 180  # one date, or a few days, still gets a centred axis with month ticks
MARK_GAP = 12  # marks closer than this at the same height are spread apart to stay visible
ARROW = 7  # size of the arrow head on an open-ended ("at least") value
LANE_HEIGHT, LANE_GAP = 96, 34  # a claimant's lane, and the room above it for its name
MAX_LANES = 6  # more claimants than this share a last lane: a chart, not a scroll


@dataclass(frozen=True)
class TimelinePoint:
    as_of: date
    value: Quantity | DateValue
    outlet: str
    source: str  # identifies the source, e.g. its slug
    label: str  # the value in words, from ``claims.rules.values.describe``
    lane: str = ""  # who gives the figure (a claimant); "" for the outlet's own


@dataclass(frozen=True)
class Tick:
    position: float  # x on the x axis, y on the y axis
    label: str
    minor: bool = False  # a label a phone leaves out, for room


@dataclass(frozen=True)
class Mark:
    x: float
    y: float  # the value stated, or the middle of a range
    y_low: float | None  # the bar's ends, where the value covers a range; SVG y grows down,
    y_high: float | None  # so y_low >= y_high
    shape: str  # "point", "approximate", "at_least", "at_most" or "range"
    arrow: str  # polygon points of an open end's arrow head, or ""
    outlet: str
    date_label: str
    value_label: str
    text: str  # "The Guardian, 30 April 2019: 11"; "…: 11, according to the IOPC"


@dataclass(frozen=True)
class Lane:
    """One claimant's figures, on the value scale every lane shares."""

    label: str  # "According to the CGT union"; "" when the chart has one lane
    top: float
    bottom: float
    y_ticks: tuple[Tick, ...]
    marks: tuple[Mark, ...]
    step: str  # polyline points through the value at each as-of date, or ""
    label_lines: tuple[str, ...] = ()  # the label cut to fit; each line but the last ends in " "

    @property
    def label_y(self) -> float:
        """The baseline of the label's first line, its last just above the lane."""
        return self.top - 10 - LABEL_LINE * max(len(self.label_lines) - 1, 0)


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    x_ticks: tuple[Tick, ...]
    lanes: tuple[Lane, ...]
    unit_label: str
    title: str
    summary: str  # one sentence, for the SVG's <desc>
    shapes: frozenset[str]  # the marks' shapes, for a caption saying what they mean
    tolerance: str  # how far either side an approximate figure reaches: "10%"
    rows: tuple[tuple[str, str, str, str], ...]  # (date, outlet, who says it, value)

    @property
    def marks(self) -> tuple[Mark, ...]:
        return tuple(mark for lane in self.lanes for mark in lane.marks)

    @property
    def y_ticks(self) -> tuple[Tick, ...]:
        return self.lanes[0].y_ticks

    @property
    def step(self) -> str:
        return self.lanes[0].step if len(self.lanes) == 1 else ""

    @property
    def has_claimants(self) -> bool:
        return any(who for _, _, who, _ in self.rows)


def build_timeline(points: Sequence[TimelinePoint], *, unit: str = "") -> Timeline | None:
    """The picture of ``points``, or None if there is nothing to draw on one value axis."""
    kinds = {type(p.value) for p in points}
    if kinds not in ({Quantity}, {DateValue}):
        return None
    speaking = list(dict.fromkeys(p.lane for p in points))  # claimants in the order given
    # The same source quoted several times with the same value and date is one mark.
    unique = {(p.source, p.as_of, p.value, p.lane): p for p in reversed(points)}
    points = sorted(unique.values(), key=lambda p: (p.as_of, p.outlet, p.source))

    extents = {id(p): _extent(p.value) for p in points}
    lo, hi, value_ticks = _value_axis(list(extents.values()), [p.value for p in points])
    left = float(max(44, round(16 + DIGIT_WIDTH * max(len(label) for _, label in value_ticks))))
    right = float(WIDTH - RIGHT)

    first, last = points[0].as_of.toordinal(), points[-1].as_of.toordinal()
    pad = max((last - first) * 0.08, (MIN_SPAN_DAYS - (last - first)) / 2)
    start, end = first - pad, last + pad

    def x_of(day: date) -> float:
        return round(left + (day.toordinal() - start) / (end - start) * (right - left), 1)

    groups = _lanes(points, speaking)
    many = len(groups) > 1
    room = int((WIDTH - left) // LABEL_CHAR_WIDTH)  # a lane label's characters to a line
    lanes: list[Lane] = []
    bottom = float(TOP - LANE_GAP)
    for name, lane_points in groups:
        label = _lane_label(name) if many else ""
        lines = _cut(label, room)
        top = bottom + LANE_GAP + LABEL_LINE * max(len(lines) - 1, 0)
        bottom = float(HEIGHT - BOTTOM) if not many else top + LANE_HEIGHT
        lane = _lane(
            label, lane_points, extents, x_of, (lo, hi, value_ticks), (left, right, top, bottom)
        )
        lanes.append(replace(lane, label_lines=lines))
    height = HEIGHT if not many else round(bottom) + BOTTOM
    marks = [m for lane in lanes for m in lane.marks]
    unit_label = unit if Quantity in kinds else ""
    return Timeline(
        width=WIDTH,
        height=height,
        plot_left=left,
        plot_right=right,
        plot_top=lanes[0].top,
        plot_bottom=float(height - BOTTOM),
        x_ticks=_every_other_minor([Tick(x_of(day), label) for day, label in _x_ticks(start, end)]),
        lanes=tuple(lanes),
        unit_label=unit_label,
        title=f"{unit_label.capitalize() or 'Values'} by as-of date, one mark per source"
        + (", a lane per claimant" if many else ""),
        summary=_summaries(groups, unit_label) if many else _summary(points, unit_label),
        shapes=frozenset(m.shape for m in marks),
        tolerance=f"{APPROXIMATE_TOLERANCE:.0%}",
        rows=tuple(
            (m.date_label, m.outlet, p.lane, m.value_label)
            for (_, group), lane in zip(groups, lanes, strict=True)
            for p, m in zip(group, lane.marks, strict=True)
        ),
    )


def _lanes(
    points: list[TimelinePoint], speaking: list[str]
) -> list[tuple[str, list[TimelinePoint]]]:
    """Points by claimant, in the order claimants first speak, the outlets' own figures last;
    claimants past ``MAX_LANES`` share the last lane."""
    by_lane: dict[str, list[TimelinePoint]] = {}
    for point in points:
        by_lane.setdefault(point.lane, []).append(point)
    names = [name for name in speaking if name] + ([""] if "" in by_lane else [])
    if len(names) == 1:
        return [(names[0], points)]
    kept, rest = names[: MAX_LANES - 1], names[MAX_LANES - 1 :]
    groups = [(name, by_lane[name]) for name in kept]
    if len(rest) == 1:
        groups.append((rest[0], by_lane[rest[0]]))
    elif rest:
        shared = sorted((p for n in rest for p in by_lane[n]), key=points.index)
        groups.append(("others", shared))
    return groups


def _lane_label(name: str) -> str:
    if name == "others":
        return "Others"
    return f"According to {isolate(name)}" if name else "Outlets’ own figures"


def _cut(label: str, room: int) -> tuple[str, ...]:
    """``label`` in lines of at most ``room`` characters, cut between words; joined, the lines
    are the label again."""
    lines = textwrap.wrap(label, room, break_long_words=False)
    return tuple(f"{line} " for line in lines[:-1]) + tuple(lines[-1:])


def _every_other_minor(ticks: list[Tick]) -> tuple[Tick, ...]:
    """More than three x labels crowd a phone: it shows every other one, from the first."""
    if len(ticks) <= 3:
        return tuple(ticks)
    return tuple(replace(tick, minor=n % 2 == 1) for n, tick in enumerate(ticks))


Axis = tuple[float, float, list[tuple[float, str]]]


def _lane(
    label: str,
    points: list[TimelinePoint],
    extents: dict[int, tuple[float, float, float]],
    x_of: Callable[[date], float],
    axis: Axis,
    box: tuple[float, float, float, float],
) -> Lane:
    lo, hi, value_ticks = axis
    left, right, top, bottom = box

    def y_of(value: float) -> float:
        return round(bottom - (value - lo) / (hi - lo) * (bottom - top), 1)

    ys = [[y_of(v) for v in extents[id(p)]] for p in points]
    # Place every mark at its date, then again after moving overlapping marks apart.
    marks = [_mark(p, x_of(p.as_of), y, top, bottom) for p, y in zip(points, ys, strict=True)]
    xs = _spread(marks, left, right)
    marks = [_mark(p, x, y, top, bottom) for p, x, y in zip(points, xs, ys, strict=True)]
    shapes = {m.shape for m in marks}
    # A step line through the value at each as-of date, only where it is one number or day:
    # through disagreeing sources, a bound or a period it would show a value no one stated.
    corners = sorted({(x_of(p.as_of), m.y) for p, m in zip(points, marks, strict=True)})
    step = ""
    if len({x for x, _ in corners}) == len(corners) > 1 and shapes <= {"point", "approximate"}:
        pairs = itertools.pairwise(corners)
        step = " ".join(f"{x:g},{y:g} {x2:g},{y:g}" for (x, y), (x2, _) in pairs)
        step += " {:g},{:g}".format(*corners[-1])
    ticks = [Tick(y_of(value), label) for value, label in value_ticks]
    if label and len(ticks) > 3:  # a lane is short: its ends and middle are enough
        ticks = [ticks[0], ticks[len(ticks) // 2], ticks[-1]]
    return Lane(
        label=label,
        top=top,
        bottom=bottom,
        y_ticks=tuple(ticks),
        marks=tuple(marks),
        step=step,
    )


def _extent(value: Quantity | DateValue) -> tuple[float, float, float]:
    """(middle, low, high) of a value in data units: numbers, or years with a fraction."""
    match value:
        case Quantity(number, Qualifier.APPROXIMATELY):
            margin = abs(number) * APPROXIMATE_TOLERANCE
            return float(number), float(number - margin), float(number + margin)
        case Quantity(number):
            return float(number), float(number), float(number)
        case DateValue(first, precision, end):
            # "2018" covers the whole year, up to 1 January 2019; "May 2018" the month.
            last = end or first
            after = {
                Precision.YEAR: date(last.year + 1, 1, 1),
                Precision.MONTH: date(last.year + last.month // 12, last.month % 12 + 1, 1),
            }.get(precision, last)
            low, high = _years(first), _years(after)
            return (low + high) / 2, low, high
    raise TypeError(value)


def _years(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / (366 if calendar.isleap(day.year) else 365)


def _value_axis(
    extents: list[tuple[float, float, float]], values: list[Quantity | DateValue]
) -> tuple[float, float, list[tuple[float, str]]]:
    """The y axis's range and labelled ticks: numbers from 0, dates in whole years."""
    low, high = min(e[1] for e in extents), max(e[2] for e in extents)
    quantities = [v for v in values if isinstance(v, Quantity)]
    if quantities:
        low, high = min(low, 0.0), max(high, 0.0)  # counts are drawn from 0, honestly
        open_up = any(q.qualifier == Qualifier.AT_LEAST for q in quantities)
        high += (high - low) * (0.25 if open_up else 0.05) or 1  # headroom, room for an arrow
        integral = all(q.number == q.number.to_integral_value() for q in quantities)
    else:
        pad = max((high - low) * 0.1, 0.5)
        low, high, integral = low - pad, high + pad, True  # dates tick whole years only
    # The smallest 1, 2 or 5 times a power of ten that leaves at most five ticks.
    raw = (high - low) / 4
    exponent = math.floor(math.log10(raw))
    step = next(s for m in (1, 2, 5, 10) if (s := Decimal(m).scaleb(exponent)) >= Decimal(raw))
    step = max(step, Decimal(1)) if integral else step
    first, last = math.floor(low / float(step)), math.ceil(high / float(step))
    ticks = [step * n for n in range(first, last + 1)]
    labelled = [(float(t), f"{t.normalize():,f}" if quantities else str(int(t))) for t in ticks]
    return labelled[0][0], labelled[-1][0], labelled


def _x_ticks(start: float, end: float) -> list[tuple[date, str]]:
    """At most six: 1 January of years, or first days of months when under two years."""
    first, last = date.fromordinal(math.ceil(start)), date.fromordinal(math.floor(end))
    if end - start >= 730:
        years = range(first.year + (first > date(first.year, 1, 1)), last.year + 1)
        # n consecutive candidates hold at most ceil(n / step) multiples of step.
        step = next((s for s in (1, 2, 5, 10, 20, 25, 50) if s * 6 >= len(years)), 100)
        return [(date(y, 1, 1), str(y)) for y in years if y % step == 0]
    months = range(first.year * 12 + first.month - 1 + (first.day > 1), last.year * 12 + last.month)
    step = next(s for s in (1, 2, 3, 6, 12) if s * 6 >= len(months))
    return [
        (date(m // 12, m % 12 + 1, 1), f"{calendar.month_abbr[m % 12 + 1]} {m // 12}")
        for m in months
        if m % step == 0
    ]


def _spread(marks: list[Mark], left: float, right: float) -> list[float]:
    """The marks' x, spread where marks at (nearly) one date overlap, so each source shows.
    Marks come in as-of date then outlet order, and each run of overlapping marks keeps it."""
    # Each mark's top and bottom; bars hold both ends (y_high is set whenever y_low is).
    spans = [(m.y, m.y) if m.y_low is None else (m.y_high or m.y, m.y_low) for m in marks]

    def overlap(i: int, j: int) -> bool:  # j comes first; near in x, within a dot's size in y
        (i_top, i_bottom), (j_top, j_bottom) = spans[i], spans[j]
        near = marks[i].x - marks[j].x < MARK_GAP
        return near and i_top - 12 < j_bottom and j_top - 12 < i_bottom

    runs: list[list[int]] = []
    for i in range(len(marks)):
        if not (run := next((r for r in runs if any(overlap(i, j) for j in r)), [])):
            runs.append(run)
        run.append(i)
    xs = [mark.x for mark in marks]
    for run in runs:
        middle = sum(marks[i].x for i in run) / len(run)
        for n, i in enumerate(run):
            x = middle + (n - (len(run) - 1) / 2) * MARK_GAP
            xs[i] = round(min(max(x, left + 6), right - 6), 1)
    return xs


_SHAPES = {Qualifier.EXACT: "point", Qualifier.APPROXIMATELY: "approximate"}


def _mark(point: TimelinePoint, x: float, ys: list[float], top: float, bottom: float) -> Mark:
    y, y_low, y_high = ys
    if isinstance(point.value, Quantity):
        shape = _SHAPES.get(point.value.qualifier, point.value.qualifier.value)
    else:
        shape = "range" if y_low != y_high else "point"
    arrow = ""
    if shape in ("at_least", "at_most"):  # open-ended: a bar to the plot's edge, an arrow head
        tip, base = (top, top + ARROW) if shape == "at_least" else (bottom, bottom - ARROW)
        y_high, y_low = (tip, y_low) if shape == "at_least" else (y_high, tip)
        arrow = f"{x:g},{tip:g} {x - ARROW / 2:g},{base:g} {x + ARROW / 2:g},{base:g}"
    bar = shape != "point"
    date_label = describe_date(point.as_of, Precision.DAY)
    text = f"{isolate(point.outlet)}, {date_label}: {point.label}"
    if point.lane:
        text += f", according to {isolate(point.lane)}"
    low, high = (y_low, y_high) if bar else (None, None)
    return Mark(x, y, low, high, shape, arrow, point.outlet, date_label, point.label, text)


def _summaries(groups: list[tuple[str, list[TimelinePoint]]], unit: str) -> str:
    """ "According to the union: 2 million as of 7 March 2023 (Le Monde); according to the
    interior ministry: 1.28 million as of …"."""
    parts = [
        f"{_lane_label(name).lower()[:1]}{_lane_label(name)[1:]}: "
        f"{_summary(points, unit, opens=False).removesuffix('.')}"
        for name, points in groups
    ]
    sentence = "; ".join(parts) + "."
    return sentence[:1].upper() + sentence[1:]


def _summary(points: list[TimelinePoint], unit: str, *, opens: bool = True) -> str:
    """Oldest first: "11 officers as of 30 April 2019 (The Guardian), 14 as of …"."""
    outlets: dict[tuple[date, str], dict[str, None]] = {}  # in order, and each outlet once
    for p in points:
        outlets.setdefault((p.as_of, p.label), {})[isolate(p.outlet)] = None
    phrases: list[str] = []
    for (as_of, label), names in outlets.items():
        *others, final = names
        who = f"{', '.join(others)} and {final}" if others else final
        value = f"{label} {unit}" if unit and not phrases else label
        phrases.append(f"{value} as of {describe_date(as_of, Precision.DAY)} ({who})")
    sentence = ", ".join(phrases) + "."
    return sentence[:1].upper() + sentence[1:] if opens else sentence
