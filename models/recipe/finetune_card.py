"""MODEL_CARD.md and the model.json card of a fine-tuned pack: they name the base pack (name,
version, sha256 of its decoder) and the project's data, so a pack says what it was tuned from."""

import json
import platform

import torch

from card import LICENCES


def base_identity(base_manifest, base_files):
    return {"name": base_manifest["name"], "version": base_manifest["version"],
            "decoderSha256": base_files["decoder"]["sha256"]}


def data_identity(manifest):
    return {"project": manifest.get("project"), "created": manifest.get("created"),
            "counts": manifest.get("counts", {}), "splits": manifest.get("splits", manifest.get("split_sizes"))}


def card_of(base_manifest, identity, manifest):
    base_card = base_manifest.get("card", {})
    return {"licence": base_card.get("licence", "see the base pack"),
            "authors": ["MAU Studio fine-tune recipe"], "source": "models/recipe/finetune.py",
            "trainingData": f"MAU-Set export of project {manifest.get('project', '?')}",
            "intendedUse": "assist QA reviewers on this project's parts; every verdict is checked by a person",
            "limitations": "adapter fine-tune of the base pack on one project's labels; see MODEL_CARD.md",
            "base": identity, "data": data_identity(manifest)}


def write_finetune_card(folder, config, report, manifest, identity, data_dir):
    stats = report["stages"]["finetune-adapter"]
    lines = [
        f"# {identity['name']} fine-tuned (AMoE-LoRA adapter)", "",
        "## Base pack", "",
        f"`{identity['name']}` version `{identity['version']}`, decoder sha256 `{identity['decoderSha256']}`.",
        "Vision encoder, token embeddings, decoder base weights and tokenizer are the base pack's, unchanged;",
        "only the AMoE-LoRA adapter (router, experts, anomaly hypernetwork) was trained.", "",
        "## Data", "",
        f"MAU-Set export `{data_dir}` of project `{manifest.get('project', '?')}`"
        f" (created {manifest.get('created', '?')}), counts {json.dumps(manifest.get('counts', {}))}.",
        "Trained on its train split; thresholds chosen on val (max F1); metrics on test.", "",
        "## Licences", "", LICENCES + "; the project's own images keep their owner's terms.", "",
        "## Training", "",
        f"Hardware: {platform.processor() or platform.machine()}, torch {torch.__version__}, "
        f"{torch.get_num_threads()} threads, CPU only. Adapter steps: {stats['steps']}"
        f" (resumed at {stats['resumedAt']}), {stats['seconds']:.1f} s.", "",
        "## Metrics", "",
        f"Thresholds: image {report['thresholds']['image']:.4f}, pixel {report['thresholds']['pixel']:.4f}.", "",
        "```json", json.dumps(report["metrics"], indent=1), "```", "",
    ]
    (folder / "MODEL_CARD.md").write_text("\n".join(lines) + "\n")
