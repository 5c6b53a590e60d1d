"""Adapter ablation on one trained base: AMoE-LoRA vs. plain LoRA vs. no adapter.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 models/recipe/ablation.py --base <pack dir> \
        --data <mauset dir> --steps N [--qa-per-source K] --out ablation.json

Every variant starts from the same stage-1 weights of --base (vision, embeddings, decoder W0),
gets a freshly initialised adapter of its kind, learns stage 2 for the same number of steps on the
same batches (same seed), and answers the same held-out questions; `none` has nothing to learn and
shows what the base alone answers. Re-training stage 1 per variant would cost hours on a CPU and
would mix the vision encoder's run-to-run noise into an adapter comparison.
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

import torch  # noqa: E402

from bpe_tokenizer import BpeTokenizer  # noqa: E402
from checkpoint import load_base  # noqa: E402
from decoder import MauGpt  # noqa: E402
from evaluate_pack import by_source, qa_rows, summarise_qa  # noqa: E402
from mauset import read_mauset  # noqa: E402
from stages import train_adapter, visual_cache  # noqa: E402
from train import seed_everything  # noqa: E402

KINDS = ("amoe-lora", "lora", "none")


def log(message):
    print(message, flush=True)


def variant(base_model, config, kind):
    """The base's stage-1 weights under a fresh adapter of `kind`."""
    cfg = json.loads(json.dumps(config))
    cfg["adapter"]["kind"] = kind
    model = MauGpt(cfg, base_model.vision)
    model.embed_tokens.load_state_dict(base_model.embed_tokens.state_dict())
    own = model.decoder.state_dict()
    adapter = {name for name, p in model.decoder.named_parameters()
               if any(p is q for q in model.decoder.adapter_parameters())}
    base_weights = {k: v for k, v in base_model.decoder.state_dict().items()
                    if k in own and k not in adapter and own[k].shape == v.shape}
    missing = [k for k in own if k not in base_weights and k not in adapter]
    if missing:
        raise ValueError(f"{kind}: base weights missing for {missing[:3]}")
    model.decoder.load_state_dict({**own, **base_weights})
    return model, cfg


def main(argv=None):
    parser = argparse.ArgumentParser(description="AMoE-LoRA vs. LoRA vs. no adapter on one base.")
    parser.add_argument("--base", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--qa-per-source", type=int, default=15)
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    torch.set_num_threads(2)
    manifest, files, base_model, config = load_base(args.base)
    tokenizer = BpeTokenizer.load(Path(args.base) / files["tokenizer"]["path"])
    splits = read_mauset(args.data)[1]
    train, test = splits["train"], splits["test"] or splits["val"]
    cache = visual_cache(base_model.vision, train, config)
    results = {}
    for kind in args.kinds.split(","):
        seed_everything(config["seed"])
        model, cfg = variant(base_model, config, kind)
        cfg["stage2"]["steps"] = args.steps
        start = time.time()
        stats = train_adapter(model, train, tokenizer, cfg, random.Random(config["seed"]), log, cache)
        qa = by_source(qa_rows(model, tokenizer, test, cfg, args.qa_per_source), summarise_qa)
        params = sum(p.numel() for p in model.decoder.adapter_parameters())
        results[kind] = {"adapterParameters": params, "trainSeconds": round(stats["seconds"], 1),
                         "seconds": round(time.time() - start, 1), "qa": qa}
        log(f"{kind}: {json.dumps(qa['all'])}")
    report = {"base": {"name": manifest["name"], "version": manifest["version"]}, "steps": args.steps,
              "qaPerSource": args.qa_per_source, "results": results}
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
