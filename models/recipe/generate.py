"""Greedy generation with the KV cache, the way the runtime does it, and the QA metrics built on it."""

import torch

from data import global_view
from sequences import prompt_ids


@torch.no_grad()
def repeated_ngram_tokens(out, size):
    """Tokens that would repeat an n-gram of `size` already in the answer (Hugging Face's
    no_repeat_ngram_size, counted within the answer): what followed each earlier occurrence of
    the answer's last size − 1 tokens."""
    if size <= 0 or len(out) < size - 1:
        return set()
    tail = out[len(out) - size + 1:] if size > 1 else []
    return {out[i + size - 1] for i in range(len(out) - size + 1) if out[i:i + size - 1] == tail}


def generate(model, tokenizer, pixel_values, question, max_new_tokens, max_context, forced=(), avoid=(),
             no_repeat=0):
    """`forced`: the answer's first token ids, fed instead of chosen (the runtime's answerStart);
    `avoid`: token sequences the answer may not contain (the runtime's avoid, groundedLevels);
    `no_repeat`: generation_config.json's no_repeat_ngram_size (0: off)."""
    image_embeds, _, _, z, _ = model.vision(pixel_values.unsqueeze(0))
    prompt = torch.tensor([prompt_ids(tokenizer, question)])
    if image_embeds.shape[1] + prompt.shape[1] >= max_context:
        return []  # the question alone fills the context: no room for an answer (a miss)
    embeds = torch.cat([image_embeds, model.embed_tokens(prompt)], dim=1)
    eos = tokenizer.token_id("<|eos|>")
    past = model.decoder.empty_past(1)
    length, out = 0, []
    while True:
        t = embeds.shape[1]
        mask = torch.ones(1, length + t, dtype=torch.long)
        positions = torch.arange(length, length + t).unsqueeze(0)
        logits, past = model.decoder(embeds, mask, positions, z, past)
        length += t
        if len(out) < len(forced):
            token = forced[len(out)]
        else:
            row = logits[0, -1].clone()
            for sequence in avoid:
                # a sequence's last token is ruled out where the answer ends with the rest of it
                if sequence and len(out) >= len(sequence) - 1 and out[len(out) - len(sequence) + 1:] == list(sequence[:-1]):
                    row[sequence[-1]] = float("-inf")
            for repeated in repeated_ngram_tokens(out, no_repeat):
                row[repeated] = float("-inf")
            token = int(row.argmax())
        if token == eos or len(out) >= max_new_tokens or length >= max_context:
            break
        out.append(token)
        embeds = model.embed_tokens(torch.tensor([[token]]))
    return out


def answer_cap(config, level):
    """The most tokens an answer at `level` may have: the level's own cap, else maxNewTokens."""
    generation = config["generation"]
    return generation.get("maxNewTokensByLevel", {}).get(str(level), generation["maxNewTokens"])


def qa_metrics(model, tokenizer, samples, config, limit_per_level=40):
    """Exact-match rate per level (answers compared after tokenizer normalisation)."""
    per_level = {}
    for sample in samples:
        x, _ = global_view(sample, config)
        for qa in sample.qa:
            hits = per_level.setdefault(qa.level, [0, 0])
            if hits[1] >= limit_per_level:
                continue
            ids = generate(model, tokenizer, x, qa.question_text(), answer_cap(config, qa.level),
                           config["decoder"]["maxContext"])
            hits[0] += int(ids == tokenizer.encode(qa.answer_text()))
            hits[1] += 1
    return {str(level): {"exactMatch": hit / n, "questions": n} for level, (hit, n) in sorted(per_level.items())}
