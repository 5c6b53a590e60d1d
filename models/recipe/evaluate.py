"""Anomaly maps over whole images, threshold choice on the validation split, and metrics.

Whole-image maps follow the pack's tiling option: `resize` runs the encoder once on the resized
image; `tiles` covers the image at full resolution with S×S tiles (stride S − overlap, the last
tile flush with the edge), averages overlapping map pixels and takes the largest tile score.
A category of part may score its tiled images instead by the mean of the stitched map's highest
fraction of pixels (`imageTopFraction`, chosen on val by `choose_image_scores`): a tile's own
score averages a fixed share of a 256² tile, far more than a small defect covers.
Overlaps are averaged evenly (`tiling.blend` "mean", the default) or "feather": each tile's
pixels weigh by their distance to the tile's edge, rising linearly over the overlap, so a tile
hands over to its neighbour gradually and the stitched map shows no seams where tiles disagree.
"""

import numpy as np
import torch

from data import defect_mask, global_view, load_rgb, normalise
from regions import choose_region_peak, map_boxes, region_stats


def tile_starts(length, size, overlap):
    if length <= size:
        return [0]
    stride = size - overlap
    starts = list(range(0, length - size, stride))
    return starts + [length - size]


def tile_weights(size, overlap, blend):
    """S×S weights of a tile's map pixels (see the module docstring); all ones for "mean"."""
    if blend == "mean" or overlap == 0:
        return np.ones((size, size), np.float32)
    if blend != "feather":
        raise ValueError(f"config: vision.tiling.blend must be mean or feather, got {blend!r}")
    edge = np.minimum(np.arange(size), np.arange(size)[::-1]).astype(np.float32)
    ramp = np.minimum(1.0, (edge + 1) / (overlap + 1)).astype(np.float32)
    return np.outer(ramp, ramp)


# image scores a category may choose instead of the largest tile score: the mean of the stitched
# map's highest fraction of pixels (0: its single highest pixel)
TOP_FRACTIONS = (0.0, 1e-4, 1e-3, 1e-2)


def is_tiled(sample, config):
    """Whether image_map covers the sample with full-resolution tiles (else the resized view)."""
    v = config["vision"]
    return v["tiling"]["mode"] == "tiles" and min(sample.width, sample.height) >= v["imageSize"]


def top_fraction_mean(amap, fraction):
    """Mean of the map's highest `fraction` of pixels, at least one (mau-gpt/image-score.ts)."""
    flat = amap.ravel()
    k = max(1, int(flat.size * fraction))
    return float(np.partition(flat, flat.size - k)[flat.size - k:].mean(dtype=np.float64))


@torch.no_grad()
def image_map(vision, sample, config, top_fraction=None, shared=False):
    """Returns (map in source pixels or S×S for resize, image score, ground-truth mask alike).
    The score is the graph's on the resized view; on tiles the largest tile score, or with
    `top_fraction` the top_fraction_mean of the stitched map. Tiles run on the category's own map
    trunk where it has one, unless `shared` asks for the shared trunk's map."""
    v = config["vision"]
    size = v["imageSize"]
    if not is_tiled(sample, config):
        x, m = global_view(sample, config)
        _, amap, score, _, _ = vision(x.unsqueeze(0))
        return amap[0, 0].numpy(), float(score[0]), m.numpy()
    rgb, truth = load_rgb(sample), defect_mask(sample)
    h, w = truth.shape
    total, count, best = np.zeros((h, w), np.float32), np.zeros((h, w), np.float32), 0.0
    overlap = v["tiling"].get("overlap", 0)
    weight = tile_weights(size, overlap, v["tiling"].get("blend", "mean"))
    for y0 in tile_starts(h, size, overlap):
        for x0 in tile_starts(w, size, overlap):
            x = normalise(rgb[y0:y0 + size, x0:x0 + size], v["mean"], v["std"])
            # a tile needs only the map: with a map trunk the trunk alone (anomaly_map.onnx)
            amap, score = vision.anomaly_only(x.unsqueeze(0), None if shared else sample.category)
            total[y0:y0 + size, x0:x0 + size] += amap[0, 0].numpy() * weight
            count[y0:y0 + size, x0:x0 + size] += weight
            best = max(best, float(score[0]))
    amap = total / count
    return amap, best if top_fraction is None else top_fraction_mean(amap, top_fraction), truth


def auroc(scores, labels):
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def f1_of(predicted, labels):
    tp = float((predicted & labels).sum())
    fp, fn = float((predicted & ~labels).sum()), float((~predicted & labels).sum())
    return 2 * tp / max(1e-9, 2 * tp + fp + fn)


