"""Recipe configuration: defaults for MAU-GPT-mini, the tiny smoke sizes, and JSON overrides.

A config file is a JSON object whose keys override the defaults, one level deep per section,
e.g. {"decoder": {"layers": 2}, "stage1": {"steps": 500}}. Unknown keys are an error, so a typo
cannot silently train the default model.
"""

import copy
import json
from pathlib import Path

DEFAULT = {
    "seed": 0,
    "vision": {"imageSize": 256, "channels": [16, 32, 64, 96, 128], "anomalyFeatureSize": 32,
               "topkFraction": 0.01, "tiling": {"mode": "tiles", "overlap": 32},
               "mapTrunk": False, "categoryTrunks": [], "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]},
    "decoder": {"layers": 4, "hidden": 128, "heads": 4, "mlp": 512, "vocabSize": 2048, "maxContext": 256},
    "adapter": {"kind": "amoe-lora", "experts": 4, "rank": 8, "anomalyRank": 4, "hyperHidden": 32,
                "alpha": 16.0},
    "stage1": {"steps": 3000, "batch": 8, "lr": 2e-3, "weightDecay": 0.01, "defectCropFraction": 0.5,
               "posWeight": 10.0, "lmSteps": 1500, "lmLr": 1e-3, "sourceBalance": False,
               "templateMasks": False, "photometric": None, "category": None,
               # categoryInit: where stage1.category's trunk starts, "shared" (the shared trunk's
               # weights, kept if it has one) or "fresh" (random weights, replacing it)
               "categoryInit": "shared"},
    # levelWeights: {"1"–"5": weight} draws a level by weight, then one of its questions; None
    # draws every question alike (each image holds as many per level, so the levels come alike)
    "stage2": {"steps": 2000, "batch": 16, "lr": 1e-3, "weightDecay": 0.0, "levelWeights": None},
    # an answer's cap per level ("1"–"5") where it differs from maxNewTokens (generation_config.json's
    # max_new_tokens_by_level): chosen on the val split's ROUGE-L (MODEL_CARD.md); L3 rambles on
    # when let run, while L5's causes and actions need room (BSData's are 61 tokens)
    "generation": {"maxNewTokens": 48, "maxNewTokensByLevel": {"4": 64, "5": 80}},
}

# keys a continued pack's config lacks and takes with its old behaviour, not today's default
BEFORE_THE_KEY = {("generation", "maxNewTokensByLevel"): {}}

# smoke: a complete pack in well under a minute on two cores, and under 2 MB on disk
SMOKE = {
    "vision": {"imageSize": 64, "channels": [8, 12, 16, 24], "anomalyFeatureSize": 8,
               "tiling": {"mode": "resize"}},
    "decoder": {"layers": 2, "hidden": 32, "heads": 2, "mlp": 64, "vocabSize": 384, "maxContext": 128},
    "adapter": {"experts": 2, "rank": 4, "anomalyRank": 2, "hyperHidden": 16},
    "stage1": {"steps": 24, "batch": 4, "lmSteps": 100},
    "stage2": {"steps": 150, "batch": 8},
    "generation": {"maxNewTokens": 24, "maxNewTokensByLevel": {"5": 32}},
}


# sections whose value is a whole object of its own, set as one piece rather than merged key by key
WHOLE_VALUES = ("tiling", "maxNewTokensByLevel", "levelWeights", "photometric")


def merge(base, override, where="config"):
    out = copy.deepcopy(base)
    for key, value in override.items():
        if key not in out:
            raise ValueError(f"{where}: unknown key '{key}' (known: {', '.join(sorted(out))})")
        if isinstance(out[key], dict) and isinstance(value, dict) and key not in WHOLE_VALUES:
            out[key] = merge(out[key], value, f"{where}.{key}")
        else:
            out[key] = copy.deepcopy(value)
    return out


def with_new_keys(base):
    """A continued pack's config plus any key added to the recipe since it was written, at its
    default (which keeps the old behaviour), so that a sitting's config file may set it."""
    config = copy.deepcopy(base)
    for section, defaults in DEFAULT.items():
        if isinstance(defaults, dict) and isinstance(config.get(section), dict):
            for key, value in defaults.items():
                config[section].setdefault(key, copy.deepcopy(BEFORE_THE_KEY.get((section, key), value)))
    return config


def load_config(path=None, smoke=False, adapter=None, base=None):
    """base: the config of a pack being continued (--init); its sizes stay, the file sets the steps."""
    if base is not None:
        config = with_new_keys(base)
        # which category's trunk a sitting trains is that sitting's choice, not carried to the next
        config["stage1"]["category"] = None
        config["stage1"]["categoryInit"] = "shared"
        if adapter and adapter != config["adapter"]["kind"]:
            raise ValueError(f"config: --adapter {adapter} differs from the continued pack's "
                             f"{config['adapter']['kind']!r}; an adapter cannot change kind mid-training")
    else:
        config = merge(DEFAULT, SMOKE, "smoke") if smoke else copy.deepcopy(DEFAULT)
    if path:
        text = Path(path).read_text()
        try:
            override = json.loads(text)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}: not valid JSON ({err.msg} at line {err.lineno})") from None
        config = merge(config, override, str(path))
    if adapter:
        config["adapter"]["kind"] = adapter
    check(config)
    return config


