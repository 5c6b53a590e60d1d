"""Builds the small ONNX test packs and their PyTorch reference outputs.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 models/test-models/generate.py

Each pack folder gets model.onnx (+ metadata.json for anomalib v1) and model.json; reference/
gets, per pack, the exact model inputs as lossless PNGs (so the TypeScript side feeds the very
same pixels), every output as raw little-endian float32/uint8, and the post-processed answer
computed here in Python. Deterministic: the same data gives byte-identical outputs.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnx
import torch
from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from tm_models import IMAGENET_MEAN, IMAGENET_STD, AnomalibV1, AnomalibV2, Yolo  # noqa: E402
from tm_reference import (  # noqa: E402
    components, load_input, minmax, to_source_box, to_tensor, yolo_detections, yolo_mask,
)

torch.set_num_threads(2)
torch.manual_seed(0)

SHARED = Path(os.environ.get("MAU_SHARED_DATA", HERE.parents[2] / "shared" / "data"))
REF = HERE / "reference"
ANOMALY_SIZE = 128
YOLO_SIZE = 128
NAMES = ["crazing", "inclusion", "patches", "pitted_surface", "rolled-in_scale", "scratches"]

# real fixture rows (manifest fixture=1): a clear steel scratch, a faint inclusion the heuristic
# misses (an OK verdict), and a ball-screw spindle squeezed non-uniformly (1130x460 -> 128x128)
CASES = {
    "neu-scratches": "neu-det/IMAGES/scratches_170.jpg",
    "neu-inclusion": "neu-det/IMAGES/inclusion_194.jpg",
    "bsdata-pitting": "bsdata/data/01_200905201421_395000_270_crop_2.jpg",
}
ANOMALY_CASES = ["neu-scratches", "neu-inclusion", "bsdata-pitting"]
YOLO_CASES = ["neu-scratches", "bsdata-pitting"]

CARD = {
    "licence": "MIT",
    "authors": ["MAU Studio test suite"],
    "source": "models/test-models/generate.py",
    "trainingData": "none: hand-set and fixed-seed weights",
    "intendedUse": "engine tests only; the scores mean nothing about real defects",
    "limitations": "local-deviation heuristic, not a trained model",
}


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def export(module, sample, path, input_name, output_names, dynamic_batch):
    module.eval()
    axes = {input_name: {0: "batch"}} if dynamic_batch else None
    torch.onnx.export(module, sample, str(path), opset_version=17, input_names=[input_name],
                      output_names=output_names, dynamic_axes=axes, do_constant_folding=True)


def set_metadata(path, props):
    model = onnx.load(str(path))
    del model.metadata_props[:]
    for key, value in props.items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.save(model, str(path))


def graph_outputs(path):
    return [o.name for o in onnx.load(str(path)).graph.output]


def write_pack(folder, manifest, files):
    manifest["files"] = [{"path": p, "sha256": sha256(folder / p), "role": r} for p, r in files]
    (folder / "model.json").write_text(json.dumps(manifest, indent=2) + "\n")


def save_outputs(pack, case, names, values):
    entries = {}
    for i, (name, value) in enumerate(zip(names, values)):
        arr = value.detach().numpy()
        dtype = "bool" if arr.dtype == np.bool_ else "float32"
        arr = arr.astype(np.uint8 if dtype == "bool" else "<f4")
        file = f"{pack}/{case}.out{i}.bin"
        (REF / file).write_bytes(arr.tobytes())
        entries[name] = {"file": file, "dims": list(arr.shape), "dtype": dtype}
    return entries


def prepare_inputs(cases, size, mode, tag):
    """Preprocess each case once per geometry, saved as PNG so TypeScript reads identical pixels."""
    prepared = {}
    for case in cases:
        u8, t = load_input(SHARED / CASES[case], size, size, mode)
        png = f"inputs/{tag}-{case}.png"
        Image.fromarray(u8).save(REF / png, optimize=True)
        prepared[case] = dict(u8=u8, transform=t, png=png, image=CASES[case])
    return prepared


# Hand-set "validation statistics" in the raw map's units (what anomalib would have measured):
# the scratch peaks near 0.11, the faint inclusion near 0.02.
THRESHOLDS = {"pixel": 0.07, "image": 0.06, "min": 0.0, "max": 0.25}


def anomaly_expected(amap_norm, binary, prepared_case):
    h, w = binary.shape
    return {"components": components(binary, amap_norm), "mapWidth": w, "mapHeight": h}


def anomalib_v2_pack(name, prepared, t, calibrated):
    folder = HERE / name
    folder.mkdir(exist_ok=True)
    (REF / name).mkdir(exist_ok=True)
    module = AnomalibV2(t, calibrated=calibrated)
    outs = ["pred_score", "pred_label", "anomaly_map", "pred_mask"]
    sample = torch.zeros(1, 3, ANOMALY_SIZE, ANOMALY_SIZE)
    export(module, sample, folder / "model.onnx", "input", outs, dynamic_batch=True)
    cases = []
    for case, p in prepared.items():
        x = to_tensor(p["u8"], (0, 0, 0), (1, 1, 1), 255.0)
        with torch.no_grad():
            values = module(x)
        score, label, amap, mask = (v.numpy() for v in values)
        if calibrated:
            norm, binary = amap[0, 0], mask[0, 0].astype(bool)
        else:
            norm = minmax(amap[0, 0], t["pixel"], t["min"], t["max"])
            binary = amap[0, 0] >= t["pixel"]
        expected = {"score": float(score[0]), "verdict": "NG" if float(label[0]) >= 0.5 else "OK",
                    "calibrated": calibrated, **anomaly_expected(norm, binary, p)}
        cases.append(case_entry(case, p, save_outputs(name, case, outs, values), expected))
    manifest = base_manifest("anomalib", name, f"anomalib 2.x style export ({'with' if calibrated else 'without'}"
                             " post-processor)")
    manifest["inputs"] = [image_input("input", ["batch", 3, ANOMALY_SIZE, ANOMALY_SIZE], "stretch",
                                      (0, 0, 0), (1, 1, 1))]
    manifest["outputs"] = [{"name": "pred_score", "role": "score"}, {"name": "pred_label", "role": "label"},
                           {"name": "anomaly_map", "role": "anomaly-map"}, {"name": "pred_mask", "role": "mask"}]
    # with the post-processor in the graph the calibration travels inside it: nothing to add
    manifest["thresholds"] = ({} if calibrated else
                              {"image": t["image"], "pixel": t["pixel"],
                               "normalisation": {"min": t["min"], "max": t["max"]}})
    manifest["options"] = {"variant": "v2"}
    write_pack(folder, manifest, [("model.onnx", "model")])
    return {"pack": name, "cases": cases}


def anomalib_v1_pack(name, prepared, t, with_score):
    folder = HERE / name
    folder.mkdir(exist_ok=True)
    (REF / name).mkdir(exist_ok=True)
    module = AnomalibV1(with_score=with_score)
    sample = torch.zeros(1, 3, ANOMALY_SIZE, ANOMALY_SIZE)
    # anomalib 1.x names only the first output; a second one gets whatever name torch picks
    export(module, sample, folder / "model.onnx", "input", ["output"], dynamic_batch=False)
    outs = graph_outputs(folder / "model.onnx")
    metadata = {"task": "segmentation", "image_threshold": t["image"], "pixel_threshold": t["pixel"],
                "min": t["min"], "max": t["max"],
                "transform": {"image_size": [ANOMALY_SIZE, ANOMALY_SIZE], "mean": IMAGENET_MEAN,
                              "std": IMAGENET_STD}}
    (folder / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n")
    cases = []
    for case, p in prepared.items():
        x = to_tensor(p["u8"], IMAGENET_MEAN, IMAGENET_STD, 255.0)
        with torch.no_grad():
            values = module(x)
        values = values if isinstance(values, tuple) else (values,)
        amap = values[0].numpy()[0, 0]
        raw_score = float(values[1].numpy()[0]) if with_score else float(amap.max())
        norm = minmax(amap, t["pixel"], t["min"], t["max"])
        score = float(minmax(np.float32(raw_score), t["image"], t["min"], t["max"]))
        expected = {"score": score, "verdict": "NG" if score >= 0.5 else "OK", "calibrated": True,
                    **anomaly_expected(norm, norm >= 0.5, p)}
        cases.append(case_entry(case, p, save_outputs(name, case, outs, values), expected))
    manifest = base_manifest("anomalib", name, "anomalib 1.x style export with metadata.json")
    manifest["inputs"] = [image_input("input", [1, 3, ANOMALY_SIZE, ANOMALY_SIZE], "stretch",
                                      IMAGENET_MEAN, IMAGENET_STD)]
    manifest["outputs"] = [{"name": outs[0], "role": "anomaly-map"}]
    if with_score:
        manifest["outputs"].append({"name": outs[1], "role": "score"})
    manifest["thresholds"] = {"image": t["image"], "pixel": t["pixel"],
                              "normalisation": {"min": t["min"], "max": t["max"]}}
    manifest["options"] = {"variant": "v1"}
    write_pack(folder, manifest, [("model.onnx", "model"), ("metadata.json", "metadata")])
    return {"pack": name, "cases": cases, "outputNames": outs}


def yolo_pack(name, prepared, task, fmt):
    folder = HERE / name
    folder.mkdir(exist_ok=True)
    (REF / name).mkdir(exist_ok=True)
    segment = task == "segment"
    module = Yolo(len(NAMES), YOLO_SIZE, segment=segment, e2e=fmt == "nms")
    outs = ["output0", "output1"] if segment else ["output0"]
    sample = torch.zeros(1, 3, YOLO_SIZE, YOLO_SIZE)
    export(module, sample, folder / "model.onnx", "images", outs, dynamic_batch=False)
    names = "{" + ", ".join(f"{i}: '{n}'" for i, n in enumerate(NAMES)) + "}"
    props = {"description": f"Ultralytics-style {task} test model", "author": "MAU Studio tests",
             "version": "8.3.0", "license": "AGPL-3.0 License (https://ultralytics.com/license)",
             "stride": "32", "task": task, "batch": "1", "imgsz": f"[{YOLO_SIZE}, {YOLO_SIZE}]",
             "names": names}
    if fmt == "nms":
        props["end2end"] = "True"
    set_metadata(folder / "model.onnx", props)
    nm = 32 if segment else 0
    cases = []
    for case, p in prepared.items():
        x = to_tensor(p["u8"], (0, 0, 0), (1, 1, 1), 255.0)
        with torch.no_grad():
            values = module(x)
        values = values if isinstance(values, tuple) else (values,)
        dets = yolo_detections(values[0].numpy(), len(NAMES), fmt, 0.25, 0.45, 300, nm)
        check_separated([d[1] for d in dets], f"{name}/{case}")
        expected = []
        for box, score, cls, coeffs in dets:
            item = {"box": to_source_box([float(v) for v in box], p["transform"]), "score": score,
                    "class": cls, "inputBox": [float(v) for v in box]}
            if segment:
                mask = yolo_mask(values[1][0], coeffs, box, YOLO_SIZE, YOLO_SIZE)
                t = p["transform"]
                valid = mask[t["padY"]: t["padY"] + t["newHeight"], t["padX"]: t["padX"] + t["newWidth"]]
                item["maskPixels"] = int(valid.sum())
            expected.append(item)
        entry = case_entry(case, p, save_outputs(name, case, outs, values), {"detections": expected})
        cases.append(entry)
    manifest = base_manifest("yolo", name, f"Ultralytics YOLO {task} export ({fmt} output)")
    manifest["inputs"] = [image_input("images", [1, 3, YOLO_SIZE, YOLO_SIZE], "letterbox", (0, 0, 0), (1, 1, 1))]
    manifest["outputs"] = [{"name": "output0", "role": "detections"}]
    if segment:
        manifest["outputs"].append({"name": "output1", "role": "prototypes"})
    manifest["labels"] = NAMES
    manifest["options"] = {"task": task, "format": fmt}
    write_pack(folder, manifest, [("model.onnx", "model")])
    return {"pack": name, "cases": cases}


def check_separated(scores, what):
    """Scores closer than the ORT-vs-PyTorch tolerance could swap order and change NMS."""
    ordered = sorted(scores)
    gaps = [b - a for a, b in zip(ordered, ordered[1:])]
    if gaps and min(gaps) < 1e-4 or any(s > 0.999 for s in scores):
        print(f"warning: {what}: detection scores too close or saturated", file=sys.stderr)


def base_manifest(kind, name, description):
    return {"format": "mau-model-pack/1", "kind": kind, "name": name, "version": "0.1.0",
            "description": description, "card": CARD, "labels": [], "thresholds": {}}


def image_input(name, shape, mode, mean, std):
    size = shape[-1]
    return {"name": name, "shape": shape, "dtype": "float32", "colourOrder": "RGB",
            "resize": {"mode": mode, "width": size, "height": size},
            "normalise": {"mean": list(mean), "std": list(std), "scale": 255}}


def case_entry(case, p, outputs, expected):
    return {"name": case, "image": p["image"], "inputPng": p["png"], "transform": p["transform"],
            "outputs": outputs, "expected": expected}


def prettier(paths):
    """The repository checks JSON with prettier; formatting here keeps `npm run lint` clean."""
    cli = HERE.parents[1] / "node_modules" / "prettier" / "bin" / "prettier.cjs"
    if not cli.exists():
        print("warning: prettier not installed; JSON left unformatted", file=sys.stderr)
        return
    subprocess.run(["node", str(cli), "--log-level", "warn", "--write", *map(str, paths)], check=True)


def rehash(folder):
    """Formatting metadata.json changed its bytes: refresh the sha256 list of model.json."""
    path = folder / "model.json"
    manifest = json.loads(path.read_text())
    for entry in manifest["files"]:
        entry["sha256"] = sha256(folder / entry["path"])
    path.write_text(json.dumps(manifest, indent=2) + "\n")


def main():
    if REF.exists():
        shutil.rmtree(REF)
    (REF / "inputs").mkdir(parents=True)
    stretch = prepare_inputs(ANOMALY_CASES, ANOMALY_SIZE, "stretch", "stretch128")
    letterbox = prepare_inputs(YOLO_CASES, YOLO_SIZE, "letterbox", "letterbox128")
    t = THRESHOLDS
    packs = [
        anomalib_v2_pack("anomalib-v2", stretch, t, calibrated=True),
        anomalib_v2_pack("anomalib-v2-raw", stretch, t, calibrated=False),
        anomalib_v1_pack("anomalib-v1", stretch, t, with_score=False),
        anomalib_v1_pack("anomalib-v1-score", stretch, t, with_score=True),
        yolo_pack("yolo-detect-raw", letterbox, "detect", "raw"),
        yolo_pack("yolo-detect-nms", letterbox, "detect", "nms"),
        yolo_pack("yolo-segment-nms", letterbox, "segment", "nms"),
        yolo_pack("yolo-segment-raw", letterbox, "segment", "raw"),
    ]
    for pack in packs:
        (REF / f"{pack['pack']}.json").write_text(json.dumps(pack, indent=1) + "\n")
    folders = [HERE / p["pack"] for p in packs]
    prettier([*REF.glob("*.json"), *(f / "metadata.json" for f in folders if (f / "metadata.json").exists())])
    for folder in folders:
        rehash(folder)
    prettier([f / "model.json" for f in folders])
    summary = {p["pack"]: [len(c["expected"].get("components", c["expected"].get("detections", [])))
                           for c in p["cases"]] for p in packs}
    print("thresholds", json.dumps(t))
    print("regions/detections per case", json.dumps(summary))


if __name__ == "__main__":
    main()
