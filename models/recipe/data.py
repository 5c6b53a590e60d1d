"""Images, masks and crops for training, and the chat sequences the decoder learns from.

Two views of an image: the *global* view (whole image resized to S, what the decoder sees) and
*crops* at full resolution (tiles mode) so that a 0.02 % BSData pit still covers pixels; half of
the crops are centred on a defect (jittered) so positives are not drowned in background.
"""

import random
from functools import lru_cache
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageDraw, ImageFilter

from mauset import Sample


@lru_cache(maxsize=64)
def _load_rgb(path):
    with Image.open(path) as img:
        return np.asarray(img.convert("RGB"))


def load_rgb(sample: Sample):
    rgb = _load_rgb(str(sample.image))
    if rgb.shape[:2] != (sample.height, sample.width):
        raise ValueError(f"{sample.image}: image is {rgb.shape[1]}x{rgb.shape[0]}, record says "
                         f"{sample.width}x{sample.height}")
    return rgb


_MASKS = {}


def _defect_mask(sample):
    """Union of the regions: exact masks where present, filled boxes for box-only regions."""
    mask = Image.new("L", (sample.width, sample.height), 0)
    for region in sample.regions:
        if region.mask is not None:
            with Image.open(region.mask) as m:
                part = m.convert("L")
            if part.size != mask.size:
                raise ValueError(f"{region.mask}: mask is {part.size}, image is {mask.size}")
            mask.paste(255, (0, 0), part.point(lambda v: 255 if v >= 128 else 0))
        else:
            x, y, w, h = region.bbox
            # a zero-width box (a one-pixel line drawn as a box) still marks its pixel
            ImageDraw.Draw(mask).rectangle([x, y, x + max(w, 1) - 1, y + max(h, 1) - 1], fill=255)
    return (np.asarray(mask) >= 128).astype(np.float32)


def defect_mask(sample):
    if sample.id not in _MASKS:
        if len(_MASKS) > 256:
            _MASKS.clear()
        _MASKS[sample.id] = _defect_mask(sample)
    return _MASKS[sample.id]


def normalise(rgb_u8, mean, std):
    # np.array copies: decoded images are cached read-only arrays
    x = torch.from_numpy(np.array(rgb_u8, dtype=np.float32)).permute(2, 0, 1) / 255.0
    return (x - torch.tensor(mean).view(3, 1, 1)) / torch.tensor(std).view(3, 1, 1)


def resize_rgb(rgb, size):
    return np.asarray(Image.fromarray(rgb).resize((size, size), Image.BILINEAR))


def resize_mask(mask, size):
    img = Image.fromarray((mask * 255).astype(np.uint8)).resize((size, size), Image.BILINEAR)
    return (np.asarray(img) >= 128).astype(np.float32)


def global_view(sample, config):
    v = config["vision"]
    rgb = resize_rgb(load_rgb(sample), v["imageSize"])
    return normalise(rgb, v["mean"], v["std"]), torch.from_numpy(resize_mask(defect_mask(sample), v["imageSize"]))


# a pixel differs from the template by more than this (0-255 grey): DeepPCB's images are near binary
TEMPLATE_DIFFERENCE = 64


def template_of(sample):
    """A DeepPCB board's defect-free template (…_temp.jpg beside …_test.jpg), where there is one."""
    name = str(sample.image)
    if not name.endswith("_test.jpg"):
        return None
    template = name[: -len("_test.jpg")] + "_temp.jpg"
    return template if Path(template).is_file() else None


def _template_mask(sample, template):
    """Box-only regions cut down to the pixels that differ from the template; a box where nothing
    differs stays filled."""
    boxes = _defect_mask(sample)
    with Image.open(sample.image) as img, Image.open(template) as temp:
        test, clean = np.asarray(img.convert("L"), np.int16), np.asarray(temp.convert("L"), np.int16)
    if test.shape != clean.shape:
        return boxes
    differs = Image.fromarray(((np.abs(test - clean) > TEMPLATE_DIFFERENCE) * 255).astype(np.uint8))
    # opened (thin lines along copper edges are the two scans' misregistration), then grown a pixel
    grown = np.asarray(differs.filter(ImageFilter.MinFilter(3)).filter(ImageFilter.MaxFilter(5))) >= 128
    mask = boxes * grown
    for region in sample.regions:
        x, y, w, h = (int(round(v)) for v in region.bbox)
        if region.mask is None and not mask[y:y + max(h, 1), x:x + max(w, 1)].any():
            mask[y:y + max(h, 1), x:x + max(w, 1)] = 1
    return mask.astype(np.float32)


_TRAINING_MASKS = {}


