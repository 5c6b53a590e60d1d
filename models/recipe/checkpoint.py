"""The PyTorch checkpoint a pack carries for fine-tuning (`checkpoint.pt`, role `weights`).

It holds the state dicts of every module as trained (in float16, see keep_half_precision), the
recipe config that built them and the
identity of the tokenizer they were trained with (vocabulary size and the sha256 of
tokenizer.json), so `finetune.py` can rebuild exactly this model and refuse a mismatched pack.
"""

import hashlib
import json
from pathlib import Path

import torch

from decoder import MauGpt
from defect_types import DefectTypeHead
from vision import build_vision

CHECKPOINT_FILE = "checkpoint.pt"
CHECKPOINT_FORMAT = "mau-gpt-checkpoint/1"


class BasePackError(ValueError):
    pass


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def keep_half_precision(model):
    """Rounds every float weight of `model` to the nearest float16 value, in place.

    A pack stores its checkpoint in float16 (half the bytes: it is the largest file of the pack)
    and its graphs in float32; rounding before the graphs are exported and the thresholds chosen
    keeps all three the same model: the checkpoint read back is the graphs' weights bit for bit.
    """
    with torch.no_grad():
        for name, tensor in model.state_dict().items():
            if not tensor.is_floating_point():
                continue
            half = tensor.half()
            if not torch.isfinite(half).all():
                raise ValueError(f"weight {name} does not fit float16 (largest |w| {tensor.abs().max():.4g})")
            tensor.copy_(half.float())


def halved(state):
    return {k: v.half() if v.is_floating_point() else v for k, v in state.items()}


def write_checkpoint(folder, model, config, tokenizer_file):
    """Writes the weights in float16: call keep_half_precision first, so nothing is lost."""
    data = {"format": CHECKPOINT_FORMAT, "config": config,
            "tokenizer": {"sha256": sha256(tokenizer_file), "vocabSize": config["decoder"]["vocabSize"]},
            "vision": halved(model.vision.state_dict()), "embed_tokens": halved(model.embed_tokens.state_dict()),
            "decoder": halved(model.decoder.state_dict())}
    if getattr(model, "defect_types", None):
        data["defectTypes"] = defect_types_entry(*model.defect_types)
    torch.save(data, Path(folder) / CHECKPOINT_FILE)


def read_base_manifest(pack):
    """The base pack's model.json, refused (naming the file) unless it can be fine-tuned."""
    path = Path(pack) / "model.json"
    if not path.is_file():
        raise BasePackError(f"{path}: not found; --base must be a model pack folder")
    try:
        manifest = json.loads(path.read_text())
    except json.JSONDecodeError as err:
        raise BasePackError(f"{path}: not valid JSON ({err.msg} at line {err.lineno})") from None
    kind = manifest.get("kind")
    if kind != "mau-gpt":
        raise BasePackError(f"{path}: kind is {kind!r}; fine-tuning needs a mau-gpt pack")
    files = {f.get("role"): f for f in manifest.get("files", [])}
    weights = files.get("weights")
    if weights is None:
        raise BasePackError(f"{path}: lists no file with role 'weights' ({CHECKPOINT_FILE}); this pack was "
                            "written without a PyTorch checkpoint and cannot be fine-tuned; retrain it with "
                            "models/recipe/train.py")
    for role in ("weights", "tokenizer", "decoder"):
        entry = files.get(role)
        if entry is None:
            raise BasePackError(f"{path}: lists no file with role {role!r}")
        file = Path(pack) / entry["path"]
        if not file.is_file():
            raise BasePackError(f"{file}: listed in model.json as {role!r} but missing")
        if sha256(file) != entry.get("sha256"):
            raise BasePackError(f"{file}: sha256 differs from model.json; the pack was changed after it was written")
    return manifest, files


def load_base(pack):
    """Rebuilds the base model from its checkpoint; returns (manifest, files, model, config)."""
    manifest, files = read_base_manifest(pack)
    file = Path(pack) / files["weights"]["path"]
    data = torch.load(file, map_location="cpu")
    if not isinstance(data, dict) or data.get("format") != CHECKPOINT_FORMAT:
        raise BasePackError(f"{file}: not a {CHECKPOINT_FORMAT} checkpoint")
    tokenizer_file = Path(pack) / files["tokenizer"]["path"]
    if data["tokenizer"]["sha256"] != sha256(tokenizer_file):
        raise BasePackError(f"{file}: trained with another tokenizer than {tokenizer_file}")
    config = data["config"]
    model = MauGpt(config, build_vision(config))
    model.vision.load_state_dict(data["vision"])
    model.embed_tokens.load_state_dict(data["embed_tokens"])
    model.decoder.load_state_dict(data["decoder"])
    model.eval()
    # the defect-type head (train_types.py), where the pack has one: (head, its options entry)
    model.defect_types = defect_type_head(data.get("defectTypes"))
    return manifest, files, model, config


def defect_types_entry(head, entry):
    """The head as checkpoint.pt keeps it: its options entry and weights (float32; 0.5 MB)."""
    return {**entry, "state": head.state_dict()}


def defect_type_head(entry):
    if not entry:
        return None
    state = entry["state"]
    head = DefectTypeHead(state["centre"].shape[0], len(entry["labels"]), entry["hidden"])
    head.load_state_dict(state)
    return head.eval(), {k: v for k, v in entry.items() if k != "state"}
