"""Geometry for the inline SVG bar charts (drawn by templates/includes/bar_chart.html).

Horizontal bars: a text label on the left, the bar, its count after it. Each bar links
to the list it counts; the template adds a table of the same numbers for screen readers."""

from dataclasses import dataclass

ROW_HEIGHT = 28
BAR_HEIGHT = 20
LABEL_WIDTH = 210  # room for the labels left of the bars
CHART_WIDTH = 640
COUNT_ROOM = 50  # room after the longest bar for its count


@dataclass
class Bar:
    label: str
    count: int
    url: str
    css_class: str
    y: int  # top of the bar
    width: float

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT // 2 + 5

    @property
    def count_x(self) -> float:
        return LABEL_WIDTH + self.width + 8


@dataclass
class BarChart:
    title: str
    bars: list[Bar]
    height: int
    width: int = CHART_WIDTH
    label_x: int = LABEL_WIDTH - 10
    bar_x: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT
    unit: str = ""  # what the numbers count, for the table's heading (default: recommendations)
    suffix: str = ""  # after each number, e.g. "%"


def bar_chart(
    title: str,
    rows: list[tuple[str, int, str, str]],
    *,
    largest: int | None = None,
    unit: str = "",
    suffix: str = "",
) -> BarChart:
    """rows: (label, count, url, css class). Bars scale to `largest` (a rate's 100), or
    else to the largest count."""
    largest = largest or max((count for _, count, _, _ in rows), default=0) or 1
    room = CHART_WIDTH - LABEL_WIDTH - COUNT_ROOM
    bars = [
        Bar(label, count, url, css, i * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) // 2,
            round(count / largest * room, 1))
        for i, (label, count, url, css) in enumerate(rows)
    ]  # fmt: skip
    return BarChart(title=title, bars=bars, height=len(bars) * ROW_HEIGHT, unit=unit, suffix=suffix)
