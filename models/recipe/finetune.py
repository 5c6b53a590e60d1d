"""Fine-tunes a mau-gpt pack on a project's MAU-Set export and writes a new, complete pack.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 models/recipe/finetune.py --base <pack dir> \
        --data <mauset dir> --out <new pack dir> [--steps N] [--smoke] [--resume] [--name N] [--version V]

Only the AMoE-LoRA stage learns (router, experts, hypernetwork); the vision encoder, embeddings
and decoder base weights stay the base pack's, and so does its tokenizer (new words map through
its BPE merges). Thresholds are chosen on the export's val split. The pack is written into
`.<out name>.partial` next to --out and renamed into place only once complete, so a crash or a
kill never leaves a half pack at --out; --resume continues from that folder's last step
checkpoint, otherwise a stale one is discarded. Progress: one JSON line per step on stdout.
"""

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402

from bpe_tokenizer import BpeTokenizer  # noqa: E402
from checkpoint import BasePackError, keep_half_precision, load_base, write_checkpoint  # noqa: E402
from evaluate import anomaly_metrics  # noqa: E402
from export_onnx import export_all  # noqa: E402
from finetune_card import base_identity, card_of, write_finetune_card  # noqa: E402
from finetune_loop import RESUME_FILE, emit, train_adapter_resumable  # noqa: E402
from generate import qa_metrics  # noqa: E402
from mauset import MauSetError, read_mauset  # noqa: E402
from pack import prettier, write_manifest  # noqa: E402
from train import seed_everything, smoke_subset  # noqa: E402

SMOKE_STEPS = 12


def log(message):
    print(message, file=sys.stderr, flush=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Fine-tune the AMoE-LoRA stage of a mau-gpt pack.")
    parser.add_argument("--base", required=True, help="mau-gpt pack folder with checkpoint.pt")
    parser.add_argument("--data", required=True, help="MAU-Set export folder (the project's)")
    parser.add_argument("--out", required=True, help="new pack folder; must not exist")
    parser.add_argument("--steps", type=int, help="adapter steps (default: the base config's stage 2)")
    parser.add_argument("--smoke", action="store_true", help="few steps on few images")
    parser.add_argument("--resume", action="store_true", help="continue an interrupted run")
    parser.add_argument("--name", help="pack name (default: <base name>-ft)")
    parser.add_argument("--version", help="pack version (default: <base version>-ft.<UTC time>)")
    args = parser.parse_args(argv)
    if args.steps is not None and args.steps < 1:
        parser.error("--steps must be at least 1")
    return args


def work_folder(out, resume):
    """The temporary folder next to --out; a stale one is discarded unless resuming."""
    work = out.parent / f".{out.name}.partial"
    if work.exists() and not (resume and (work / RESUME_FILE).is_file()):
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    return work


def splits_of(data, smoke):
    manifest, splits = read_mauset(data)
    train, val = splits["train"], splits["val"] or splits["train"]
    test = splits["test"] or val
    if not train:
        raise MauSetError(f"{data}/train.jsonl: no training images; label more images before fine-tuning")
    if smoke:
        train, val, test = smoke_subset(train), val[:4], test[:4]
    return manifest, train, val, test


def run(args):
    torch.set_num_threads(2)
    base, out = Path(args.base).resolve(), Path(args.out).resolve()
    if out.exists():
        raise FileExistsError(f"{out}: already exists; a fine-tune writes a new pack folder")
    base_manifest, base_files, model, config = load_base(base)
    tokenizer = BpeTokenizer.load(base / base_files["tokenizer"]["path"])
    manifest, train, val, test = splits_of(args.data, args.smoke)
    emit(stage="data", train=len(train), val=len(val), test=len(test))
    log(f"data: {len(train)} train, {len(val)} val, {len(test)} test images from {args.data}")
    seed_everything(config["seed"])
    steps = args.steps or (SMOKE_STEPS if args.smoke else config["stage2"]["steps"])
    work = work_folder(out, args.resume)
    start = time.time()
    stats = train_adapter_resumable(model, train, tokenizer, config, steps, work, config["seed"], log)
    stats["seconds"] = time.time() - start
    keep_half_precision(model)  # what the pack stores; thresholds and metrics are chosen on it

    emit(stage="thresholds", message="choosing thresholds on the val split")
    thresholds, val_metrics = anomaly_metrics(model.vision, val, config)
    _, test_metrics = anomaly_metrics(model.vision, test, config, thresholds) if test else (None, None)
    qa = qa_metrics(model, tokenizer, test, config, limit_per_level=2 if args.smoke else 40) if test else {}
    report = {"stages": {"finetune-adapter": stats}, "thresholds": thresholds,
              "metrics": {"val": val_metrics, "test": test_metrics, "testQa": qa}}

    emit(stage="export", message="exporting the ONNX graphs")
    for stale in [p for p in work.iterdir() if p.name != RESUME_FILE]:
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    export_all(model, config, work)
    for role in ("tokenizer", "generation-config"):
        shutil.copyfile(base / base_files[role]["path"], work / base_files[role]["path"])
    write_checkpoint(work, model, config, work / "tokenizer.json")
    identity = base_identity(base_manifest, base_files)
    write_finetune_card(work, config, report, manifest, identity, args.data)
    name = args.name or f"{base_manifest['name']}-ft"
    version = args.version or f"{base_manifest['version']}-ft.{time.strftime('%Y%m%d%H%M%S', time.gmtime())}"
    labels = sorted({*base_manifest.get("labels", []), *(r.type for s in train for r in s.regions)})
    write_manifest(work, config, name, version, f"{base_manifest['name']} fine-tuned on {manifest.get('project', '?')}",
                   card_of(base_manifest, identity, manifest), labels, thresholds,
                   model.defect_types[1] if model.defect_types else None)
    prettier([work / "model.json"])
    (work / RESUME_FILE).unlink(missing_ok=True)
    os.replace(work, out)  # the only step that makes the pack visible at --out
    emit(stage="done", pack=str(out), name=name, version=version, seconds=round(time.time() - start, 1),
         thresholds=thresholds)


def main(argv=None):
    args = parse_args(argv)
    try:
        run(args)
    except (BasePackError, MauSetError, FileExistsError, ValueError) as err:
        print(f"finetune: {err}", file=sys.stderr, flush=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
