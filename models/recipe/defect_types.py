"""The defect-type head: which defect types an image shows, for the L2 answer and region types.

The decoder names steel defects well but PCB defects barely (it named a true type on 9 of 59
defective test boards); a linear probe of its visual tokens did no better on steel. Texture
statistics of the vision encoder's own levels do: per channel, the mean, max and spread of every
encoder level of the resized view, then a small MLP, multi-label (a board shows several types).
The encoder stays frozen, so visual tokens, z and the decoder are untouched; the head learns in
seconds on statistics computed once per training image (and its mirror images).

Exported as `defect_types.onnx` (role `defect-types`): pixel_values → type_logits, the encoder's
stem and down path included, so the app runs it on the same view tensor as the vision encoder.
"""

import argparse
import json
import time
from pathlib import Path

import torch
from torch import nn
from torch.nn import functional as F

from data import global_view


def level_statistics(vision, pixel_values):
    """[B, 3·Σchannels]: mean, max and standard deviation per channel of each encoder level."""
    stats, h = [], vision.stem(pixel_values)
    for i, block in enumerate(vision.down):
        h = block(h if i == 0 else F.max_pool2d(h, 2))
        flat = h.flatten(2)
        mean = flat.mean(-1)
        spread = ((flat - mean.unsqueeze(-1)) ** 2).mean(-1).sqrt()
        stats += [mean, flat.amax(-1), spread]
    return torch.cat(stats, dim=1)


class DefectTypeHead(nn.Module):
    """Standardised level statistics → one logit per label."""

    def __init__(self, features, labels, hidden):
        super().__init__()
        self.register_buffer("centre", torch.zeros(features))
        self.register_buffer("scale", torch.ones(features))
        self.mlp = nn.Sequential(nn.Dropout(0.2), nn.Linear(features, hidden), nn.SiLU(), nn.Dropout(0.3),
                                 nn.Linear(hidden, labels))

    def forward(self, statistics):
        return self.mlp((statistics - self.centre) / self.scale)


class DefectTypesGraph(nn.Module):
    """What defect_types.onnx computes: the frozen encoder levels and the head, and with a region
    head (region_types.py) its logits too, from the same statistics: the app feeds the graph the
    resized view for the image's types and region crops for the regions'."""

    def __init__(self, vision, head, region_head=None):
        super().__init__()
        self.vision, self.head, self.region_head = vision, head, region_head

    def forward(self, pixel_values):
        statistics = level_statistics(self.vision, pixel_values)
        if self.region_head is None:
            return self.head(statistics)
        return self.head(statistics), self.region_head(statistics)


def type_targets(sample, labels):
    target = torch.zeros(len(labels))
    for region in sample.regions:
        target[labels.index(region.type)] = 1
    return target


def typed_samples(samples):
    """Defective images with typed regions: the only ones a type is asked of."""
    return [s for s in samples if s.verdict == "NG" and s.regions]


def statistics_of(vision, samples, config, mirrors):
    """Level statistics of each sample's view, and of its mirror images when `mirrors`."""
    rows, owners = [], []
    with torch.no_grad():
        for sample in samples:
            x, _ = global_view(sample, config)
            views = [x, torch.flip(x, [2]), torch.flip(x, [1])] if mirrors else [x]
            rows.append(level_statistics(vision, torch.stack(views)))
            owners += [sample] * len(views)
    return torch.cat(rows), owners


def categories_of(samples, labels):
    """{category: the labels its training images show}: a ball screw is never called a PCB short."""
    seen = {}
    for sample in samples:
        seen.setdefault(sample.category, set()).update(r.type for r in sample.regions)
    return {c: sorted(types, key=labels.index) for c, types in sorted(seen.items())}


def allowed_mask(categories, by_category, labels):
    mask = torch.full((len(categories), len(labels)), float("-inf"))
    for i, category in enumerate(categories):
        mask[i, [labels.index(t) for t in by_category.get(category, labels)]] = 0
    return mask


def train_head(stats, targets, allowed, labels, steps, hidden, seed):
    """AdamW + cosine on BCE over each image's allowed labels only."""
    torch.manual_seed(seed)
    head = DefectTypeHead(stats.shape[1], len(labels), hidden)
    head.centre.copy_(stats.mean(0))
    head.scale.copy_(stats.std(0) + 1e-4)
    optimiser = torch.optim.AdamW(head.parameters(), lr=1e-3, weight_decay=0.05)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, steps)
    counted = allowed == 0
    for _ in range(steps):
        pick = torch.randint(0, len(stats), (min(128, len(stats)),))
        loss = F.binary_cross_entropy_with_logits(head(stats[pick]), targets[pick], reduction="none")
        loss = (loss * counted[pick]).sum() / counted[pick].sum()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        schedule.step()
    return head.eval()


def predicted_types(logits, allowed, labels, threshold):
    """Per image: the allowed labels at or above `threshold` (sigmoid), most likely first, else the
    single most likely allowed label — as the app's defect-types.ts reads the graph."""
    out = []
    for row in torch.sigmoid(logits + allowed):
        order = [int(i) for i in torch.argsort(row, descending=True) if row[i] > 0]
        above = [labels[i] for i in order if row[i] >= threshold]
        out.append(above or [labels[order[0]]])
    return out


def names_a_true_type(predicted, sample):
    return bool(set(predicted) & {r.type for r in sample.regions})


def head_parser(doc):
    """The command line a head's training script shares (train_types.py, train_region_types.py)."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--pack", required=True)
    parser.add_argument("--data", required=True, help="MAU-Set export folder")
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--smoke", action="store_true", help="a few steps, to test the path")
    parser.add_argument("--report", help="JSON file for the measured accuracy")
    return parser


def write_report(report, started, path):
    """A head's report, with the run's seconds: printed, and to `path` where given."""
    report["seconds"] = round(time.time() - started, 1)
    if path:
        Path(path).write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report), flush=True)
