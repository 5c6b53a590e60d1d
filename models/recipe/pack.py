"""Writes the pack's metadata: generation_config.json, MODEL_CARD.md and model.json (last, since
it carries every other file's sha256). Layout: docs/MAU-GPT-PACK.md."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from config import num_visual_tokens
from export_onnx import cache_names, category_map_file
from sequences import PROMPT_TEMPLATE

# The app asks one open question per level, phrased as the MAU-Set export phrases them
# (electron/core/mauset-qa/templates.ts), {object} filled the same way: the decoder was trained
# on those phrasings only, and answered questions worded otherwise with run-on text.
QUESTIONS = {
    "1": "Look at the {object} in the image. Is there an anomaly?",
    "2": "What kind of defect, if any, is on this {object}?",
    "3": "Point out where this {object} is defective.",
    "4": "Describe what the defect on this {object} looks like.",
    "5": "Analyse the defect on this {object}: likely cause, impact, severity and what to do.",
}
# "No." alone let the decoder go on "the ball screw shows 1 defective region": the whole clause
# the export writes for a normal image keeps the rest of the answer on the verdict's side
# With regions on the map, the export's whole NG sentence with the map's own count ({regions}): a
# decoder left to count said "1 defective region" beside a list of 11.
# With none listed (no region peaks at the category's regionPeak), the whole answer says so: left
# to go on after "Yes.", the decoder said "shows 1 defective region" beside an empty list.
GROUNDED_L1 = {"yes": "Yes.", "no": "No. The {object} looks normal;",
               "yesWithRegions": "Yes. The {object} shows {regions}.",
               "yesWithoutRegions": "Yes. The {object} looks defective, but no region stands out enough to list; check the heat map."}
# The export answers a clean part's L2–L5 in fixed words and opens most defects' L2, L4 and L5
# answers in fixed words too (electron/core/mauset-qa). The app starts each answer so by the verdict
# and keeps an NG answer off a clean part's phrases: otherwise the decoder told "there is no defect"
# beside a grounded "Yes.". Avoiding phrases alone made junk where the decoder took the part for
# clean ("there surface ."): the start commits it. In the training export 78 % of NG L2 answers open
# "It is" (the rest "There are N defect types"), all NG L3 answers "There is 1" or "There are", all
# NG L4 answers "r1 (" and all NG L5 answers "Likely cause of the"; none says "no defect". Ruling out
# the bare word "no" at L2–L4 instead scored lower (L2 names the type 68.6 % against 71.2 %).
GROUNDED_LEVELS = {
    "2": {"ok": "There is no defect on this {object}, so there is no defect type.", "ng": "It is",
          "avoidWhenNg": ["no defect"]},
    # fromRegions: an NG image's listed regions are its whole L3 answer (grounding.regions_answer):
    # the decoder wrote boxes it could not measure ("mark px box at x 0, y 0, iddle, y ×101")
    "3": {"ok": "There is no defect to locate on this {object}.", "ngWithRegions": "There {defects}:",
          "ngOneType": "There {defects}: r1 ({type})", "avoidWhenNg": ["there is no", "no defect"],
          "fromRegions": True,
          "ngWithoutRegions": "No region stands out enough to locate on this {object}; check the heat map."},
    # and their whole L4 answer, measured on the image (looks.looks_answer): the decoder's sizes were
    # junk ("(not % of the image)")
    "4": {"ok": "No defect is visible: the {object} looks uniform and normal.", "ng": "r1 (",
          "ngOneType": "r1 ({type})", "avoidWhenNg": ["no defect", "looks uniform and normal"],
          "fromRegions": True,
          "ngWithoutRegions": "No region stands out enough to describe on this {object}; check the heat map."},
    "5": {"ok": "There is no defect, so there is no cause to find and no impact. Severity: none. "
                "Recommended action: pass the part.",
          "ng": "Likely cause of the", "ngOneType": "Likely cause of the {type}:",
          "avoidWhenNg": ["no defect", "pass the part"]},
}
FILES = [
    ("vision_encoder.onnx", "vision-encoder"),
    ("embed_tokens.onnx", "embed-tokens"),
    ("decoder_model_merged.onnx", "decoder"),
    ("tokenizer.json", "tokenizer"),
    ("generation_config.json", "generation-config"),
    ("MODEL_CARD.md", "card"),
    ("checkpoint.pt", "weights"),
]
# tiles need only the map: with a map trunk its graph alone makes them (half the encoder's work)
MAP_FILE = ("anomaly_map.onnx", "anomaly-map")
# a category's own map trunk (vision.categoryTrunks): its tiles run on this graph instead
CATEGORY_MAP_ROLE = "category-anomaly-map"
DEFECT_TYPES_FILE = ("defect_types.onnx", "defect-types")
REPO = Path(__file__).resolve().parents[2]


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def write_generation_config(folder, tokenizer, config):
    data = {"bos_token_id": tokenizer.token_id("<|bos|>"), "eos_token_id": tokenizer.token_id("<|eos|>"),
            "pad_token_id": tokenizer.token_id("<|pad|>"), "max_new_tokens": config["generation"]["maxNewTokens"],
            "do_sample": False, "temperature": 1.0, "top_p": 1.0}
    if config["generation"].get("maxNewTokensByLevel"):
        data["max_new_tokens_by_level"] = dict(sorted(config["generation"]["maxNewTokensByLevel"].items()))
    (folder / "generation_config.json").write_text(json.dumps(data, indent=2) + "\n")


def update_manifest(pack, options, drop_roles, add, labels=None):
    """model.json after a head was trained into the pack: `options` merged into its options, the
    files of `drop_roles` unlisted, `add` ((path, role) pairs) listed, every sha256 rewritten."""
    manifest_file = pack / "model.json"
    manifest = json.loads(manifest_file.read_text())
    if labels is not None:
        manifest["labels"] = labels
    manifest["options"].update(options)
    manifest["files"] = ([f for f in manifest["files"] if f["role"] not in drop_roles]
                         + [{"path": path, "sha256": "", "role": role} for path, role in add])
    for f in manifest["files"]:
        f["sha256"] = sha256(pack / f["path"])
    manifest_file.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    prettier([manifest_file])


def options_of(config):
    v, d, a = config["vision"], config["decoder"], config["adapter"]
    return {
        "vision": {"imageSize": v["imageSize"], "numVisualTokens": num_visual_tokens(config),
                   "anomalyFeatureSize": v["anomalyFeatureSize"], "mean": v["mean"], "std": v["std"],
                   "tiling": v["tiling"],
                   **({"categoryMaps": {c: category_map_file(c) for c in v["categoryTrunks"]}}
                      if v.get("categoryTrunks") else {})},
        "decoder": {"numLayers": d["layers"], "numHeads": d["heads"], "headDim": d["hidden"] // d["heads"],
                    "hidden": d["hidden"], "vocabSize": d["vocabSize"], "maxContext": d["maxContext"]},
        "prompt": {"template": PROMPT_TEMPLATE},
        "questions": QUESTIONS,
        # L1 answers start from the anomaly head's verdict (MAU-Set's L1 answers all open so)
        "groundedL1": GROUNDED_L1,
        "groundedLevels": GROUNDED_LEVELS,
        "adapter": {"kind": a["kind"], "experts": {"amoe-lora": a["experts"], "lora": 1}.get(a["kind"], 0),
                    "rank": 0 if a["kind"] == "none" else a["rank"],
                    "anomalyRank": a["anomalyRank"] if a["kind"] == "amoe-lora" else 0},
    }


def inputs_of(config):
    v, d = config["vision"], config["decoder"]
    s, heads, head_dim = v["imageSize"], d["heads"], d["hidden"] // d["heads"]
    image = {"name": "pixel_values", "shape": ["batch", 3, s, s], "dtype": "float32", "file": "vision_encoder.onnx",
             "colourOrder": "RGB", "resize": {"mode": "stretch", "width": s, "height": s},
             "normalise": {"mean": v["mean"], "std": v["std"], "scale": 255}}
    dec = "decoder_model_merged.onnx"
    cache = [{"name": n, "shape": ["batch", heads, "past_sequence", head_dim], "dtype": "float32", "file": dec}
             for n in cache_names(d["layers"], "past_key_values")]
    return [image,
            {"name": "input_ids", "shape": ["batch", "sequence"], "dtype": "int64", "file": "embed_tokens.onnx"},
            {"name": "inputs_embeds", "shape": ["batch", "sequence", d["hidden"]], "dtype": "float32", "file": dec},
            {"name": "attention_mask", "shape": ["batch", "total_sequence"], "dtype": "int64", "file": dec},
            {"name": "position_ids", "shape": ["batch", "sequence"], "dtype": "int64", "file": dec},
            {"name": "anomaly_feature", "shape": ["batch", v["anomalyFeatureSize"]], "dtype": "float32",
             "file": dec},
            *cache]


OUTPUTS = [{"name": "image_embeds", "role": "image-embeds"}, {"name": "anomaly_map", "role": "anomaly-map"},
           {"name": "anomaly_score", "role": "score"}, {"name": "anomaly_feature", "role": "anomaly-feature"},
           {"name": "inputs_embeds", "role": "inputs-embeds"}, {"name": "logits", "role": "logits"}]


def category_options(thresholds):
    """options.categoryThresholds: each category's own thresholds (evaluate.category_thresholds)."""
    categories = {c: {k: round(v, 6) for k, v in t.items()} for c, t in (thresholds.get("categories") or {}).items()}
    return {"categoryThresholds": categories} if categories else {}