def best_f1_threshold(scores, labels, candidates):
    best = (0.5, -1.0)
    for t in candidates:
        f1 = f1_of(scores >= t, labels)
        if f1 > best[1]:
            best = (float(t), f1)
    return best


def shared_trunk_score(vision, sample, config, score):
    """The image's score as a product without a trunk of its own is scored (the shared trunk's
    largest tile score, or its score on the resized view): `score` itself where the category has
    no trunk of its own."""
    if sample.category not in vision.category_trunks:
        return score
    return image_map(vision, sample, config, None, shared=True)[1]


def pack_image_threshold(records):
    """The pack-wide image threshold, which products without a threshold of their own are judged by
    (steel, whose val has no clean plate, and any unknown product): max F1 on every val image's
    shared-trunk score ("sharedScore"), the score such a product gets. Chosen on the scores of each
    category's own trunk, it moved with every sitting that trained one: 0.10.0's PCB trunk moved it
    from 0.9735 to 0.9827, and steel's verdicts with it, although steel's graph was unchanged."""
    return image_threshold(np.array([r["sharedScore"] for r in records]), np.array([r["ng"] for r in records]))


def image_threshold(scores, labels):
    grid = np.linspace(0.02, 0.98, 49)
    return best_f1_threshold(scores, labels, np.unique(np.concatenate([grid, scores])))[0]


def pixel_threshold(pix_scores, pix_labels):
    return best_f1_threshold(pix_scores, pix_labels, np.linspace(0.02, 0.98, 49))[0]


# pixel thresholds a category may choose by mask IoU; below 0.3 the map's background joins in
IOU_GRID = np.round(np.arange(0.30, 0.951, 0.05), 2)
# a category needs this many NG val images with a defect mask before it gets a pixel threshold
MIN_IOU_IMAGES = 5


def mask_ious(amap, truth):
    """IoU of the map cut at each IOU_GRID threshold with the defect mask (full resolution)."""
    inside = truth > 0.5
    out = []
    for t in IOU_GRID:
        cut = amap >= t
        union = float((cut | inside).sum())
        out.append(float((cut & inside).sum()) / union if union else 0.0)
    return np.array(out)


def choose_image_scores(records):
    """Per category of part with both verdicts among its tiled val images: the TOP_FRACTIONS entry
    whose score separates them best (AUROC), where it beats the largest tile score by more than one
    image can move the AUROC (1 / the smaller class's count). Val splits are small: with a fixed
    0.01, 0.7.0's ball screws (25 NG, 17 OK) chose the top 1 % on a val gain of 0.016, and on
    test it lost 0.05. records: {"category", "ng", "candidates": {None: tile score, fraction: mean}}."""
    chosen = {}
    for category in sorted({r["category"] for r in records if r["category"] and r["candidates"]}):
        rows = [r for r in records if r["category"] == category and r["candidates"]]
        labels = [r["ng"] for r in rows]
        tile = auroc([r["candidates"][None] for r in rows], labels)
        if tile is None:
            continue
        best = max(TOP_FRACTIONS, key=lambda f: auroc([r["candidates"][f] for r in rows], labels))
        one_image = 1 / min(sum(labels), len(labels) - sum(labels))
        if auroc([r["candidates"][best] for r in rows], labels) >= tile + one_image:
            chosen[category] = best
    return chosen


def category_entry(thresholds, category):
    """The category's own entry of thresholds["categories"] ({} where it has none)."""
    return (thresholds.get("categories") or {}).get(category, {})


def top_fraction_of(thresholds, category):
    """The category's imageTopFraction, or None where it keeps the largest tile score."""
    return category_entry(thresholds, category).get("imageTopFraction")


def region_peak_of(thresholds, category):
    """The category's regionPeak (regions.py), or 0.0 where every traced region is listed."""
    return category_entry(thresholds, category).get("regionPeak", 0.0)


