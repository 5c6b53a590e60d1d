"""Adds measured results to a pack's MODEL_CARD.md and re-hashes it in model.json.

    /usr/bin/python3 models/recipe/card_results.py --pack <pack dir> [--scores scores.json] \
        [--ablation ablation.json]

--scores is evaluate_pack.py's report (per dataset and level), --ablation is ablation.py's. Each
replaces its own section when run again, so the card always shows the latest measurement.
"""

import argparse
import json
import re
from pathlib import Path

from checkpoint import sha256
from pack import prettier

SCORES_TITLE = "## Scores per dataset and level"
ABLATION_TITLE = "## Ablation"


def pct(value):
    return "–" if value is None else f"{100 * value:.1f} %"


def num(value):
    return "–" if value is None else f"{value:.3f}"


def category_note(thresholds):
    """'; per category (options.categoryThresholds): ball_screw image 0.9871, …' or nothing."""
    def part(key, value):
        if key == "imageTopFraction":
            return f"scored by the map's top {100 * value:g} %"
        return f"regions peaking ≥ {value:g}" if key == "regionPeak" else f"{key} {value:.4f}"

    parts = [f"{c} " + ", ".join(part(k, v) for k, v in t.items())
             for c, t in sorted((thresholds.get("categories") or {}).items())]
    return f"; per category (options.categoryThresholds): {'; '.join(parts)}" if parts else ""


