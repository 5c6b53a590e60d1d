"""Builds a small, valid MAU-Set folder from the shared real datasets, for smoke runs and tests.

    /usr/bin/python3 models/recipe/tests_fixture.py --out /tmp/mauset-fixture [--all]

Until the app's exporter lands, this is how the recipe gets MAU-Set data: real images and real
annotations (BSData polygons rasterised to one mask per region, NEU-DET and DeepPCB boxes) with
template question/answer pairs for the five levels. OK images answer levels 2-5 with "no defect"
(stated in the manifest, as the format asks). By default only manifest rows with fixture=1 are
used, a few per dataset; --all takes every row (for a real training run).
"""

import argparse
import csv
import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image, ImageDraw

from qa_templates import position_words, qa_for

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("MAU_SHARED_DATA", HERE.parents[2] / "shared" / "data"))
DOMAINS = {"bsdata": ("metal", "ball_screw"), "deeppcb": ("electronics", "pcb"), "neu-det": ("metal", "steel_strip")}
PCB_TYPES = {1: "open", 2: "short", 3: "mousebite", 4: "spur", 5: "copper", 6: "pin-hole"}
# per dataset, how many fixture rows of each label the small default set takes
SMALL = {"bsdata": {"defect": 6, "normal": 4}, "neu-det": {"defect": 4}, "deeppcb": {"defect": 2, "normal": 2}}


def rows_of(source, take_all):
    with open(SHARED / source / "manifest.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    if take_all:
        return rows
    picked, counts = [], {}
    for row in rows:
        if row["fixture"] != "1":
            continue
        label = row["label"]
        if counts.get(label, 0) < SMALL[source].get(label, 0):
            counts[label] = counts.get(label, 0) + 1
            picked.append(row)
    return picked


def box_of(points):
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, y0 = int(min(xs)), int(min(ys))
    return [x0, y0, max(1, int(max(xs)) - x0 + 1), max(1, int(max(ys)) - y0 + 1)]


def bsdata_regions(row, sample_dir, out, width, height):
    label = json.loads((SHARED / "bsdata" / row["annotation"]).read_text())
    regions = []
    for i, shape in enumerate(label["shapes"]):
        points = [(float(x), float(y)) for x, y in shape["points"]]
        mask = Image.new("L", (width, height), 0)
        ImageDraw.Draw(mask).polygon(points, fill=255)
        rel = f"masks/{sample_dir}/r{i + 1}.png"
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        mask.save(out / rel)
        bbox = box_of(points)
        regions.append({"id": f"r{i + 1}", "type": shape["label"].lower(), "bbox": bbox,
                        "polygon": [[round(x, 1), round(y, 1)] for x, y in points], "mask": rel,
                        "area_px": int(sum(1 for v in mask.crop((bbox[0], bbox[1], bbox[0] + bbox[2],
                                                                  bbox[1] + bbox[3])).getdata() if v)),
                        "position": position_words(bbox, width, height)})
    return regions


def box_region(i, kind, x0, y0, x1, y1, width, height):
    bbox = [x0, y0, max(1, x1 - x0), max(1, y1 - y0)]
    return {"id": f"r{i + 1}", "type": kind, "bbox": bbox, "polygon": None, "mask": None,
            "area_px": bbox[2] * bbox[3], "position": position_words(bbox, width, height)}


def neu_regions(row, width, height):
    root = ET.parse(SHARED / "neu-det" / row["annotation"]).getroot()
    regions = []
    for i, obj in enumerate(root.iter("object")):
        b = obj.find("bndbox")
        coords = [int(float(b.find(k).text)) for k in ("xmin", "ymin", "xmax", "ymax")]
        regions.append(box_region(i, obj.find("name").text, *coords, width, height))
    return regions


def pcb_regions(row, width, height):
    lines = (SHARED / "deeppcb" / row["annotation"]).read_text().split("\n")
    regions = []
    for i, line in enumerate(filter(None, (ln.strip() for ln in lines))):
        x0, y0, x1, y1, kind = (int(v) for v in line.replace(",", " ").split())
        regions.append(box_region(i, PCB_TYPES[kind], x0, y0, x1, y1, width, height))
    return regions


def sample_record(source, row, out, index, split_of):
    stem = Path(row["image"]).stem
    sample_id = f"{source}/{stem}"
    image_rel = f"images/{source}/{stem}{Path(row['image']).suffix}"
    (out / image_rel).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHARED / source / row["image"], out / image_rel)
    width, height = int(row["width"]), int(row["height"])
    regions = []
    if row["label"] == "defect":
        if source == "bsdata":
            regions = bsdata_regions(row, sample_id, out, width, height)
        elif source == "neu-det":
            regions = neu_regions(row, width, height)
        else:
            regions = pcb_regions(row, width, height)
    domain, category = DOMAINS[source]
    return {"id": sample_id, "image": image_rel, "width": width, "height": height, "domain": domain,
            "category": category, "source": source, "split": split_of(row, index),
            "verdict": "NG" if regions else "OK", "regions": regions, "qa": qa_for(category, regions),
            "lineage": {"label_revision": 1, "reviewer": "import", "reviewed_at": None,
                        "correction": "imported", "prediction": None, "audit": False}}


def build(out, take_all=False):
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)

    def split_of(row, index):
        # the small set keeps the datasets' own group-aware split only with --all; otherwise it
        # spreads rows so every split has images of each dataset
        return row["split"] if take_all else ("val" if index % 5 == 3 else "test" if index % 5 == 4 else "train")

    records = {"train": [], "val": [], "test": []}
    for source in ("bsdata", "neu-det", "deeppcb"):
        for index, row in enumerate(rows_of(source, take_all)):
            record = sample_record(source, row, out, index, split_of)
            records[record["split"]].append(record)
    for split, items in records.items():
        (out / f"{split}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in items))
    manifest = {"format": "mau-set", "version": "1.0", "created": "fixture", "project": "recipe-fixture",
                "ok_levels": "answered-no-defect",
                "counts": {s: len(v) for s, v in records.items()},
                "sources": [{"name": "bsdata", "licence": "CC BY-SA 4.0"},
                            {"name": "neu-det", "licence": "none stated (academic; cite)"},
                            {"name": "deeppcb", "licence": "MIT file; README: research only"}],
                "skipped": []}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    (out / "DATASET_CARD.md").write_text(f"# Recipe fixture\n\nCounts: {manifest['counts']}\n")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--all", action="store_true", help="every manifest row, not only fixtures")
    args = parser.parse_args()
    out = build(args.out, args.all)
    print(json.dumps(json.loads((out / "manifest.json").read_text())["counts"]))


if __name__ == "__main__":
    main()
