"""The fine-tune's one training stage: the AMoE-LoRA adapter on the project's QA, base frozen.

Streams one JSON line per step on stdout ({"stage":"adapter","step":i,"steps":n,"loss":x}) for
the app, and saves a step checkpoint (adapter weights, optimizer, schedule, sampler state) every
few steps so a run killed half-way can continue with --resume instead of starting over.
"""

import json
import os
import random

import torch

from stages import cosine, lm_loss, set_trainable, visual_cache

RESUME_FILE = "resume.pt"


def emit(**fields):
    print(json.dumps(fields), flush=True)


def adapter_state(model):
    names = {id(p) for p in model.decoder.adapter_parameters()}
    return {k: v for k, v in model.decoder.state_dict(keep_vars=True).items() if id(v) in names}


def save_resume(folder, step, model, optimizer, schedule, rng):
    state = {"step": step, "adapter": {k: v.detach().clone() for k, v in adapter_state(model).items()},
             "optimizer": optimizer.state_dict(), "schedule": schedule.state_dict(), "rng": rng.getstate(),
             "torch_rng": torch.get_rng_state()}
    partial = folder / (RESUME_FILE + ".tmp")
    torch.save(state, partial)
    os.replace(partial, folder / RESUME_FILE)  # a kill mid-save leaves the previous step intact


def load_resume(folder, model, optimizer, schedule, rng):
    path = folder / RESUME_FILE
    if not path.is_file():
        return 0
    state = torch.load(path, map_location="cpu")
    model.decoder.load_state_dict(state["adapter"], strict=False)
    optimizer.load_state_dict(state["optimizer"])
    schedule.load_state_dict(state["schedule"])
    rng.setstate(state["rng"])
    torch.set_rng_state(state["torch_rng"])
    return state["step"]


def train_adapter_resumable(model, samples, tokenizer, config, steps, work, seed, log):
    """Trains the adapter for `steps` steps in total, continuing from work/resume.pt if present."""
    s2 = config["stage2"]
    params = model.decoder.adapter_parameters()
    if not params:
        raise ValueError("the base pack's adapter kind is 'none': there is no AMoE-LoRA stage to fine-tune")
    pool = [(s, qa) for s in samples for qa in s.qa]
    if not pool:
        raise ValueError("the training split has no question/answer pairs to learn from")
    cache = visual_cache(model.vision, samples, config)
    set_trainable(model, params)
    optimizer = torch.optim.AdamW(params, lr=s2["lr"], weight_decay=s2["weightDecay"])
    schedule = cosine(optimizer, steps)
    rng = random.Random(seed)
    first = load_resume(work, model, optimizer, schedule, rng)
    if first:
        log(f"resuming the adapter stage at step {first + 1}/{steps}")
    every = max(1, steps // 10)
    model.train()
    for step in range(first, steps):
        picked = [rng.choice(pool) for _ in range(s2["batch"])]
        items = [(s, qa.question_text(), qa.answer_text(), False) for s, qa in picked]
        loss = lm_loss(model, cache, items, tokenizer, config)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        schedule.step()
        emit(stage="adapter", step=step + 1, steps=steps, loss=round(loss.item(), 5))
        if (step + 1) % every == 0 and step + 1 < steps:
            save_resume(work, step + 1, model, optimizer, schedule, rng)
    model.eval()
    for p in model.parameters():
        p.requires_grad_(False)
    return {"steps": steps, "resumedAt": first}
