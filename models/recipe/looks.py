"""The L4 answer the app says from an NG image's listed regions (electron/core/mau-gpt/region-looks.ts):
each region measured as the MAU-Set export measures a labelled one (mauset-qa/appearance.ts) — size
by its share of the image, shape by its box and how much of it the region fills, contrast by the
mean grey inside against a ring around it — and worded as the export's open L4 answer
(mauset-qa/description.ts looksAnswer): the four largest one by one, the rest counted.

Grey is sharp's: luminance in linear light, encoded back to sRGB (within one grey level of it).
"""

from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from grounding import display_name, position_of, round_half_up
from regions import region_labels

DESCRIBED = 4  # description.ts: regions an L4 answer describes one by one
SAME_BRIGHTNESS = 8  # appearance.ts: grey levels closer than this read as the same brightness


def grey_of(rgb):
    """8-bit grey as sharp's greyscale() gives it, from an H×W×3 uint8 array."""
    c = rgb.astype(np.float64) / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    y = linear @ np.array([0.2126, 0.7152, 0.0722])
    encoded = np.where(y <= 0.0031308, 12.92 * y, 1.055 * np.power(y, 1 / 2.4) - 0.055)
    return np.clip(np.floor(encoded * 255.0 + 0.5), 0, 255).astype(np.uint8)


def to_fixed(value, digits):
    """JavaScript's Number.prototype.toFixed: the exact binary value, halves rounded up."""
    return str(Decimal(value).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def percent(value):
    """wording.ts percent: "0.01 %", "1.4 %", "12 %", never "0 %" for a real defect."""
    if value >= 10:
        return f"{round_half_up(value)} %"
    if value >= 0.1:
        return f"{to_fixed(value, 1)} %"
    return "under 0.01 %" if 0 < value < 0.01 else f"{to_fixed(value, 2)} %"


def share_of_image(value):
    text = percent(value)
    return f"{text} of the image" if text.startswith("under") else f"about {text} of the image"


def size_word(area_pct):
    return "tiny" if area_pct < 0.1 else "small" if area_pct < 1 else "medium-sized" if area_pct < 5 else "large"


def shape_word(bbox, fill_ratio):
    long, short = max(bbox[2], bbox[3]), max(1e-9, min(bbox[2], bbox[3]))
    if long / short >= 3:
        return "elongated"
    return "irregular" if fill_ratio < 0.5 else "compact"


def contrast_word(brightness):
    if brightness is None:
        return None
    difference = brightness[0] - brightness[1]
    if abs(difference) < SAME_BRIGHTNESS:
        return "about as bright as its surroundings"
    return "darker than its surroundings" if difference < 0 else "brighter than its surroundings"


def looks_answer(regions):
    """description.ts looksAnswer for regions {id, type, areaPct, bbox, fillRatio, brightness}."""
    largest_first = sorted(regions, key=lambda r: -r["areaPct"])  # stable, as Array.sort
    lines = []
    for r in largest_first[:DESCRIBED]:
        what = f" ({display_name(r['type'])})" if r["type"] else ""
        contrast = contrast_word(r["brightness"])
        look = f"a {size_word(r['areaPct'])}, {shape_word(r['bbox'], r['fillRatio'])} mark"
        look = f"{look}, {contrast}" if contrast else look
        size = f"{round_half_up(r['bbox'][2])}×{round_half_up(r['bbox'][3])} px, {share_of_image(r['areaPct'])}"
        lines.append(f"{r['id']}{what} is {look} ({size}).")
    rest = len(largest_first) - DESCRIBED
    if rest > 0:
        lines.append(f"{rest} smaller region{' looks' if rest == 1 else 's look'} alike.")
    return " ".join(lines)


def filled(cells):
    """A region's map cells with its holes filled: the app draws a region by its outer outline."""
    padded = np.pad(cells, 1)
    labels, _ = region_labels(~padded)
    outside = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    return (padded | ~np.isin(labels, outside))[1:-1, 1:-1]


def image_bitmap(place, scale_x, scale_y, width, height):
    """The region's pixels in the image (pixel-centre rule, as the app rasterises its outline)."""
    mx, my, cells = place["cells"]
    cells = filled(cells)
    xs = np.floor((np.arange(width) + 0.5) / scale_x).astype(int) - mx
    ys = np.floor((np.arange(height) + 0.5) / scale_y).astype(int) - my
    col_in = (xs >= 0) & (xs < cells.shape[1])
    row_in = (ys >= 0) & (ys < cells.shape[0])
    bitmap = np.zeros((height, width), bool)
    rows, cols = np.nonzero(row_in)[0], np.nonzero(col_in)[0]
    if rows.size and cols.size:
        bitmap[np.ix_(rows, cols)] = cells[np.ix_(ys[rows], xs[cols])]
    return bitmap


def measured_regions(places, types, grey, scale_x, scale_y):
    """region-looks.ts measuredRegions for places from regions.listed_places (with their cells):
    contrast only for the regions the answer describes, every listed one kept out of their rings."""
    height, width = grey.shape
    by_size = sorted(range(len(places)), key=lambda i: -places[i]["area"])  # stable, as largestFirst
    described = set(by_size[:DESCRIBED])
    any_region, bitmaps = np.zeros(grey.shape, bool), {}
    for i, place in enumerate(places):
        bitmap = image_bitmap(place, scale_x, scale_y, width, height)
        any_region |= bitmap
        if i in described:
            bitmaps[i] = bitmap
    out = []
    for i, place in enumerate(places):
        bitmap = bitmaps.get(i)
        x, y, w, h = place["bbox"]
        margin = max(2, round_half_up(max(w, h) / 4))
        x0, y0 = max(0, int(np.floor(x)) - margin), max(0, int(np.floor(y)) - margin)
        x1, y1 = min(width, int(np.ceil(x + w)) + margin), min(height, int(np.ceil(y + h)) + margin)
        brightness = None
        if bitmap is not None and bitmap.any():
            window, inside = grey[y0:y1, x0:x1].astype(np.float64), bitmap[y0:y1, x0:x1]
            ring = ~any_region[y0:y1, x0:x1]
            brightness = (window[inside].mean(), window[ring].mean()) if ring.any() else None
        out.append({"id": f"r{i + 1}", "type": types[i], "areaPct": 100 * place["area"] / (width * height),
                    "bbox": place["bbox"], "fillRatio": min(1.0, place["area"] / max(1, np.ceil(w) * np.ceil(h))),
                    "position": position_of(*place["centre"], width, height), "brightness": brightness})
    return out
