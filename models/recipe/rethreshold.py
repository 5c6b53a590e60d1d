"""Chooses a pack's thresholds again on a MAU-Set export's val split and writes them into its model.json.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 models/recipe/rethreshold.py --pack <pack dir> --data <mauset dir>

What train.py does after training (evaluate.anomaly_metrics: max F1 overall; per category of part
the image score (evaluate.choose_image_scores), the image threshold by max F1 and the pixel
threshold by mask IoU), for a pack trained before these existed or for a new val split. Only
`thresholds` and `options.categoryThresholds` change; the weights and their sha256 do not.
"""

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402

from checkpoint import load_base  # noqa: E402
from evaluate import anomaly_metrics  # noqa: E402
from mauset import read_mauset  # noqa: E402
from pack import category_options, prettier  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pack", required=True)
    parser.add_argument("--data", required=True, help="MAU-Set export folder with a val split")
    args = parser.parse_args(argv)
    torch.set_num_threads(2)
    manifest, _, model, config = load_base(args.pack)
    val = read_mauset(args.data)[1]["val"]
    if not val:
        raise SystemExit(f"{args.data}: the export has no val images to choose thresholds on")
    thresholds, metrics = anomaly_metrics(model.vision, val, config)
    path = Path(args.pack) / "model.json"
    manifest["thresholds"] = {**manifest["thresholds"], "image": round(thresholds["image"], 6),
                              "pixel": round(thresholds["pixel"], 6)}
    options = {k: v for k, v in manifest["options"].items() if k != "categoryThresholds"}
    manifest["options"] = {**options, **category_options(thresholds)}
    path.write_text(json.dumps(manifest, indent=2) + "\n")
    prettier([path])
    print(json.dumps({"thresholds": thresholds, "val": metrics}), flush=True)


if __name__ == "__main__":
    main()