def scores_section(report):
    anomaly, qa = report["anomaly"], report["qa"]
    lines = [SCORES_TITLE, "",
             f"`evaluate_pack.py` on the {report['split']} split, pack thresholds (image "
             f"{report['thresholds']['image']:.4f}, pixel {report['thresholds']['pixel']:.4f}"
             f"{category_note(report['thresholds'])}). Targets of issue #5: "
             "image and pixel AUROC ≥ 0.98 per dataset, L1 ≥ 97 %, L2 ≥ 98 % (NEU-DET) / ≥ 95 % overall, "
             "ROUGE-L ≥ 0.6 for L4/L5.", "",
             "| dataset | images (NG) | image AUROC | pixel AUROC | F1 @ thr | accuracy @ thr | mask IoU (NG) "
             "| regions per NG image: map / labels | traced regions on a defect | labelled regions found |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, a in anomaly.items():
        counts = ("–" if a.get("regionsPerNg") is None else
                  f"{a['regionsPerNg']:.1f} / {a['labelledRegionsPerNg']:.1f}")
        lines.append(f"| {name} | {a['images']} ({a['ng']}) | {num(a['imageAuroc'])} | {num(a['pixelAuroc'])} | "
                     f"{num(a['f1'])} | {pct(a['accuracy'])} | {num(a['maskIou'])} | {counts} | "
                     f"{pct(a.get('regionsOnDefect'))} | {pct(a.get('labelledFound'))} |")
    lines += ["", "Traced regions on a defect: of the regions the map traces on defective images called NG, "
              "those that touch a labelled defect pixel. Labelled regions found: of the labelled regions, "
              "those whose box some traced region reaches (none where the image was called OK). Unlike pixel "
              "AUROC and mask IoU against boxes, these do not penalise a map that marks a defect's own pixels "
              "inside its box."]
    lines += ["", "Language path (greedy answers to the held-out images' questions; closed greedy = first "
              "option letter of the greedy answer, closed ranked = the option whose whole answer the model "
              "finds most likely, option_ranking.py; L1/L2 open = yes/no and the true type named; L3 = the "
              "main region's position words):", "",
              *(["L1 is grounded (options.groundedL1): each L1 answer starts from the anomaly head's verdict "
                 "(its yes or no text by the image threshold) and the decoder writes the rest, so L1 open accuracy "
                 "is the verdict's accuracy; closed L1 (grounded) takes the option that says the verdict.", ""]
                if report.get("groundedL1") else []),
              *(["L2–L5 are grounded (options.groundedLevels): on an image the anomaly head calls OK each answer "
                 "starts from the export's words for a clean part; on one it calls NG the levels that have one "
                 "start from a defect's opening words and no answer may say a clean part's phrases. 'agrees': "
                 "open answers on the side of the verdict shown beside them (L1 yes when NG, L2–L5 'no defect' "
                 "when OK).", ""]
                if report.get("groundedLevels") else []),
              *(["L2 on an image called NG is the defect-type head's (options.defectTypes): the types it lists, "
                 "in the export's words. Of the defective images called NG, the listed types name a true one on: "
                 + ", ".join(f"{name} {pct(t['namesTrueType'])} ({t['images']})"
                             for name, t in report["defectTypes"].items()) + ".", ""]
                if report.get("defectTypes") else []),
              *(["L3 on an image called NG that lists regions is those regions in the export's words "
                 "(options.groundedLevels.3.fromRegions: type, 3×3 cell and box of each), so its position words "
                 "and ROUGE-L measure the map's regions, not the decoder.", ""]
                if report.get("l3FromRegions") else []),
              *(["L4 on an image called NG that lists regions is those regions measured on the image as the "
                 "export measures labelled ones (options.groundedLevels.4.fromRegions: size, shape and contrast "
                 "with the surroundings, box and share of the image; the four largest described), so its "
                 "ROUGE-L measures the map's regions, not the decoder.", ""]
                if report.get("l4FromRegions") else []),
              "| dataset | level | questions | closed acc. (greedy) | closed acc. (ranked) | open acc. | "
              "L3 position words | ROUGE-L | exact | closed L1 (grounded) | agrees |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, levels in qa.items():
        for level, q in levels.items():
            lines.append(f"| {name} | L{level} | {q['questions']} | {pct(q['closedAccuracy'])} | "
                         f"{pct(q.get('closedRankedAccuracy'))} | "
                         f"{pct(q.get('openAccuracy'))} | {pct(q.get('positionWordAccuracy'))} | "
                         f"{num(q['rougeL'])} | {pct(q['openExactMatch'])} | "
                         f"{pct(q.get('closedGroundedAccuracy'))} | {pct(q.get('verdictAgreement'))} |")
    return lines


def closed_both(level):
    """Closed-question accuracy of one level as 'greedy / ranked'."""
    return f"{pct(level['closedAccuracy'])} / {pct(level.get('closedRankedAccuracy'))}"


def ablation_section(report):
    lines = [ABLATION_TITLE, "",
             f"`ablation.py`: every adapter kind on the same stage-1 base ({report['base']['name']} "
             f"{report['base']['version']}), {report['steps']} adapter steps, the same batches, "
             f"{report['qaPerSource']} held-out images per dataset (all datasets together). The answers are "
             "the decoder's own, without the pack's grounding, so that only the adapter differs:", "",
             "| adapter | parameters | L1 closed (greedy / ranked) | L1 open | L2 closed (greedy / ranked) | "
             "L2 open | L3 position | L4 closed ranked | L4 ROUGE-L | L5 closed ranked | L5 ROUGE-L |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for kind, r in report["results"].items():
        q = r["qa"]["all"]
        lines.append(f"| {kind} | {r['adapterParameters']:,} | {closed_both(q['1'])} | {pct(q['1'].get('openAccuracy'))} | "
                     f"{closed_both(q['2'])} | {pct(q['2'].get('openAccuracy'))} | {pct(q['3'].get('positionWordAccuracy'))} | "
                     f"{pct(q['4'].get('closedRankedAccuracy'))} | {num(q['4']['rougeL'])} | "
                     f"{pct(q['5'].get('closedRankedAccuracy'))} | {num(q['5']['rougeL'])} |")
    return lines


def replace_section(text, title, lines):
    """Swaps the section starting at `title` (up to the next '## ') for `lines`, or inserts it before Known limits."""
    block = "\n".join(lines) + "\n\n"
    pattern = re.compile(rf"^{re.escape(title)}\b.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        return pattern.sub(lambda _: block, text, count=1)
    anchor = text.find("## Known limits")
    return text + "\n" + block if anchor < 0 else text[:anchor] + block + text[anchor:]


def rehash_card(pack):
    manifest_file = pack / "model.json"
    manifest = json.loads(manifest_file.read_text())
    for entry in manifest["files"]:
        if entry["role"] == "card":
            entry["sha256"] = sha256(pack / entry["path"])
    manifest_file.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    prettier([manifest_file])


def main(argv=None):
    parser = argparse.ArgumentParser(description="Add measured scores and the ablation to a pack's card.")
    parser.add_argument("--pack", required=True)
    parser.add_argument("--scores")
    parser.add_argument("--ablation")
    args = parser.parse_args(argv)
    pack = Path(args.pack)
    card = pack / "MODEL_CARD.md"
    text = card.read_text()
    if args.scores:
        text = replace_section(text, SCORES_TITLE, scores_section(json.loads(Path(args.scores).read_text())))
    if args.ablation:
        text = replace_section(text, ABLATION_TITLE, ablation_section(json.loads(Path(args.ablation).read_text())))
    card.write_text(text)
    rehash_card(pack)


if __name__ == "__main__":
    main()
