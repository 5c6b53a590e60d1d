"""Regions traced on an anomaly map, as the app lists them, against the labelled ones.

The app traces 8-connected areas of the map at the pixel threshold on a part called NG
(electron/core/mau-gpt/anomaly-prediction.ts). A category may also name a `regionPeak`: a traced
region is then listed only where its highest map value reaches it (hysteresis: traced low, kept
where it peaks high), which drops the faint specks a reviewer would only reject. Counts are fair to
a map that marks whole boxes and to one that marks only the defect's own pixels inside them:
traced regions that touch a labelled defect pixel, and labelled regions (their boxes) that some
listed region reaches.
"""

import numpy as np

# regionPeak values a category may choose; 0.0 lists every traced region
REGION_PEAKS = (0.0, 0.9, 0.95, 0.98, 0.99)


def region_labels(mask):
    """8-connected areas of a boolean map, as the runtime traces regions (components.ts): runs of
    foreground per row, joined where runs of neighbouring rows touch, diagonals included. Returns
    (int32 labels, 0 for background and 1..n per area, n)."""
    parent, previous, rows = [], [], []

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for row in mask:
        padded = np.concatenate([[False], row, [False]])
        edges = np.flatnonzero(padded[1:] != padded[:-1])
        runs = []
        for start, end in zip(edges[::2], edges[1::2]):  # run covers [start, end)
            label = len(parent)
            parent.append(label)
            for p_start, p_end, p_label in previous:
                if p_start <= end and start <= p_end:  # touching, diagonals included
                    a, b = find(label), find(p_label)
                    parent[max(a, b)] = min(a, b)
            runs.append((start, end, label))
        rows.append(runs)
        previous = runs
    roots = sorted({find(i) for i in range(len(parent))})
    number = {root: i + 1 for i, root in enumerate(roots)}
    labels = np.zeros(np.shape(mask), np.int32)
    for y, runs in enumerate(rows):
        for start, end, label in runs:
            labels[y, start:end] = number[find(label)]
    return labels, len(roots)


def map_boxes(sample, shape):
    """The sample's labelled boxes on the map's grid (the image's pixels, or S×S for a resized
    view), as (x0, y0, x1, y1), at least one pixel each."""
    sy, sx = shape[0] / sample.height, shape[1] / sample.width
    boxes = []
    for region in sample.regions:
        x, y, w, h = region.bbox
        x0, y0 = int(np.floor(x * sx)), int(np.floor(y * sy))
        boxes.append((x0, y0, max(x0 + 1, int(np.ceil((x + w) * sx))), max(y0 + 1, int(np.ceil((y + h) * sy)))))
    return boxes


def region_stats(amap, truth, boxes, pixel):
    """The regions traced at `pixel`: labels, each region's peak (the map clamped to 0..1, as the
    app scores a region), whether it touches a truth pixel, and which regions reach each box."""
    labels, count = region_labels(amap >= pixel)
    peaks = np.zeros(count + 1)
    np.maximum.at(peaks, labels.ravel(), np.clip(amap, 0.0, 1.0).ravel())
    on_defect = np.zeros(count + 1, bool)
    on_defect[np.unique(labels[(labels > 0) & truth])] = True
    reached = [set(np.unique(labels[y0:y1, x0:x1]).tolist()) - {0} for x0, y0, x1, y1 in boxes]
    return {"labels": labels, "peaks": peaks[1:], "onDefect": on_defect[1:], "reached": reached}


def kept_regions(stats, peak):
    """Region numbers (1..n) listed at regionPeak `peak` (None: none listed; 0: all)."""
    if peak is None:
        return set()
    return {i + 1 for i, p in enumerate(stats["peaks"]) if p >= peak}


def kept_pixels(stats, peak):
    """The map's pixels inside listed regions."""
    return np.isin(stats["labels"], sorted(kept_regions(stats, peak)))


def region_counts(stats, peak):
    """Listed regions, those on a defect, labelled regions and those some listed region reaches."""
    kept = kept_regions(stats, peak)
    return {"traced": len(kept), "onDefect": int(sum(stats["onDefect"][i - 1] for i in kept)),
            "labelled": len(stats["reached"]), "found": sum(1 for r in stats["reached"] if r & kept)}


def choose_region_peak(stats_list):
    """The REGION_PEAKS entry with the best F2 of region precision and recall over a category's NG
    val images called NG. F2 weighs recall twice: a missed defect costs more than a speck a reviewer
    rejects with one key. Ties keep the lower peak (more regions listed); None without labels."""
    best, best_f2 = None, -1.0
    for peak in REGION_PEAKS:
        counts = [region_counts(s, peak) for s in stats_list]
        traced, labelled = sum(c["traced"] for c in counts), sum(c["labelled"] for c in counts)
        if not labelled:
            return None
        p = sum(c["onDefect"] for c in counts) / traced if traced else 0.0
        r = sum(c["found"] for c in counts) / labelled
        f2 = 5 * p * r / (4 * p + r) if p + r else 0.0
        if f2 > best_f2 + 1e-12:
            best, best_f2 = peak, f2
    return best


def listed_places(stats, peak, scale_x, scale_y, cap=None):
    """The listed regions in the app's order (highest peak first, then the order traced; at most
    `cap`), each as its box (x, y, w, h), pixel centroid and area in image pixels, and its cells
    on the map (x0, y0, a boolean crop of its box): `scale_*` take the map's grid to the image (1
    for a tiled map, image size ÷ S for a resized view)."""
    order = sorted(kept_regions(stats, peak), key=lambda k: (-stats["peaks"][k - 1], k))[:cap]
    places = []
    for k in order:
        ys, xs = np.nonzero(stats["labels"] == k)
        x0, y0, x1, y1 = xs.min(), ys.min(), xs.max() + 1, ys.max() + 1
        box = (x0 * scale_x, y0 * scale_y, (x1 - x0) * scale_x, (y1 - y0) * scale_y)
        places.append({"bbox": box, "centre": ((xs.mean() + 0.5) * scale_x, (ys.mean() + 0.5) * scale_y),
                       "area": len(xs) * scale_x * scale_y,
                       "cells": (int(x0), int(y0), stats["labels"][y0:y1, x0:x1] == k)})
    return places
