"""Measures training speed (steps/s) of each stage for a config, without a full run.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 models/recipe/benchmark.py --data <mauset dir> \
        [--config file.json] [--smoke] [--steps 5]

Runs a few steps of every stage on the real data and prints steps/s (first steps included) and
the parameter counts, so README time estimates come from measurements, not guesses.
"""

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402

from bpe_tokenizer import train_bpe  # noqa: E402
from config import load_config  # noqa: E402
from decoder import MauGpt  # noqa: E402
from mauset import read_mauset  # noqa: E402
from stages import train_adapter, train_language, train_vision  # noqa: E402
from train import corpus  # noqa: E402
from vision import build_vision  # noqa: E402


def count(params):
    return sum(p.numel() for p in params)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--config")
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--adapter", choices=["amoe-lora", "lora", "none"])
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--images", type=int, default=40, help="train images used (visual cache cost)")
    args = parser.parse_args()
    torch.set_num_threads(2)
    config = load_config(args.config, smoke=args.smoke, adapter=args.adapter)
    _, splits = read_mauset(args.data)
    rng = random.Random(0)
    train = rng.sample(splits["train"], min(args.images, len(splits["train"])))
    tokenizer = train_bpe(corpus(train), config["decoder"]["vocabSize"])
    config["decoder"]["vocabSize"] = len(tokenizer)
    model = MauGpt(config, build_vision(config))
    rates = {}
    for stage in ("stage1", "stage2"):
        config[stage]["steps"] = args.steps
    config["stage1"]["lmSteps"] = args.steps
    quiet = lambda _message: None  # noqa: E731
    s = train_vision(model.vision, train, config, rng, quiet)
    rates["stage1-vision"] = s["steps"] / s["seconds"]
    start = time.time()
    s, cache = train_language(model, train, tokenizer, config, rng, quiet)
    rates["visual-cache-images-per-s"] = len(train) / (time.time() - start - s["seconds"])
    rates["stage1-lm"] = s["steps"] / s["seconds"]
    s = train_adapter(model, train, tokenizer, config, rng, quiet, cache)
    rates["stage2-adapter"] = s["steps"] / s["seconds"] if s["seconds"] else None
    print(json.dumps({
        "stepsPerSecond": rates,
        "batch": {"stage1": config["stage1"]["batch"], "stage2": config["stage2"]["batch"]},
        "parameters": {"vision": count(model.vision.parameters()),
                       "embed": count(model.embed_tokens.parameters()),
                       "decoderBase": count(model.decoder.base_parameters()),
                       "adapter": count(model.decoder.adapter_parameters())},
        "threads": torch.get_num_threads(),
    }, indent=1))


if __name__ == "__main__":
    main()