def check(config):
    v, d, a = config["vision"], config["decoder"], config["adapter"]
    down = 2 ** len(v["channels"])
    if v["imageSize"] % down:
        raise ValueError(f"config: vision.imageSize {v['imageSize']} must be a multiple of {down}")
    if d["hidden"] % d["heads"]:
        raise ValueError(f"config: decoder.hidden {d['hidden']} must be divisible by heads {d['heads']}")
    if a["kind"] not in ("amoe-lora", "lora", "none"):
        raise ValueError(f"config: adapter.kind must be amoe-lora, lora or none, got {a['kind']!r}")
    grid = v["imageSize"] // down
    if grid * grid >= d["maxContext"]:
        raise ValueError("config: the visual tokens alone fill decoder.maxContext")
    weights = config["stage2"].get("levelWeights")
    if weights is not None and (not isinstance(weights, dict) or not weights or any(
            level not in ("1", "2", "3", "4", "5") or isinstance(w, bool) or not isinstance(w, (int, float)) or w < 0
            for level, w in weights.items()) or not sum(weights.values()) > 0):
        raise ValueError(f"config: stage2.levelWeights needs levels \"1\"–\"5\" with weights ≥ 0, not all 0, "
                         f"got {weights!r}")
    check_photometric(config["stage1"].get("photometric"))
    check_categories(v.get("categoryTrunks", []), config["stage1"].get("category"))
    if config["stage1"]["categoryInit"] not in ("shared", "fresh"):
        raise ValueError(f"config: stage1.categoryInit must be \"shared\" or \"fresh\", "
                         f"got {config['stage1']['categoryInit']!r}")
    if config["stage1"]["categoryInit"] == "fresh" and not config["stage1"].get("category"):
        raise ValueError("config: stage1.categoryInit \"fresh\" needs stage1.category (the trunk it starts anew)")
    for level, cap in config["generation"].get("maxNewTokensByLevel", {}).items():
        if level not in ("1", "2", "3", "4", "5") or not isinstance(cap, int) or isinstance(cap, bool) or cap < 1:
            raise ValueError(f"config: generation.maxNewTokensByLevel needs levels \"1\"–\"5\" with a positive "
                             f"whole number of tokens, got {level!r}: {cap!r}")


def check_photometric(spec):
    """stage1.photometric: None, or {"contrast": c, "brightness": b} with 0 ≤ c < 1 and b ≥ 0."""
    if spec is None:
        return
    ok = (isinstance(spec, dict) and set(spec) == {"contrast", "brightness"}
          and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in spec.values())
          and 0 <= spec["contrast"] < 1 and spec["brightness"] >= 0)
    if not ok:
        raise ValueError(f"config: stage1.photometric needs {{\"contrast\": 0 to <1, \"brightness\": ≥ 0}} "
                         f"(or null for none), got {spec!r}")


def check_categories(trunks, category):
    """vision.categoryTrunks: category names (a trunk each); stage1.category: None or one name."""
    def is_name(c):
        return isinstance(c, str) and c != "" and "." not in c
    if not isinstance(trunks, list) or not all(is_name(c) for c in trunks) or len(set(trunks)) != len(trunks):
        raise ValueError(f"config: vision.categoryTrunks needs distinct category names without dots, got {trunks!r}")
    if category is not None and not is_name(category):
        raise ValueError(f"config: stage1.category needs a category name without dots (or null), got {category!r}")


def num_visual_tokens(config):
    grid = config["vision"]["imageSize"] // 2 ** len(config["vision"]["channels"])
    return grid * grid
