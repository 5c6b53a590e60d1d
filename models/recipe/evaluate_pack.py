"""Scores a trained mau-gpt pack on a MAU-Set split, per dataset and per task level.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 models/recipe/evaluate_pack.py --pack <pack dir> \
        --data <mauset dir> [--split test] [--qa-per-source N] --out report.json

Anomaly path (what the product's verdict and heat map come from), per source dataset: image
AUROC, pixel AUROC, F1 and accuracy at the pack's own image threshold, mask IoU at its pixel
threshold; for BSData also the image AUROC on images of the normals' size only (its normals are
all 1130×460 frames, a shortcut a model can learn). Language path, on the same images: closed
questions scored by the first option letter of the greedy answer and, separately, by ranking
the options (option_ranking.py: the option whose whole answer the model finds most likely),
open questions by exact match and ROUGE-L; L1 accuracy from the open answer's yes/no, L2 accuracy from whether the open answer
names the true defect type, L3 position-word accuracy from whether it names the main region's
position. A pack whose options carry groundedL1 is scored as the app runs it: each L1 open answer
starts from the verdict of the anomaly head at the pack's image threshold (its groundedL1 yes or
no text, {object} named as the app names it) and the decoder writes the rest; closed L1 questions are also scored by the option that says that
verdict (closedGroundedAccuracy). A pack with groundedLevels is scored as the app runs it too: on
an image the anomaly head calls OK, each L2–L5 open answer starts from the pack's clean-part text;
on one it calls NG, no open answer may say the clean-part phrases, and where its map marks regions
(8-connected areas at the pixel threshold, as the runtime traces them) a start may say how many.
A pack with a defect-type head (train_types.py) answers L2 on an image called NG with the types the
head lists, whole, as the app does; `defectTypes` reports per dataset how often those name a true
type. L2 counts an answer as naming a type by its label or by the name answers use ("mouse bite").
Everything comes from the pack's checkpoint.pt, the same weights its ONNX graphs hold.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from bpe_tokenizer import BpeTokenizer  # noqa: E402
from checkpoint import load_base  # noqa: E402
from data import global_view, load_rgb, normalise  # noqa: E402
from looks import grey_of, looks_answer, measured_regions  # noqa: E402
from evaluate import auroc, image_map, region_peak_of, threshold_of, top_fraction_of  # noqa: E402
from generate import answer_cap, generate  # noqa: E402
from defect_types import allowed_mask, level_statistics, names_a_true_type, predicted_types  # noqa: E402
from grounding import (PLACES_LISTED, display_name, is_grounded, level_entry, level_grounding,  # noqa: E402
                       product_known, regions_answer, typed_answer, unknown_product_answer)
from mauset import object_noun, read_mauset  # noqa: E402
from option_ranking import ranked_option  # noqa: E402
from region_types import crop_views, region_head, typed_regions  # noqa: E402
from regions import kept_pixels, listed_places, map_boxes, region_counts, region_stats  # noqa: E402
from text_metrics import first_option_letter, names_any, rouge_l, says_yes, words  # noqa: E402

BSDATA_NORMAL_SIZE = (1130, 460)


def pixel_auroc(scores, labels):
    """Mann–Whitney U from ranks (ties averaged), for millions of pixels."""
    pos = labels.sum()
    neg = labels.size - pos
    if not pos or not neg:
        return None
    order = np.argsort(scores, kind="mergesort")
    sorted_scores = scores[order]
    ranks = np.empty(scores.size, np.float64)
    # average rank over each run of equal scores
    edges = np.flatnonzero(np.diff(sorted_scores)) + 1
    starts = np.concatenate([[0], edges])
    ends = np.concatenate([edges, [scores.size]])
    mean_rank = (starts + ends + 1) / 2.0
    ranks[order] = np.repeat(mean_rank, ends - starts)
    return float((ranks[labels].sum() - pos * (pos + 1) / 2) / (pos * neg))


MAX_REGIONS = 100  # the runtime's cap (electron/core/mau-gpt/anomaly-prediction.ts)


def anomaly_rows(vision, samples, config, thresholds):
    rows = []
    for sample in samples:
        amap, score, truth = image_map(vision, sample, config, top_fraction_of(thresholds, sample.category))
        flat, truth_flat = amap.ravel(), truth.ravel() > 0.5
        rng = np.random.default_rng(len(rows))
        keep = truth_flat | (rng.random(flat.shape[0]) < 20000 / flat.shape[0])
        image_cut, pixel_cut = (threshold_of(thresholds, sample.category, k) for k in ("image", "pixel"))
        called_ng = score >= image_cut
        stats = region_stats(amap, truth > 0.5, map_boxes(sample, amap.shape), pixel_cut)
        # as the app lists regions (anomaly-prediction.ts): only on a part called NG, only where they
        # peak at the category's region peak
        peak = region_peak_of(thresholds, sample.category) if called_ng else None
        hits = region_counts(stats, peak)
        scale = (sample.width / amap.shape[1], sample.height / amap.shape[0])
        predicted = kept_pixels(stats, peak).ravel()
        union = float((predicted | truth_flat).sum())
        rows.append({"id": sample.id, "source": sample.id.split("/")[0], "size": (sample.width, sample.height),
                     "ng": sample.verdict == "NG", "score": score, "pix": flat[keep], "pixTruth": truth_flat[keep],
                     "predictedNg": called_ng, "regions": min(MAX_REGIONS, hits["traced"]),
                     "labelledRegions": len(sample.regions), "hits": hits,
                     "places": listed_places(stats, peak, *scale, MAX_REGIONS), "scale": scale,
                     "iou": float((predicted & truth_flat).sum()) / union if union else None})
    return rows


def summarise_anomaly(rows):
    scores = [r["score"] for r in rows]
    labels = [r["ng"] for r in rows]
    called = [r["predictedNg"] for r in rows]  # at the image's own (category's) threshold
    decided = [c == y for c, y in zip(called, labels)]
    tp = sum(1 for c, y in zip(called, labels) if c and y)
    fp = sum(1 for c, y in zip(called, labels) if c and not y)
    fn = sum(1 for c, y in zip(called, labels) if not c and y)
    ious = [r["iou"] for r in rows if r["ng"] and r["iou"] is not None]
    ng_rows = [r for r in rows if r["ng"]]
    return {"images": len(rows), "ng": sum(labels), "imageAuroc": auroc(scores, labels),
            "pixelAuroc": pixel_auroc(np.concatenate([r["pix"] for r in rows]),
                                      np.concatenate([r["pixTruth"] for r in rows])),
            "f1": 2 * tp / max(1, 2 * tp + fp + fn), "accuracy": sum(decided) / max(1, len(decided)),
            "maskIou": sum(ious) / len(ious) if ious else None,
            # the map's regions (8-connected, as the app lists them) against the labels' regions
            "regionsPerNg": sum(r["regions"] for r in ng_rows) / max(1, len(ng_rows)),
            "labelledRegionsPerNg": sum(r["labelledRegions"] for r in ng_rows) / max(1, len(ng_rows)),
            **region_rates([r["hits"] for r in ng_rows])}


def region_rates(hits):
    """Of the regions traced on defective images, the share that touch a labelled defect; of the
    labelled regions, the share some traced region reaches (None where there are none)."""
    traced, labelled = sum(h["traced"] for h in hits), sum(h["labelled"] for h in hits)
    return {"regionsOnDefect": sum(h["onDefect"] for h in hits) / traced if traced else None,
            "labelledFound": sum(h["found"] for h in hits) / labelled if labelled else None}


def agrees_with_verdict(level, answer, predicted_ng):
    """Whether an open answer is on the anomaly head's side: L1 says yes exactly when the verdict is
    NG; L2–L5 say "no defect" exactly when it is OK."""
    if level == 1:
        return says_yes(answer) == predicted_ng
    return names_any(answer, ["no defect"]) != predicted_ng


def qa_samples(samples, per_source):
    """The images whose questions are asked: the first `per_source` of each dataset."""
    taken, out = {}, []
    for sample in samples:
        source = sample.id.split("/")[0]
        if taken.get(source, 0) < per_source:
            taken[source] = taken.get(source, 0) + 1
            out.append(sample)
    return out


def qa_rows(model, tokenizer, samples, config, per_source, predicted_ng=None, options=None, region_counts=None,
            no_repeat=0, types_of=None, where_of=None, looks_of=None):
    """predicted_ng: {sample id: verdict predicted NG}, or None where no verdict is shown (the
    ablation); options: a grounded pack's options (needs predicted_ng), else None; region_counts:
    {sample id: regions the map marks}, which a grounded start may say; types_of: {sample id: the
    types the defect-type head listed}, which a grounded L2 start says; where_of / looks_of: {sample
    id: the L3 / L4 answer its listed regions make}, which a pack saying that level fromRegions says."""
    rows = []
    for sample in qa_samples(samples, per_source):
        source = sample.id.split("/")[0]
        x, _ = global_view(sample, config)
        main = max(sample.regions, key=lambda r: r.bbox[2] * r.bbox[3]) if sample.regions else None
        max_context = config["decoder"]["maxContext"]
        with torch.no_grad():
            image_embeds, _, _, z, _ = model.vision(x.unsqueeze(0))
        for qa in sample.qa:
            verdict = predicted_ng[sample.id] if predicted_ng else None
            start, avoid = (level_grounding(options, qa.level, verdict, object_noun(sample.category),
                                            (region_counts or {}).get(sample.id, 0), (types_of or {}).get(sample.id))
                            if options else (None, []))
            # the app asks open questions only: those are steered as it steers them
            steered = qa.form == "open"
            whole = (typed_answer(qa.level, verdict, (types_of or {}).get(sample.id), options,
                                  object_noun(sample.category), (region_counts or {}).get(sample.id, 0),
                                  (where_of or {}).get(sample.id), (looks_of or {}).get(sample.id))
                     if steered and options else None)
            if steered and options and not product_known(options, sample.category):
                # L1 without regions and the regions' own L3 / L4 stand; the rest is what the app says there
                whole = (whole if qa.level in (1, 3, 4) and whole else None) or unknown_product_answer(
                    qa.level, verdict, object_noun(sample.category), start)
            ids = () if whole else generate(model, tokenizer, x, qa.question_text(),
                                            answer_cap(config, qa.level), max_context,
                                            tokenizer.encode(start) if start and steered else (),
                                            [tokenizer.encode(p) for p in avoid] if steered else (), no_repeat)
            ranked = (ranked_option(model, tokenizer, (image_embeds, z), qa, max_context)
                      if qa.form == "closed" and qa.options else None)
            # a grounded closed L1 question takes the option that says the verdict (Yes / No)
            grounded = (next((k for k, v in qa.options.items() if says_yes(v) == says_yes(start)), None)
                        if start and qa.level == 1 and qa.form == "closed" and qa.options else None)
            rows.append({"source": source, "level": qa.level, "form": qa.form, "truth": qa.answer_text(),
                         "answer": whole or tokenizer.decode(ids), "key": qa.answer, "ranked": ranked, "grounded": grounded,
                         "ng": sample.verdict == "NG", "predictedNg": verdict,
                         "types": sorted({r.type for r in sample.regions}),
                         "position": main.position if main else None})
    return rows


def listed_types(model, samples, config):
    """{sample id: types the pack's defect-type head lists} for the images called NG, as the app
    lists them (defect-types.ts); {} for a pack without the head."""
    if not model.defect_types:
        return {}
    head, entry = model.defect_types
    out = {}
    with torch.no_grad():
        for sample in samples:
            if sample.category and sample.category not in entry["byCategory"]:
                out[sample.id] = []  # a product the head never learnt: the app names no type either
                continue
            x, _ = global_view(sample, config)
            logits = head(level_statistics(model.vision, x.unsqueeze(0)))
            allowed = allowed_mask([sample.category], entry["byCategory"], entry["labels"])
            out[sample.id] = predicted_types(logits, allowed, entry["labels"], entry["threshold"])[0]
    return out


def region_types_of(model, sample, places, types, config):
    """A type per listed place, as the app types an NG image's regions (region-typing.ts): one
    listed type names them all; with several, the region-type head (where the pack has one) gives
    each the listed type it rates highest on a crop around it; else they stay untyped (None)."""
    if len(types) == 1:
        return [types[0]] * len(places)
    entry = model.defect_types[1] if model.defect_types else {}
    if len(types) < 2 or not entry.get("regions") or not places:
        return [None] * len(places)
    regions, v = entry["regions"], config["vision"]
    rgb = load_rgb(sample)
    crops = [normalise(np.ascontiguousarray(crop_views(rgb, p["bbox"], v["imageSize"], regions["scale"],
                                                       regions["minSide"], False)[0]), v["mean"], v["std"])
             for p in places]
    with torch.no_grad():
        logits = region_head(regions)(level_statistics(model.vision, torch.stack(crops)))
    return typed_regions(logits, list(types), entry["labels"])


def regions_answers(model, samples, rows, types_of, config, options):
    """({sample id: the L3 answer of its listed regions}, {sample id: their L4 answer}) for the
    images called NG that list any, each where the pack says that level fromRegions."""
    where, looks = (level_entry(options, level).get("fromRegions") for level in (3, 4))
    by_id = {r["id"]: r for r in rows}
    where_of, looks_of = {}, {}
    for sample in samples:
        row = by_id[sample.id]
        places = row["places"]
        if not (row["predictedNg"] and places and (where or looks)):
            continue
        # L3 types only the regions it names and counts the rest; L4 may describe any of them
        typed = places if looks else places[:PLACES_LISTED]
        types = region_types_of(model, sample, typed, types_of.get(sample.id) or [], config)
        if where:
            where_of[sample.id] = regions_answer(places, types, sample.width, sample.height)
        if looks:
            grey = grey_of(load_rgb(sample))
            looks_of[sample.id] = looks_answer(measured_regions(places, types, grey, *row["scale"]))
    return where_of, looks_of


def type_accuracy(samples, predicted_ng, types_of):
    """Per source: of the defective images called NG, the share whose listed types name a true one."""
    hits = {}
    for sample in samples:
        if sample.verdict == "NG" and sample.regions and predicted_ng[sample.id]:
            hits.setdefault(sample.id.split("/")[0], []).append(names_a_true_type(types_of[sample.id], sample))
    return {source: {"images": len(h), "namesTrueType": sum(h) / len(h)} for source, h in sorted(hits.items())}


def summarise_qa(rows):
    out = {}
    for level in sorted({r["level"] for r in rows}):
        closed = [r for r in rows if r["level"] == level and r["form"] == "closed"]
        open_ = [r for r in rows if r["level"] == level and r["form"] == "open"]
        entry = {"closedAccuracy": sum(first_option_letter(r["answer"]) == r["key"] for r in closed) / max(1, len(closed)),
                 "closedRankedAccuracy": sum(r["ranked"] == r["key"] for r in closed) / max(1, len(closed)),
                 # word for word: the tokenizer lowercases and detokenises punctuation with spaces
                 "openExactMatch": sum(words(r["answer"]) == words(r["truth"]) for r in open_) / max(1, len(open_)),
                 "rougeL": sum(rouge_l(r["answer"], r["truth"]) for r in open_) / max(1, len(open_)),
                 "questions": len(closed) + len(open_)}
        judged = [r for r in open_ if r["predictedNg"] is not None]
        if judged:
            # what a reviewer sees beside the verdict: an answer on the other side is a contradiction
            entry["verdictAgreement"] = sum(agrees_with_verdict(level, r["answer"], r["predictedNg"])
                                            for r in judged) / len(judged)
        if level == 1:
            entry["openAccuracy"] = sum(says_yes(r["answer"]) == r["ng"] for r in open_) / max(1, len(open_))
            if any(r["grounded"] for r in closed):
                entry["closedGroundedAccuracy"] = sum(r["grounded"] == r["key"] for r in closed) / max(1, len(closed))
        if level == 2:
            # a type counts by its label or by the name answers use ("mousebite" is said "mouse bite")
            entry["openAccuracy"] = sum(names_any(r["answer"], [*r["types"], *map(display_name, r["types"])] or
                                                  ["no defect"]) for r in open_) / max(1, len(open_))
        if level == 3:
            ng = [r for r in open_ if r["position"]]
            entry["positionWordAccuracy"] = sum(names_any(r["answer"], [r["position"]]) for r in ng) / max(1, len(ng))
        out[str(level)] = entry
    return out


def by_source(rows, summarise, *args):
    sources = sorted({r["source"] for r in rows})
    return {"all": summarise(rows, *args), **{s: summarise([r for r in rows if r["source"] == s], *args) for s in sources}}


def main(argv=None):
    parser = argparse.ArgumentParser(description="Score a mau-gpt pack per dataset and task level.")
    parser.add_argument("--pack", required=True)
    parser.add_argument("--data", required=True, help="MAU-Set export folder")
    parser.add_argument("--split", default="test", choices=["train", "val", "test"])
    parser.add_argument("--qa-per-source", type=int, default=40, help="images per dataset whose 10 questions are asked")
    parser.add_argument("--out", required=True, help="JSON report to write")
    parser.add_argument("--no-repeat-ngram", type=int, default=None,
                        help="override generation_config.json's no_repeat_ngram_size (0: off)")
    args = parser.parse_args(argv)
    torch.set_num_threads(2)
    start = time.time()
    manifest, files, model, config = load_base(args.pack)
    tokenizer = BpeTokenizer.load(Path(args.pack) / files["tokenizer"]["path"])
    samples = read_mauset(args.data)[1][args.split]
    options = manifest["options"]
    thresholds = {**manifest["thresholds"], "categories": options.get("categoryThresholds") or {}}
    rows = anomaly_rows(model.vision, samples, config, thresholds)
    anomaly = by_source(rows, summarise_anomaly)
    same = [r for r in rows if r["source"] == "bsdata" and r["size"] == BSDATA_NORMAL_SIZE]
    if same:
        anomaly["bsdata-same-size"] = summarise_anomaly(same)
    predicted_ng = {r["id"]: r["predictedNg"] for r in rows}
    types_of = listed_types(model, [s for s in samples if predicted_ng[s.id]], config)
    generation = json.loads((Path(args.pack) / "generation_config.json").read_text())
    no_repeat = generation.get("no_repeat_ngram_size", 0) if args.no_repeat_ngram is None else args.no_repeat_ngram
    where_of, looks_of = regions_answers(model, qa_samples(samples, args.qa_per_source), rows, types_of, config,
                                         options)
    answered = qa_rows(model, tokenizer, samples, config, args.qa_per_source, predicted_ng,
                       options if is_grounded(options) else None, {r["id"]: r["regions"] for r in rows}, no_repeat,
                       types_of, where_of, looks_of)
    types = type_accuracy(samples, predicted_ng, types_of) if model.defect_types else None
    qa = by_source(answered, summarise_qa)
    report = {"pack": {"name": manifest["name"], "version": manifest["version"]}, "data": str(args.data),
              "groundedL1": bool(options.get("groundedL1")), "groundedLevels": bool(options.get("groundedLevels")),
              "l3FromRegions": bool(level_entry(options, 3).get("fromRegions")),
              "l4FromRegions": bool(level_entry(options, 4).get("fromRegions")),
              "split": args.split, "thresholds": thresholds, "noRepeatNgram": no_repeat, "anomaly": anomaly, "qa": qa, "defectTypes": types,
              "examples": [{k: r[k] for k in ("source", "level", "form", "truth", "answer")} for r in answered[::7][:60]],
              "seconds": round(time.time() - start, 1)}
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps({k: report[k] for k in ("pack", "seconds")}), flush=True)


if __name__ == "__main__":
    main()