def training_mask(sample, config):
    """The mask the map learns: the labels' (defect_mask), or with stage1.templateMasks a board's
    boxes cut down to where it differs from its template. A box drawn over a pad teaches the map
    that pads are defects; the difference keeps the defect's own pixels."""
    template = template_of(sample) if config["stage1"].get("templateMasks") and sample.regions else None
    if template is None:
        return defect_mask(sample)
    if sample.id not in _TRAINING_MASKS:
        if len(_TRAINING_MASKS) > 256:
            _TRAINING_MASKS.clear()
        _TRAINING_MASKS[sample.id] = _template_mask(sample, template)
    return _TRAINING_MASKS[sample.id]


def random_crop(sample, config, rng, centre_on_defect):
    """A full-resolution S×S crop (images smaller than S are resized up first)."""
    v = config["vision"]
    size = v["imageSize"]
    if v["tiling"]["mode"] == "resize":
        x, m = global_view(sample, config)
        return x, m
    rgb, mask = load_rgb(sample), training_mask(sample, config)
    h, w = mask.shape
    if h < size or w < size:
        scale = size / min(h, w)
        nw, nh = max(size, round(w * scale)), max(size, round(h * scale))
        rgb = np.asarray(Image.fromarray(rgb).resize((nw, nh), Image.BILINEAR))
        mask = (np.asarray(Image.fromarray((mask * 255).astype(np.uint8)).resize((nw, nh))) >= 128).astype(
            np.float32)
        h, w = nh, nw
    if centre_on_defect and sample.regions:
        rx, ry, rw, rh = rng.choice(sample.regions).bbox
        sx, sy = w / sample.width, h / sample.height
        cx = (rx + rw / 2) * sx + rng.uniform(-0.3, 0.3) * size
        cy = (ry + rh / 2) * sy + rng.uniform(-0.3, 0.3) * size
        x0, y0 = int(cx - size / 2), int(cy - size / 2)
    else:
        x0, y0 = rng.randint(0, w - size), rng.randint(0, h - size)
    x0, y0 = min(max(0, x0), w - size), min(max(0, y0), h - size)
    crop = rgb[y0:y0 + size, x0:x0 + size]
    if rng.random() < 0.5:  # horizontal flip: defects have no preferred side
        crop, m = crop[:, ::-1], mask[y0:y0 + size, x0:x0 + size][:, ::-1]
    else:
        m = mask[y0:y0 + size, x0:x0 + size]
    return normalise(crop, v["mean"], v["std"]), torch.from_numpy(np.ascontiguousarray(m))


def source_of(sample):
    return sample.id.split("/")[0]


def _by_source(samples):
    groups = {}
    for s in samples:
        groups.setdefault(source_of(s), []).append(s)
    return [groups[k] for k in sorted(groups)]


def photometric_jitter(x, rng, spec):
    """One crop's contrast scaled about its mean by a factor in 1 ± contrast, then its brightness
    moved by up to ± brightness (normalised units, i.e. standard deviations of the dataset's
    pixels), the same for every channel. Without it the map learned the exposure and contrast of
    the frames it was shown as "normal": the ball screws' val frames (an angle no training frame
    shows) scored their clean frames as defective, image AUROC 0.79; a probe fine-tuning on ball
    screws with this jitter reached 0.96 there (MODEL_CARD.md)."""
    contrast = 1 + rng.uniform(-spec["contrast"], spec["contrast"])
    shift = rng.uniform(-spec["brightness"], spec["brightness"])
    mean = x.mean()
    return (x - mean) * contrast + mean + shift


def crop_batch(samples, config, rng, batch):
    """Half (defectCropFraction) of the crops centred on a defect. With stage1.sourceBalance each
    crop first picks a source dataset at random, so a small dataset (BSData: a tenth of the
    images) is not drowned by a large one; with stage1.photometric each crop is jittered in
    contrast and brightness (photometric_jitter). The mask never changes."""
    s1 = config["stage1"]
    jitter = s1.get("photometric")
    frac = s1["defectCropFraction"]
    pools = _by_source(samples) if s1.get("sourceBalance") else [samples]
    xs, ms = [], []
    for i in range(batch):
        pool = rng.choice(pools)
        defective = [s for s in pool if s.regions]
        on_defect = defective and i < round(batch * frac)
        sample = rng.choice(defective if on_defect else pool)
        x, m = random_crop(sample, config, rng, bool(on_defect))
        xs.append(x)
        ms.append(m)
    if jitter:  # drawn after the crops, so the same seed picks the same crops with or without it
        xs = [photometric_jitter(x, rng, jitter) for x in xs]
    return torch.stack(xs), torch.stack(ms).unsqueeze(1)


def seeded_rng(seed):
    return random.Random(seed)
