"""Preprocessing and post-processing written independently of the TypeScript engine, so the
engine's tests compare against a second implementation rather than against themselves."""

import math
from collections import deque

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image


def round_half_up(x):
    # JavaScript's Math.round, so both sides agree on .5 cases
    return int(math.floor(x + 0.5))


def transform_for(w0, h0, width, height, mode):
    if mode == "stretch":
        return dict(sx=width / w0, sy=height / h0, padX=0, padY=0, width=width, height=height,
                    newWidth=width, newHeight=height, sourceWidth=w0, sourceHeight=h0)
    r = min(width / w0, height / h0)
    nw, nh = round_half_up(w0 * r), round_half_up(h0 * r)
    left = round_half_up((width - nw) / 2 - 0.1)
    top = round_half_up((height - nh) / 2 - 0.1)
    return dict(sx=nw / w0, sy=nh / h0, padX=left, padY=top, width=width, height=height,
                newWidth=nw, newHeight=nh, sourceWidth=w0, sourceHeight=h0)


def load_input(path, width, height, mode, pad=114):
    """Returns the model-size uint8 RGB image (HxWx3) and the geometry transform."""
    im = Image.open(path).convert("RGB")
    t = transform_for(im.size[0], im.size[1], width, height, mode)
    if (t["newWidth"], t["newHeight"]) != im.size:
        im = im.resize((t["newWidth"], t["newHeight"]), Image.BILINEAR)
    canvas = Image.new("RGB", (width, height), (pad, pad, pad))
    canvas.paste(im, (t["padX"], t["padY"]))
    return np.asarray(canvas).copy(), t


def to_tensor(u8, mean, std, scale):
    x = torch.from_numpy(u8).permute(2, 0, 1)[None].float()
    m = torch.tensor(mean).view(1, 3, 1, 1)
    s = torch.tensor(std).view(1, 3, 1, 1)
    return (x / scale - m) / s


def components(binary, values):
    """8-connected components in raster order of their first pixel."""
    h, w = binary.shape
    seen = np.zeros_like(binary, dtype=bool)
    found = []
    for y0 in range(h):
        for x0 in range(w):
            if not binary[y0, x0] or seen[y0, x0]:
                continue
            queue = deque([(y0, x0)])
            seen[y0, x0] = True
            xs, ys, best = [], [], -math.inf
            while queue:
                y, x = queue.popleft()
                xs.append(x)
                ys.append(y)
                best = max(best, float(values[y, x]))
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        ny, nx = y + dy, x + dx
                        if 0 <= ny < h and 0 <= nx < w and binary[ny, nx] and not seen[ny, nx]:
                            seen[ny, nx] = True
                            queue.append((ny, nx))
            found.append(dict(bbox=[min(xs), min(ys), max(xs) + 1, max(ys) + 1], pixels=len(xs), max=best))
    return found


def minmax(x, threshold, mn, mx):
    return np.clip((x - threshold) / (mx - mn) + 0.5, 0.0, 1.0)


def iou(a, b):
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def nms_classwise(boxes, scores, classes, iou_thr, max_det):
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    keep = []
    for i in order:
        if all(classes[k] != classes[i] or iou(boxes[k], boxes[i]) <= iou_thr for k in keep):
            keep.append(i)
            if len(keep) == max_det:
                break
    return keep


def to_source_box(b, t):
    def cx(x):
        return min(max((x - t["padX"]) / t["sx"], 0.0), t["sourceWidth"])

    def cy(y):
        return min(max((y - t["padY"]) / t["sy"], 0.0), t["sourceHeight"])

    return [cx(b[0]), cy(b[1]), cx(b[2]), cy(b[3])]


def yolo_detections(out0, nc, fmt, conf, iou_thr, max_det, nm):
    """Rows of (input-space xyxy, score, class, coeffs) after the adapter's decoding rules."""
    if fmt == "raw":
        p = out0[0].T  # N x (4+nc+nm)
        cls = p[:, 4 : 4 + nc]
        scores, classes = cls.max(1), cls.argmax(1)
        idx = [i for i in range(p.shape[0]) if scores[i] > conf]
        boxes = [[p[i, 0] - p[i, 2] / 2, p[i, 1] - p[i, 3] / 2, p[i, 0] + p[i, 2] / 2, p[i, 1] + p[i, 3] / 2]
                 for i in idx]
        keep = nms_classwise(boxes, [scores[i] for i in idx], [classes[i] for i in idx], iou_thr, max_det)
        return [(boxes[k], float(scores[idx[k]]), int(classes[idx[k]]), p[idx[k], 4 + nc : 4 + nc + nm])
                for k in keep]
    rows = out0[0]
    picked = [r for r in rows if r[4] > conf]
    picked.sort(key=lambda r: -r[4])
    return [(list(r[0:4]), float(r[4]), int(r[5]), r[6 : 6 + nm]) for r in picked[:max_det]]


def crop(m, x1, y1, x2, y2):
    """Ultralytics crop_mask: keep cells with x1 <= column < x2 and y1 <= row < y2."""
    h, w = m.shape[-2:]
    r = torch.arange(w, dtype=torch.float32)[None, None, :]
    q = torch.arange(h, dtype=torch.float32)[None, :, None]
    return m * ((r >= x1) & (r < x2) & (q >= y1) & (q < y2))


def yolo_mask(protos, coeffs, box, height, width):
    """coeffs·protos cropped to the box at prototype scale, bilinear upsample to the input size
    (Ultralytics process_mask), then cropped to the box again at input scale
    (process_mask_native) so no outline leaves its box; logits > 0."""
    c, mh, mw = protos.shape
    m = (torch.from_numpy(np.asarray(coeffs, dtype=np.float32))[None] @ protos.view(c, -1)).view(1, mh, mw)
    m = crop(m, box[0] * mw / width, box[1] * mh / height, box[2] * mw / width, box[3] * mh / height)
    up = F.interpolate(m[None], (height, width), mode="bilinear", align_corners=False)[0]
    return (crop(up, box[0], box[1], box[2], box[3])[0] > 0.0).numpy()
