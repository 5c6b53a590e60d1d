"""The region-type head: which of an image's listed defect types each of its regions shows.

The defect-type head lists the types an image shows; on a board with several it cannot say which
region is which, and the regions stayed untyped. This head reads the same frozen encoder levels
(defect_types.level_statistics) on a square crop around one region instead of the whole image;
the app gives each region the listed type this head rates highest. It learns on the labelled
regions of the categories whose train images show several types at once (boards, steel), from
statistics computed once per crop (and its mirror images).

Exported inside defect_types.onnx, as a second output on the same statistics (a graph of its own
would carry a second copy of the encoder path, 2.4 MB): fed N crops [N, 3, S, S] it gives
region_type_logits [N, labels], the labels of options.defectTypes. Its entry lives in the
defect-type head's (`regions`), so every path that keeps or drops that head keeps or drops this
one with it; train_types.py, which makes a new image head, starts without it.
"""

import math

import numpy as np
import torch

from data import load_rgb, normalise, resize_rgb
from defect_types import DefectTypeHead, level_statistics


def crop_box(bbox, width, height, scale, min_side):
    """(left, top, side) of the square a region is typed from: `scale` times its longer side, at
    least min_side and at most the image's shorter side, centred on the region and moved inside
    the image; whole pixels, rounded half up as the app (region-crops.ts) rounds them."""
    x, y, w, h = bbox
    side = math.floor(min(max(min_side, scale * max(w, h)), width, height) + 0.5)
    left = math.floor(min(max(0.0, x + w / 2 - side / 2), width - side) + 0.5)
    top = math.floor(min(max(0.0, y + h / 2 - side / 2), height - side) + 0.5)
    return left, top, side


def crop_views(rgb, bbox, size, scale, min_side, mirrors):
    left, top, side = crop_box(bbox, rgb.shape[1], rgb.shape[0], scale, min_side)
    crop = resize_rgb(np.ascontiguousarray(rgb[top:top + side, left:left + side]), size)
    return [crop, crop[:, ::-1], crop[::-1, :]] if mirrors else [crop]


def multi_type_categories(samples):
    """Categories with a train image that shows more than one type: where regions need a head."""
    return sorted({s.category for s in samples if len({r.type for r in s.regions}) > 1})


def region_statistics(vision, samples, config, entry, mirrors, batch=32):
    """Level statistics of a crop around every labelled region of `samples`, and (sample, region)
    per row."""
    v = config["vision"]
    rows, owners, pending = [], [], []

    def flush():
        if pending:
            with torch.no_grad():
                rows.append(level_statistics(vision, torch.stack(pending)))
            pending.clear()

    for sample in samples:
        rgb = load_rgb(sample)
        for region in sample.regions:
            for view in crop_views(rgb, region.bbox, v["imageSize"], entry["scale"], entry["minSide"], mirrors):
                pending.append(normalise(np.ascontiguousarray(view), v["mean"], v["std"]))
                owners.append((sample, region))
                if len(pending) >= batch:
                    flush()
    flush()
    return (torch.cat(rows) if rows else torch.zeros(0)), owners


def region_head(entry):
    """The head from its entry (options and float32 weights), for the export and the report."""
    state = entry["state"]
    head = DefectTypeHead(state["centre"].shape[0], state["mlp.4.weight"].shape[0], entry["hidden"])
    head.load_state_dict(state)
    return head.eval()


def typed_regions(logits, listed, labels):
    """Per region: the listed type its logits rate highest (the app's rule, region-types.ts)."""
    columns = [labels.index(t) for t in listed]
    return [listed[int(torch.argmax(row[columns]))] for row in logits]
