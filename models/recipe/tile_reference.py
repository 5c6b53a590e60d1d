"""Tiled anomaly-map references for the TypeScript runtime (tests/unit/mau-gpt/tiling.test.ts).

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 models/recipe/tile_reference.py [--pack DIR] [--overlap 8]

Rebuilds the vision encoder from the pack's checkpoint.pt (role "weights") and runs the recipe's own
`evaluate.image_map` in tiles mode on fixture images, so the reference is what training chose its
thresholds on, not a re-implementation. Writes, next to the pack's other references:

    reference/tiles.json         one case per image: grid, score, the map's top-fraction means
                                 (evaluate.top_fraction_mean), map file, sha256 of the sources
    reference/tiles.<name>.bin   the map as little-endian float32, every `stride`-th row and column

A large image keeps only every `stride`-th pixel of each axis so the file stays small; the runtime
test compares the same pixels. The sha256 of checkpoint.pt and vision_encoder.onnx are recorded so
a test can tell a stale reference from a runtime bug: rerun this script after retraining the pack.
"""

import argparse
import hashlib
import json
import os
from pathlib import Path

import numpy as np
import torch

from checkpoint import load_base
from evaluate import TOP_FRACTIONS, image_map, tile_starts, top_fraction_mean
from mauset import Sample

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("MAU_SHARED_DATA", HERE.parents[2] / "shared" / "data"))
# (name, image relative to shared/data, stride of the stored map); fixture=1 rows of the manifests
CASES = [
    ("neu", "neu-det/IMAGES/crazing_26.jpg", 1),
    ("bsdata", "bsdata/data/01_200905201421_395000_270_crop_2.jpg", 4),
]


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def image_size(path):
    from PIL import Image

    with Image.open(path) as img:
        return img.size


def reference_case(vision, config, name, relative, stride, folder):
    path = SHARED / relative
    width, height = image_size(path)
    sample = Sample(id=name, image=path, width=width, height=height, verdict="OK", category="",
                    regions=[], qa=[])
    amap, score, _ = image_map(vision, sample, config)
    kept = np.ascontiguousarray(amap[::stride, ::stride]).astype("<f4")
    file = f"tiles.{name}.bin"
    (folder / file).write_bytes(kept.tobytes())
    v = config["vision"]
    size, overlap = v["imageSize"], v["tiling"]["overlap"]
    tiled = min(width, height) >= size
    return {"name": name, "image": relative, "width": width, "height": height,
            "xStarts": tile_starts(width, size, overlap) if tiled else None,
            "yStarts": tile_starts(height, size, overlap) if tiled else None,
            "score": score, "topFractions": [[f, top_fraction_mean(amap, f)] for f in TOP_FRACTIONS],
            "map": {"file": file, "stride": stride, "dims": list(kept.shape),
                                    "fullDims": list(amap.shape)}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pack", default=str(HERE.parent / "test-models" / "mau-gpt-tiny"))
    parser.add_argument("--overlap", type=int, default=8)
    parser.add_argument("--blend", choices=["mean", "feather"], default="mean")
    args = parser.parse_args()
    torch.set_num_threads(2)
    pack = Path(args.pack)
    manifest, files, model, config = load_base(pack)
    # the graphs do not depend on the tiling option; only how the image is cut does
    config["vision"]["tiling"] = {"mode": "tiles", "overlap": args.overlap, "blend": args.blend}
    folder = pack / "reference"
    folder.mkdir(parents=True, exist_ok=True)
    cases = [reference_case(model.vision, config, *case, folder) for case in CASES]
    index = {"imageSize": config["vision"]["imageSize"], "tiling": config["vision"]["tiling"],
             "sources": {"checkpoint": sha256(pack / files["weights"]["path"]),
                         "visionEncoder": sha256(pack / files["vision-encoder"]["path"])},
             "cases": cases}
    (folder / "tiles.json").write_text(json.dumps(index, indent=1) + "\n")
    for case in cases:
        print(f"{case['image']}: {case['width']}x{case['height']}, score {case['score']:.6f}")


if __name__ == "__main__":
    main()