def category_thresholds(records, fractions=None, overall=None):
    """Per category of part: the image threshold chosen on its own images (max F1), where the
    category has both verdicts, and the pixel threshold with the best mean mask IoU on its NG
    images. One scale rarely suits every product: chosen on all categories at once, most clean
    PCBs were called NG. Max F1 on the background-subsampled pixels is no guide per category: it
    chose 0.36 for ball screws and lowered BSData's mask IoU 0.44 -> 0.35; IoU is what the
    regions a reviewer sees are judged by. fractions: choose_image_scores' choice, whose score the
    records already carry and which the category's entry then names. With `overall` (the pack's
    image and pixel thresholds) and records that carry "regionInput", a category also chooses its
    regionPeak (regions.choose_region_peak) on its NG images called NG, where it lists fewer regions."""
    fractions = fractions or {}
    out = {}
    for category in sorted({r["category"] for r in records if r["category"]}):
        rows = [r for r in records if r["category"] == category]
        s, y = np.array([r["score"] for r in rows]), np.array([r["ng"] for r in rows])
        chosen = {}
        if y.any() and not y.all():
            chosen["image"] = image_threshold(s, y)
        ious = [r["ious"] for r in rows if r.get("ious") is not None]
        if len(ious) >= MIN_IOU_IMAGES:
            chosen["pixel"] = float(IOU_GRID[int(np.argmax(np.mean(ious, axis=0)))])
        if category in fractions and "image" in chosen:
            chosen["imageTopFraction"] = fractions[category]
        if overall is not None:
            image_cut, pixel_cut = (chosen.get(k, overall[k]) for k in ("image", "pixel"))
            called = [r for r in rows if r["ng"] and r.get("regionInput") and r["score"] >= image_cut]
            peak = choose_region_peak([region_stats(*r["regionInput"], pixel_cut) for r in called]) if called else None
            if peak:
                chosen["regionPeak"] = peak
        if chosen:
            out[category] = chosen
    return out


def threshold_of(thresholds, category, kind):
    """A sample's threshold: its category's own where the pack has one, else the pack's."""
    return category_entry(thresholds, category).get(kind, thresholds[kind])


def anomaly_metrics(vision, samples, config, thresholds=None):
    """Chooses thresholds (max F1; overall and per category) when none are given; returns them with
    image and pixel metrics, each sample judged by its category's thresholds where there are any."""
    records = []
    for sample in samples:
        given = None if thresholds is None else top_fraction_of(thresholds, sample.category)
        amap, score, truth = image_map(vision, sample, config, given)
        # choose_image_scores picks among these when the thresholds are being chosen
        candidates = ({None: score, **{f: top_fraction_mean(amap, f) for f in TOP_FRACTIONS}}
                      if thresholds is None and is_tiled(sample, config) else {})
        # every positive pixel and a fixed-seed sample of the background keep memory flat
        flat, truth_flat = amap.ravel(), truth.ravel() > 0.5
        rng = np.random.default_rng(len(records))
        keep = truth_flat | (rng.random(flat.shape[0]) < 20000 / flat.shape[0])
        records.append({"category": sample.category, "score": score, "ng": sample.verdict == "NG",
                        "candidates": candidates, "pix": flat[keep], "pixTruth": truth_flat[keep],
                        # the pack-wide image threshold is chosen on these (pack_image_threshold)
                        "sharedScore": shared_trunk_score(vision, sample, config, score) if thresholds is None else None,
                        "ious": mask_ious(amap, truth) if truth_flat.any() else None,
                        # the regions' peak is chosen on these (category_thresholds)
                        "regionInput": ((amap, truth > 0.5, map_boxes(sample, amap.shape))
                                        if thresholds is None and sample.verdict == "NG" and sample.regions
                                        else None)})
    fractions = choose_image_scores(records) if thresholds is None else {}
    for r in records:
        if r["category"] in fractions and r["candidates"]:
            r["score"] = r["candidates"][fractions[r["category"]]]
    scores, labels = [r["score"] for r in records], [r["ng"] for r in records]
    s, y = np.array(scores), np.array(labels)
    ps, py = np.concatenate([r["pix"] for r in records]), np.concatenate([r["pixTruth"] for r in records])
    if thresholds is None:
        overall = {"image": pack_image_threshold(records), "pixel": pixel_threshold(ps, py)}
        thresholds = {**overall, "categories": category_thresholds(records, fractions, overall)}
    image_cut = np.array([threshold_of(thresholds, r["category"], "image") for r in records])
    pixel_cut = np.concatenate([np.full(r["pix"].shape, threshold_of(thresholds, r["category"], "pixel"))
                                for r in records])
    predicted, pix_predicted = s >= image_cut, ps >= pixel_cut
    return thresholds, {"images": len(samples), "imageAuroc": auroc(scores, labels),
                        "imageF1": f1_of(predicted, y), "imageAccuracy": float((predicted == y).mean()) if len(s) else None,
                        "pixelF1": f1_of(pix_predicted, py)}
