"""Trains MAU-GPT-mini on a MAU-Set folder and writes a complete `mau-gpt` model pack.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 models/recipe/train.py --data <mauset dir> --out <pack dir> \
        [--smoke] [--adapter amoe-lora|lora|none] [--config file.json] [--init <pack dir>]

--init continues training from a pack's checkpoint.pt (its weights, sizes and tokenizer); the
config file then sets only this installment's steps, so a full budget can be spent in several
sittings. Each stage with 0 steps is skipped.

Steps: tokenizer (BPE on every text of the train split) -> stage 1 (vision + anomaly head, then
decoder LM) -> stage 2 (adapter on the five levels' QA) -> thresholds on val -> metrics on test
-> ONNX export -> parity references -> generation config, card, model.json.
"""

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from bpe_tokenizer import BpeTokenizer, train_bpe  # noqa: E402
from checkpoint import keep_half_precision, load_base, write_checkpoint  # noqa: E402
from card import manifest_card, write_card  # noqa: E402
from config import load_config  # noqa: E402
from data import global_view  # noqa: E402
from decoder import MauGpt  # noqa: E402
from evaluate import anomaly_metrics  # noqa: E402
from export_onnx import export_all  # noqa: E402
from generate import qa_metrics  # noqa: E402
from mauset import read_mauset  # noqa: E402
from pack import QUESTIONS, prettier, write_generation_config, write_manifest  # noqa: E402
from parity import write_references  # noqa: E402
from qa_templates import generic_description  # noqa: E402
from sequences import DESCRIBE_QUESTION, PROMPT_TEMPLATE  # noqa: E402
from stages import region_dict, train_adapter, train_language, train_vision  # noqa: E402
from tokenizer_cases import write_tokenizer_cases  # noqa: E402
from vision import build_vision  # noqa: E402

SMOKE_IMAGES = 10


def log(message):
    print(message, flush=True)


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def corpus(samples):
    texts = [PROMPT_TEMPLATE.replace("{question}", q) for q in [*QUESTIONS.values(), DESCRIBE_QUESTION]]
    for s in samples:
        texts.append(generic_description(s.category, [region_dict(r) for r in s.regions]))
        for qa in s.qa:
            texts += [qa.question_text(), qa.answer_text()]
    return texts


