"""The two training stages.

Stage 1 (base): the vision encoder and anomaly head learn defect maps (BCE with a positive weight
plus Dice) on crops; then, with the vision features frozen, the decoder learns as a language
model on generic descriptions of the images. Stage 2: everything of stage 1 frozen (W0 included),
only the adapter (router, experts, hypernetwork) learns the five levels' question/answer pairs.
"""

import bisect
import itertools
import math
import time

import torch
from torch.nn import functional as F

from data import crop_batch, global_view
from qa_templates import generic_description
from sequences import DESCRIBE_QUESTION, IGNORE, collate, encode_pair, text_budget


def cosine(optimizer, steps, warmup=0.05):
    warm = max(1, int(steps * warmup))

    def factor(step):
        if step < warm:
            return (step + 1) / warm
        return 0.5 * (1 + math.cos(math.pi * (step - warm) / max(1, steps - warm)))

    return torch.optim.lr_scheduler.LambdaLR(optimizer, factor)


def dice_loss(logits, target):
    prob = torch.sigmoid(logits)
    inter = (prob * target).sum((1, 2, 3))
    return (1 - (2 * inter + 1) / (prob.sum((1, 2, 3)) + target.sum((1, 2, 3)) + 1)).mean()


def train_vision(vision, samples, config, rng, log):
    s1 = config["stage1"]
    # with stage1.category only that category's own trunk learns, from its own images
    category = s1.get("category")
    if category:
        samples = [s for s in samples if s.category == category]
        if not samples:
            raise ValueError(f"stage1.category {category!r}: no training image of that category")
    elif vision.category_trunks:
        # the shared trunk maps only the tiles of categories without a trunk of their own
        samples = [s for s in samples if s.category not in vision.category_trunks]
        if not samples:
            raise ValueError("stage1: every training image's category has a map trunk of its own "
                             f"({', '.join(vision.category_trunks)}); name one with stage1.category")
    # with a map trunk only the trunk learns: tokens and z, which the decoder reads, stay put
    net = vision.map_network(category)
    optimizer = torch.optim.AdamW(net.parameters(), lr=s1["lr"], weight_decay=s1["weightDecay"])
    schedule = cosine(optimizer, s1["steps"])
    pos_weight = torch.tensor([s1["posWeight"]])
    net.train()
    start = time.time()
    for step in range(s1["steps"]):
        x, m = crop_batch(samples, config, rng, s1["batch"])
        logits, _ = net.segment(x)
        loss = F.binary_cross_entropy_with_logits(logits, m, pos_weight=pos_weight) + dice_loss(logits, m)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        schedule.step()
        if step % max(1, s1["steps"] // 10) == 0 or step == s1["steps"] - 1:
            log(f"stage1 vision step {step + 1}/{s1['steps']} loss {loss.item():.4f}")
    net.eval()
    return {"steps": s1["steps"], "seconds": time.time() - start}


@torch.no_grad()
def visual_cache(vision, samples, config):
    """Per sample: the frozen deepest grid (token_proj is applied later, trainable) and z."""
    cache = {}
    for sample in samples:
        x, _ = global_view(sample, config)
        _, deepest = vision.segment(x.unsqueeze(0))
        z = vision(x.unsqueeze(0))[3]
        cache[sample.id] = (deepest.flatten(2).transpose(1, 2)[0], z[0])
    return cache


def lm_loss(model, cache, items, tokenizer, config):
    """items: list of (sample, question, answer, loss_on_prompt)."""
    feats = torch.stack([cache[s.id][0] for s, *_ in items])
    z = torch.stack([cache[s.id][1] for s, *_ in items])
    visual = model.vision.token_proj(feats)
    nv = visual.shape[1]
    budget = text_budget(config, nv)
    pairs = [encode_pair(tokenizer, q, a, budget, lp) for _, q, a, lp in items]
    ids, labels, mask, positions = collate(pairs, nv, tokenizer.token_id("<|pad|>"))
    embeds = torch.cat([visual, model.embed_tokens(ids)], dim=1)
    logits, _ = model.decoder(embeds, mask, positions, z, model.decoder.empty_past(len(items)))
    return F.cross_entropy(logits.flatten(0, 1), labels.flatten(), ignore_index=IGNORE)


def run_text_stage(name, model, params, make_items, steps, batch, lr, wd, rng, log):
    optimizer = torch.optim.AdamW(params, lr=lr, weight_decay=wd)
    schedule = cosine(optimizer, steps)
    start = time.time()
    for step in range(steps):
        loss = make_items(rng, batch)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        schedule.step()
        if step % max(1, steps // 10) == 0 or step == steps - 1:
            log(f"{name} step {step + 1}/{steps} loss {loss.item():.4f}")
    return {"steps": steps, "seconds": time.time() - start}


def set_trainable(model, params):
    for p in model.parameters():
        p.requires_grad_(False)
    for p in params:
        p.requires_grad_(True)


def train_language(model, samples, tokenizer, config, rng, log):
    s1 = config["stage1"]
    if s1["lmSteps"] == 0 and config["stage2"]["steps"] == 0:
        # a vision-only sitting: the cache (minutes on the full corpus) would feed nothing
        return {"steps": 0, "seconds": 0.0}, None
    cache = visual_cache(model.vision, samples, config)
    params = list(model.embed_tokens.parameters()) + model.decoder.base_parameters() + list(
        model.vision.token_proj.parameters())
    set_trainable(model, params)
    model.decoder.set_adapter_active(False)
    model.train()

    def loss_of(r, batch):
        picked = [r.choice(samples) for _ in range(batch)]
        items = [(s, DESCRIBE_QUESTION, generic_description(s.category, [region_dict(x) for x in s.regions]), True)
                 for s in picked]
        return lm_loss(model, cache, items, tokenizer, config)

    stats = run_text_stage("stage1 lm", model, params, loss_of, s1["lmSteps"], s1["batch"], s1["lmLr"],
                           s1["weightDecay"], rng, log)
    model.decoder.set_adapter_active(True)
    model.eval()
    return stats, cache


def train_adapter(model, samples, tokenizer, config, rng, log, cache):
    s2 = config["stage2"]
    params = model.decoder.adapter_parameters()
    if not params:
        log("stage2 skipped: adapter kind 'none' has nothing to train")
        return {"steps": 0, "seconds": 0.0}
    set_trainable(model, params)
    model.train()
    pool = [(s, qa) for s in samples for qa in s.qa]
    draw = level_draw(pool, s2.get("levelWeights"))

    def loss_of(r, batch):
        picked = [draw(r) for _ in range(batch)]
        items = [(s, qa.question_text(), qa.answer_text(), False) for s, qa in picked]
        return lm_loss(model, cache, items, tokenizer, config)

    stats = run_text_stage("stage2 adapter", model, params, loss_of, s2["steps"], s2["batch"], s2["lr"],
                           s2["weightDecay"], rng, log)
    model.eval()
    return stats


def level_draw(pool, weights):
    """A function drawing one (sample, qa) from the pool: alike without weights (the draws of every
    pack before levelWeights), else a level by its weight and then one of that level's questions.
    The app answers L1 and L2 from the verdict and the type head; weights can spend the adapter's
    steps on the levels the decoder itself writes."""
    if not weights:
        return lambda r: r.choice(pool)
    by_level = {int(level): [item for item in pool if item[1].level == int(level)]
                for level, weight in weights.items() if weight > 0}
    empty = [level for level, items in by_level.items() if not items]
    if empty:
        raise ValueError(f"stage2.levelWeights: the training split has no question of level {empty[0]}")
    levels = sorted(by_level)
    cumulative = list(itertools.accumulate(weights[str(level)] for level in levels))

    def draw(r):
        level = levels[bisect.bisect_right(cumulative, r.random() * cumulative[-1])]
        return r.choice(by_level[level])
    return draw


def region_dict(region):
    return {"type": region.type, "bbox": list(region.bbox), "position": region.position}