def defect_types_options(entry):
    """options.defectTypes: what the app needs to read defect_types.onnx's logits."""
    options = {k: entry[k] for k in ("labels", "byCategory", "threshold")}
    if entry.get("regions"):  # defect_types.onnx's region_type_logits: how the app cuts a region's crop
        options["regions"] = {k: entry["regions"][k] for k in ("scale", "minSide")}
    return {"defectTypes": options}


def files_of(config, defect_types=None):
    """FILES, with the map trunk's own graph (export_onnx.AnomalyMapGraph) where the encoder has one
    and the defect-type head's where the model has one."""
    return (FILES + ([MAP_FILE] if config["vision"].get("mapTrunk") else [])
            + [(category_map_file(c), CATEGORY_MAP_ROLE) for c in config["vision"].get("categoryTrunks", [])]
            + ([DEFECT_TYPES_FILE] if defect_types else []))


def write_manifest(folder, config, name, version, description, card, labels, thresholds, defect_types=None):
    """Every file of FILES must exist in folder: model.json carries their sha256. defect_types: the
    head's options entry (defect_types_options), for a model that has one."""
    manifest = {"format": "mau-model-pack/1", "kind": "mau-gpt", "name": name, "version": version,
                "description": description, "card": card, "labels": labels,
                "thresholds": {"image": round(thresholds["image"], 6), "pixel": round(thresholds["pixel"], 6)},
                "inputs": inputs_of(config), "outputs": OUTPUTS,
                "options": {**options_of(config), **category_options(thresholds),
                            **(defect_types_options(defect_types) if defect_types else {})},
                "files": [{"path": p, "sha256": sha256(folder / p), "role": r}
                          for p, r in files_of(config, defect_types)]}
    (folder / "model.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def prettier(paths):
    """The repository lints JSON/Markdown with prettier; format before hashing."""
    cli = REPO / "node_modules" / "prettier" / "bin" / "prettier.cjs"
    if not cli.exists():
        print("warning: prettier not installed; JSON left unformatted", file=sys.stderr)
        return
    subprocess.run(["node", str(cli), "--log-level", "warn", "--write", *map(str, paths)], check=True)
