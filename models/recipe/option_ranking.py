"""Closed questions answered by ranking their options, as multiple-choice benchmarks score LMs.

Greedy decoding makes a small decoder commit to its first token, the option letter, before it
has said what the option means; it mostly says "a.". Ranking instead compares, for each option,
how likely the model finds the whole answer ("B. Scratches" and <|eos|>), so what the model
knows about the image (its open answers name the right type far more often) decides. The score
is the mean log-probability per answer token, so a long option name is not penalised for its
length alone.
"""

import torch

from sequences import prompt_ids


@torch.no_grad()
def answer_log_likelihood(model, tokenizer, vision_out, question, answer, max_context):
    """Mean log-probability per token of `answer <|eos|>` after the prompt, or None if it does not fit."""
    image_embeds, z = vision_out
    prompt = prompt_ids(tokenizer, question)
    target = tokenizer.encode(answer) + [tokenizer.token_id("<|eos|>")]
    ids = torch.tensor([prompt + target])
    length = image_embeds.shape[1] + ids.shape[1]
    if length > max_context:
        return None
    embeds = torch.cat([image_embeds, model.embed_tokens(ids)], dim=1)
    mask = torch.ones(1, length, dtype=torch.long)
    positions = torch.arange(length).unsqueeze(0)
    logits, _ = model.decoder(embeds, mask, positions, z, model.decoder.empty_past(1))
    # the token at position p is predicted by the logits at p − 1
    first = image_embeds.shape[1] + len(prompt)
    log_probs = torch.log_softmax(logits[0, first - 1:length - 1], dim=-1)
    picked = log_probs.gather(1, torch.tensor(target).unsqueeze(1))
    return float(picked.mean())


def ranked_option(model, tokenizer, vision_out, qa, max_context):
    """The letter whose full answer the model finds most likely."""
    best, best_score = None, None
    question = qa.question_text()
    for letter in sorted(qa.options):
        score = answer_log_likelihood(model, tokenizer, vision_out, question, qa.option_text(letter), max_context)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = letter, score
    return best
