"""Trains a pack's region-type head (region_types.py) and adds it to the pack in place.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 models/recipe/train_region_types.py --pack <pack dir> --data <mauset dir> \
        [--steps 3000] [--hidden 128] [--scale 2] [--min-side 48] [--smoke] [--report regions.json]

The pack needs its defect-type head first (train_types.py). The head learns on the labelled
regions of the train split's categories that show several types in one image; on val and test it
is scored per labelled region of those categories: the type it rates highest among the category's
types, and among the types the image head lists on that image (what the app does on an image it
calls NG). The pack's `defect_types.onnx` gains an output, `region_type_logits`, computed from the
same statistics; model.json gains `options.defectTypes.regions` (the crop's scale and smallest
side) and checkpoint.pt the head's weights inside its `defectTypes` entry; every sha256 is
rewritten.
"""

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402

from checkpoint import CHECKPOINT_FILE, load_base  # noqa: E402
from data import global_view  # noqa: E402
from defect_types import (allowed_mask, head_parser, level_statistics, predicted_types, train_head,  # noqa: E402
                          write_report)
from export_onnx import export_defect_types  # noqa: E402
from mauset import read_mauset  # noqa: E402
from pack import DEFECT_TYPES_FILE, defect_types_options, update_manifest  # noqa: E402
from region_types import multi_type_categories, region_statistics, typed_regions  # noqa: E402


def listed_types(vision, image_head, entry, sample, config):
    """The types the image head lists on `sample`, as the app lists them on an image called NG."""
    x, _ = global_view(sample, config)
    allowed = allowed_mask([sample.category], entry["byCategory"], entry["labels"])
    with torch.no_grad():
        return predicted_types(image_head(level_statistics(vision, x.unsqueeze(0))), allowed, entry["labels"],
                               entry["threshold"])[0]


def accuracy(model, head, samples, config, entry, regions):
    """Share of labelled regions typed right: among the category's types, and among the listed ones."""
    if not samples:
        return {}
    stats, owners = region_statistics(model.vision, samples, config, regions, mirrors=False)
    labels = entry["labels"]
    with torch.no_grad():
        logits = head(stats)
    image_head = model.defect_types[0]
    listed = {s.id: listed_types(model.vision, image_head, entry, s, config) for s in samples}
    among_category, among_listed = [], []
    for row, (sample, region) in zip(logits, owners):
        options = entry["byCategory"].get(sample.category, labels)
        among_category.append(typed_regions(row.unsqueeze(0), options, labels)[0] == region.type)
        among_listed.append(typed_regions(row.unsqueeze(0), listed[sample.id], labels)[0] == region.type)
    several = [ok for ok, (s, _) in zip(among_listed, owners) if len(listed[s.id]) > 1]
    return {"regions": len(owners), "amongCategory": round(sum(among_category) / len(owners), 4),
            "amongListed": round(sum(among_listed) / len(owners), 4),
            "amongListedWhereSeveral": round(sum(several) / len(several), 4) if several else None,
            "regionsWhereSeveral": len(several)}


def add_to_pack(pack, model, head, regions, config):
    """checkpoint.pt's defectTypes entry gains the head, defect_types.onnx its output
    (region_type_logits), model.json its options."""
    checkpoint = pack / CHECKPOINT_FILE
    data = torch.load(checkpoint, map_location="cpu")
    data["defectTypes"]["regions"] = {**regions, "state": head.state_dict()}
    torch.save(data, checkpoint)
    export_defect_types(model.vision, model.defect_types[0], config, pack / DEFECT_TYPES_FILE[0], head)
    update_manifest(pack, defect_types_options(data["defectTypes"]), (), [])


def main(argv=None):
    parser = head_parser(__doc__)
    parser.add_argument("--scale", type=float, default=2.0, help="crop side ÷ the region's longer side")
    parser.add_argument("--min-side", type=int, default=48, help="smallest crop side, in image pixels")
    args = parser.parse_args(argv)
    torch.set_num_threads(2)
    started = time.time()
    pack = Path(args.pack)
    _, _, model, config = load_base(pack)
    if not model.defect_types:
        raise SystemExit(f"{pack}: the pack has no defect-type head; run train_types.py on it first")
    entry = model.defect_types[1]
    labels = entry["labels"]
    splits = read_mauset(args.data)[1]
    categories = multi_type_categories(splits["train"])
    if not categories:
        raise SystemExit(f"{args.data}: no train image shows more than one defect type; no region head to learn")

    def regions_of(split, limit=None):
        return [s for s in splits[split] if s.category in categories and s.regions][:limit]

    train = regions_of("train", 8 if args.smoke else None)
    regions = {"scale": args.scale, "minSide": args.min_side, "hidden": args.hidden}
    stats, owners = region_statistics(model.vision, train, config, regions, mirrors=True)
    targets = torch.zeros(len(owners), len(labels))
    for i, (_, region) in enumerate(owners):
        targets[i, labels.index(region.type)] = 1
    allowed = allowed_mask([s.category for s, _ in owners], entry["byCategory"], labels)
    steps = 20 if args.smoke else args.steps
    head = train_head(stats, targets, allowed, labels, steps, args.hidden, config["seed"])
    report = {"steps": steps, "categories": categories, "trainRegions": len(owners) // 3,
              **{split: accuracy(model, head, regions_of(split, 4 if args.smoke else None), config, entry, regions)
                 for split in ("val", "test")}}
    add_to_pack(pack, model, head, regions, config)
    write_report(report, started, args.report)


if __name__ == "__main__":
    main()
