"""Layout problems of a drawn figure, from the renderer's bounding boxes: text that overlaps
or runs into other text, legends that cover bars, markers or lines, and numeric axes with too
few labelled ticks to read a value.

Used by the test suite on every registered figure at its export size; a figure author can
call ``problems(fig)`` on a figure of their own.
"""
from __future__ import annotations

import itertools
import re

import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox

#: Texts closer than this (points) count as running together; a legend may touch data by less.
GAP_PT = 1.5


def _texts(fig) -> list[Text]:
    """Visible, non-empty texts; of tick labels only those of ticks inside the view (matplotlib
    keeps label objects for ticks it does not draw)."""
    tick_labels = {id(t) for ax in fig.axes for axis in (ax.xaxis, ax.yaxis)
                   for tick in axis.get_major_ticks() + axis.get_minor_ticks() for t in (tick.label1, tick.label2)}
    drawn = [t for ax in fig.axes for axis in (ax.xaxis, ax.yaxis) if axis.get_visible()
             for t in axis.get_ticklabels(which="both") if _in_view(axis, t)]
    others = [t for t in fig.findobj(Text) if id(t) not in tick_labels]
    return [t for t in drawn + others if t.get_visible() and t.get_text().strip() and t.get_alpha() != 0]


def _in_view(axis, label: Text) -> bool:
    """Whether a tick label's tick lies inside the axis's view interval (so it is drawn)."""
    low, high = sorted(axis.get_view_interval())
    where = label.get_position()[0 if axis.axis_name == "x" else 1]
    tolerance = (high - low) * 1e-9
    return low - tolerance <= where <= high + tolerance


def _label(text: Text) -> str:
    return repr(text.get_text().replace("\n", " ")[:40])


def _overlap(a: Bbox, b: Bbox, gap_px: float = 0.0) -> bool:
    """Whether two boxes overlap, or come closer than ``gap_px``."""
    return (min(a.x1, b.x1) - max(a.x0, b.x0) > -gap_px) and (min(a.y1, b.y1) - max(a.y0, b.y0) > -gap_px)


def text_overlaps(fig) -> list[str]:
    """Pairs of visible texts whose boxes overlap or come closer than ``GAP_PT``."""
    renderer = fig.canvas.get_renderer()
    gap = GAP_PT * fig.dpi / 72
    boxes = [(t, t.get_window_extent(renderer)) for t in _texts(fig)]
    return [f"text {_label(a)} runs into {_label(b)}" for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2)
            if _overlap(box_a, box_b, gap)]


def _data_boxes(ax, renderer) -> list[tuple[str, Bbox]]:
    """Boxes of what an axes draws as data: bars, markers and the points of lines."""
    boxes = []
    for patch in ax.patches:
        if isinstance(patch, Rectangle) and patch.get_visible() and patch.get_height() != 0:
            box = patch.get_window_extent(renderer)
            if np.isfinite(box.get_points()).all():  # a missing value draws no bar
                boxes.append(("a bar", box))
    for collection in ax.collections:
        if isinstance(collection, PathCollection) and collection.get_visible():
            for x, y in collection.get_offset_transform().transform(collection.get_offsets()):
                boxes.append(("a marker", Bbox.from_bounds(x - 2, y - 2, 4, 4)))
    for line in ax.get_lines():
        if isinstance(line, Line2D) and line.get_visible():
            xy = line.get_transform().transform(np.asarray(line.get_xydata(), dtype=float))
            for x, y in xy[np.isfinite(xy).all(axis=1)]:
                boxes.append(("a line point", Bbox.from_bounds(x - 1, y - 1, 2, 2)))
    return boxes


def legend_overlaps(fig) -> list[str]:
    """Legends whose box covers a bar, a marker or a point of a line of any axes."""
    renderer = fig.canvas.get_renderer()
    legends = [legend for ax in fig.axes if (legend := ax.get_legend()) is not None] + list(fig.legends)
    found = []
    for legend in legends:
        box = legend.get_window_extent(renderer)
        for ax in fig.axes:
            for what, data in _data_boxes(ax, renderer):
                if _overlap(box, data, -1.0):
                    found.append(f"the legend covers {what}")
                    break
    return sorted(set(found))


#: The fewest labelled ticks a numeric axis needs for a reader to read a value off it.
MIN_TICKS = 3
NUMBER = re.compile(r"^[−-]?[\d,.]+%?$|^\$.*\$$")


def sparse_axes(fig) -> list[str]:
    """Numeric axes with fewer than ``MIN_TICKS`` labelled ticks in view."""
    found = []
    for number, ax in enumerate(fig.axes, start=1):
        for axis in (ax.xaxis, ax.yaxis):
            if not axis.get_visible():
                continue
            labels = [t.get_text().strip() for t in axis.get_ticklabels() if _in_view(axis, t) and t.get_text().strip()]
            numeric = [t for t in labels if NUMBER.match(t)]
            if numeric and len(numeric) == len(labels) and len(numeric) < MIN_TICKS:
                found.append(f"axes {number}: the {axis.axis_name} axis has only {len(numeric)} labelled ticks")
    return found


def problems(fig) -> list[str]:
    """Every layout problem of a drawn figure (draws it first)."""
    fig.canvas.draw()
    return text_overlaps(fig) + legend_overlaps(fig) + sparse_axes(fig)