def smoke_subset(samples):
    ng = [s for s in samples if s.verdict == "NG"]
    ok = [s for s in samples if s.verdict == "OK"]
    return (ng[: SMOKE_IMAGES // 2] + ok[: SMOKE_IMAGES // 2]) or samples[:SMOKE_IMAGES]


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Train MAU-GPT-mini and write a mau-gpt model pack.")
    parser.add_argument("--data", required=True, help="MAU-Set export folder")
    parser.add_argument("--out", required=True, help="pack folder to write")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, few steps, few images")
    parser.add_argument("--adapter", choices=["amoe-lora", "lora", "none"])
    parser.add_argument("--config", help="JSON file overriding the defaults (see config.py)")
    parser.add_argument("--name", default=None, help="pack name in model.json")
    parser.add_argument("--version", default="0.1.0", help="pack version in model.json")
    parser.add_argument("--init", help="continue from this pack's checkpoint.pt (weights, sizes, tokenizer)")
    return parser.parse_args(argv)


def initial_model(args, train, log):
    """A fresh model and tokenizer, or the ones of the pack given with --init."""
    if not args.init:
        config = load_config(args.config, smoke=args.smoke, adapter=args.adapter)
        if config["vision"]["mapTrunk"]:
            raise ValueError("config: vision.mapTrunk needs --init: the trunk starts from a trained encoder's "
                             "U-Net, and a fresh model's tokens would never be trained")
        tokenizer = train_bpe(corpus(train), config["decoder"]["vocabSize"])
        # the embedding table is sized by the config; a small corpus may stop merging early
        config["decoder"]["vocabSize"] = len(tokenizer)
        model = MauGpt(config, build_vision(config))
        return config, tokenizer, model, None
    manifest, files, model, base_config = load_base(args.init)
    config = load_config(args.config, adapter=args.adapter, base=base_config)
    if config["stage1"]["steps"] > 0 and not config["vision"]["mapTrunk"]:
        # vision steps move the encoder levels the head reads: train_types.py trains a new one after.
        # With a map trunk they train the trunk alone, and the levels stay as they were.
        model.defect_types = None
    tokenizer = BpeTokenizer.load(Path(args.init) / files["tokenizer"]["path"])
    history = [*base_config.get("history", []), {"pack": manifest["name"], "version": manifest["version"],
                                                  "stage1": base_config["stage1"], "stage2": base_config["stage2"]}]
    config["history"] = history
    log(f"continuing {manifest['name']} {manifest['version']} from {args.init}")
    return config, tokenizer, model, history


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(2)
    start = time.time()
    manifest, splits = read_mauset(args.data)
    # a small export can leave a held-out split empty: score on what there is, and say so
    val = splits["val"] or splits["train"]
    test = splits["test"] or val
    train = splits["train"]
    if not (splits["val"] and splits["test"]):
        log("note: the export has no val or test images; metrics are measured on the images there are")
    if args.smoke:
        train, val, test = smoke_subset(train), val[:4], test[:4]
    log(f"data: {len(train)} train, {len(val)} val, {len(test)} test images from {args.data}")

    config, tokenizer, model, history = initial_model(args, train, log)
    if config["vision"]["mapTrunk"] and model.vision.map_trunk is None:
        model.vision.add_map_trunk()
        log("vision: map trunk added, starting from the encoder's own U-Net weights")
    seed_everything(config["seed"] + len(history or []))
    rng = random.Random(config["seed"] + len(history or []))
    log(f"tokenizer: {len(tokenizer)} tokens, {len(tokenizer.merges)} merges")
    vision = model.vision
    category = config["stage1"].get("category")
    fresh = config["stage1"]["categoryInit"] == "fresh"
    if category and (fresh or category not in vision.category_trunks):
        vision.add_category_trunk(category, fresh)
        if category not in config["vision"]["categoryTrunks"]:
            config["vision"]["categoryTrunks"] = [*config["vision"]["categoryTrunks"], category]
        log(f"vision: a map trunk of {category}'s own, starting from "
            + ("random weights" if fresh else "the shared trunk's weights"))
    stats = {"stage1-vision": train_vision(vision, train, config, rng, log)}
    stats["stage1-lm"], cache = train_language(model, train, tokenizer, config, rng, log)
    stats["stage2-adapter"] = train_adapter(model, train, tokenizer, config, rng, log, cache)
    model.eval()
    keep_half_precision(model)  # what the pack stores; thresholds and metrics are chosen on it

    thresholds, val_metrics = anomaly_metrics(vision, val, config)
    _, test_metrics = anomaly_metrics(vision, test, config, thresholds)
    metrics = {"val": val_metrics, "test": test_metrics,
               "testQa": qa_metrics(model, tokenizer, test, config, limit_per_level=4 if args.smoke else 40)}
    log(f"thresholds {json.dumps(thresholds)} metrics {json.dumps(metrics)}")

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    export_all(model, config, out)
    tokenizer.save(out / "tokenizer.json")
    write_checkpoint(out, model, config, out / "tokenizer.json")
    write_generation_config(out, tokenizer, config)
    reference = test[0] if test else train[0]
    pixels, _ = global_view(reference, config)
    write_references(model, tokenizer, pixels, reference.id, config, out / "reference")
    write_tokenizer_cases(tokenizer, corpus(test or train)[:40], out / "reference" / "tokenizer_cases.json")
    report = {"stages": stats, "thresholds": thresholds, "metrics": metrics}
    write_card(out, config, report, manifest, args.smoke)
    (out / "reference" / "training_report.json").write_text(json.dumps({**report, "config": config}, indent=1) + "\n")
    prettier([out / "generation_config.json", *sorted((out / "reference").glob("*.json"))])
    name = args.name or ("mau-gpt-tiny" if args.smoke else "mau-gpt-mini")
    defect_types = getattr(model, "defect_types", None)  # a fresh model has none until train_types.py
    head = " + defect-type head" if defect_types else ""
    description = ("MAU-GPT-mini smoke pack for runtime tests" if args.smoke else
                   f"MAU-GPT-mini: U-Net anomaly encoder{head} + AMoE-LoRA decoder")
    write_manifest(out, config, name, args.version, description, manifest_card(args.smoke, manifest),
                   sorted({r.type for s in train for r in s.regions}), thresholds,
                   defect_types[1] if defect_types else None)
    prettier([out / "model.json"])
    log(f"pack written to {out} in {time.time() - start:.1f} s")


if __name__ == "__main__":
    main()
