"""MODEL_CARD.md and the short `card` object of model.json, from what the run actually measured."""

import json
import platform

import torch

LICENCES = "BSData CC BY-SA 4.0 (derived weights stay CC BY-SA); DeepPCB and NEU-DET research only"


def manifest_card(smoke, manifest):
    sources = ", ".join(f"{s.get('name')} ({s.get('licence', s.get('license', '?'))})"
                        for s in manifest.get("sources", []))
    return {
        "licence": "CC BY-SA 4.0" if not smoke else "CC BY-SA 4.0 (test pack)",
        "authors": ["MAU Studio model recipe"],
        "source": "models/recipe/train.py",
        "trainingData": f"MAU-Set export: {sources}" if sources else "MAU-Set export",
        "intendedUse": ("runtime tests only: a few smoke steps, the answers mean nothing" if smoke else
                        "assist QA reviewers; every verdict is checked by a person"),
        "limitations": "small model trained on few public images; see MODEL_CARD.md",
    }


def history_lines(config):
    """Earlier sittings (train.py --init) and the steps every stage has had in total."""
    history = config.get("history", [])
    if not history:
        return []
    sittings = [*history, {"pack": "this pack", "version": "", "stage1": config["stage1"],
                           "stage2": config["stage2"]}]
    lines = ["", "Trained in sittings, each continuing the previous pack's weights:", "",
             "| sitting | vision steps | LM steps | adapter steps | batch (vision / adapter) |",
             "|---|---:|---:|---:|---|"]
    for s in sittings:
        lines.append(f"| {s['pack']} {s['version']}".rstrip() + f" | {s['stage1']['steps']} | {s['stage1']['lmSteps']} | "
                     f"{s['stage2']['steps']} | {s['stage1']['batch']} / {s['stage2']['batch']} |")
    total = [sum(s["stage1"]["steps"] for s in sittings), sum(s["stage1"]["lmSteps"] for s in sittings),
             sum(s["stage2"]["steps"] for s in sittings)]
    lines.append(f"| total | {total[0]} | {total[1]} | {total[2]} | |")
    return lines


def write_card(folder, config, report, manifest, smoke):
    stages = report["stages"]
    lines = [
        f"# MAU-GPT-mini ({'smoke test pack' if smoke else 'trained pack'})",
        "",
        "Vision encoder (small U-Net, trained from scratch) with an anomaly head (pixel map, top-k image",
        "score, anomaly feature z), and a small causal transformer decoder adapted with AMoE-LoRA",
        f"(adapter: `{config['adapter']['kind']}`). Recipe: `models/recipe/` (see its README).",
        "",
        "## Data",
        "",
        f"MAU-Set export `{manifest.get('project', '?')}`, counts {json.dumps(manifest.get('counts', {}))}.",
        f"Sources: {', '.join(str(s.get('name')) for s in manifest.get('sources', [])) or 'not stated'}.",
        "Box-only regions (NEU-DET, DeepPCB) are trained as filled boxes; BSData masks are exact.",
        "",
        "## Licences",
        "",
        LICENCES + ".",
        "",
        "## Training",
        "",
        f"Hardware: {platform.processor() or platform.machine()}, torch {torch.__version__}, "
        f"{torch.get_num_threads()} threads, CPU only.",
        "",
        "| stage | steps | seconds | steps/s |",
        "|---|---:|---:|---:|",
    ]
    for name, s in stages.items():
        rate = s["steps"] / s["seconds"] if s["seconds"] else 0.0
        lines.append(f"| {name} | {s['steps']} | {s['seconds']:.1f} | {rate:.2f} |")
    lines += history_lines(config)
    lines += ["", "## Metrics", "", "Thresholds chosen on the validation split (max F1): "
              f"image {report['thresholds']['image']:.4f}, pixel {report['thresholds']['pixel']:.4f}.", "",
              "```json", json.dumps(report["metrics"], indent=1), "```", "",
              "QA exact match is greedy decoding compared token for token with the reference answer.", "",
              "## Ablation", "",
              "Train the same config with `--adapter lora` or `--adapter none` and compare the QA metrics "
              "above; results of this run's adapter only are listed here.", "",
              "## Known limits", "",
              "- Trained on a few hundred public images of three product types; other parts need fine-tuning.",
              "- Answers come from template texts until reviewer-corrected MAU-Set exports exist.",
              "- Tiles mode: the decoder sees the whole image resized to S; the map comes from full-resolution"
              " tiles.",
              ]
    if smoke:
        lines += ["- Smoke pack: a few dozen steps on a handful of images; scores and answers are noise."]
    (folder / "MODEL_CARD.md").write_text("\n".join(lines) + "\n")
