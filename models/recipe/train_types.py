"""Trains a pack's defect-type head (defect_types.py) and adds it to the pack in place.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 models/recipe/train_types.py --pack <pack dir> --data <mauset dir> \
        [--steps 3000] [--hidden 128] [--threshold 0.5] [--smoke] [--report types.json]

The head learns on the train split's defective images; its accuracy (an image counts when the
types it lists name one of the image's true types) is measured on val and test, per dataset. The
pack gains `defect_types.onnx` (role `defect-types`); `options.defectTypes`: labels in logit order
(model.json's labels become the same list), the labels each category of part may take and the
listing threshold; and the head's weights in checkpoint.pt (`defectTypes`), from which the graph
is exported. Every sha256 is rewritten. finetune.py keeps the head (the encoder does not change
there); train.py drops it after vision steps that train the encoder itself (without a map trunk),
as they move the encoder levels it reads.
"""

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402

from checkpoint import CHECKPOINT_FILE, defect_types_entry, load_base  # noqa: E402
from defect_types import (allowed_mask, categories_of, head_parser, names_a_true_type, predicted_types,  # noqa: E402
                          statistics_of, train_head, type_targets, typed_samples, write_report)
from export_onnx import export_defect_types  # noqa: E402
from mauset import read_mauset  # noqa: E402
from pack import DEFECT_TYPES_FILE, defect_types_options, update_manifest  # noqa: E402


def accuracy(vision, head, samples, config, entry):
    """{source: share of images whose listed types name a true one}, and over all."""
    if not samples:
        return {}
    stats, owners = statistics_of(vision, samples, config, mirrors=False)
    labels = entry["labels"]
    allowed = allowed_mask([s.category for s in owners], entry["byCategory"], labels)
    with torch.no_grad():
        listed = predicted_types(head(stats), allowed, labels, entry["threshold"])
    hits = {}
    for sample, types in zip(owners, listed):
        hits.setdefault(sample.id.split("/")[0], []).append(names_a_true_type(types, sample))
    every = [h for v in hits.values() for h in v]
    return {**{k: round(sum(v) / len(v), 4) for k, v in sorted(hits.items())},
            "all": round(sum(every) / len(every), 4), "images": len(every)}


def add_to_pack(pack, head, entry, config, model):
    """checkpoint.pt gains the head, the folder its graph, model.json the options and new hashes."""
    checkpoint = pack / CHECKPOINT_FILE
    data = torch.load(checkpoint, map_location="cpu")
    data["defectTypes"] = defect_types_entry(head, entry)
    torch.save(data, checkpoint)
    export_defect_types(model.vision, head, config, pack / DEFECT_TYPES_FILE[0])
    # a new image head starts without a region head (train_region_types.py adds one on top)
    options = defect_types_options(entry)
    update_manifest(pack, options, (DEFECT_TYPES_FILE[1],), [DEFECT_TYPES_FILE], labels=entry["labels"])


def main(argv=None):
    parser = head_parser(__doc__)
    parser.add_argument("--threshold", type=float, default=0.5, help="sigmoid at which a further type is listed")
    args = parser.parse_args(argv)
    torch.set_num_threads(2)
    started = time.time()
    pack = Path(args.pack)
    manifest, _, model, config = load_base(pack)
    splits = read_mauset(args.data)[1]
    train = typed_samples(splits["train"])[:12 if args.smoke else None]
    if not train:
        raise SystemExit(f"{args.data}: the train split has no defective image with typed regions")
    # the pack's labels and every type the head learns (a fine-tune's labels are made the same way)
    labels = sorted({*manifest["labels"], *(r.type for s in train for r in s.regions)})
    entry = {"labels": labels, "byCategory": categories_of(train, labels), "threshold": args.threshold,
             "hidden": args.hidden}
    stats, owners = statistics_of(model.vision, train, config, mirrors=True)
    targets = torch.stack([type_targets(s, labels) for s in owners])
    allowed = allowed_mask([s.category for s in owners], entry["byCategory"], labels)
    head = train_head(stats, targets, allowed, labels, 20 if args.smoke else args.steps, args.hidden, config["seed"])
    report = {"steps": 20 if args.smoke else args.steps, "trainImages": len(train),
              **{split: accuracy(model.vision, head, typed_samples(splits[split])[:6 if args.smoke else None], config,
                                 entry) for split in ("val", "test")}}
    add_to_pack(pack, head, entry, config, model)
    write_report(report, started, args.report)


if __name__ == "__main__":
    main()
