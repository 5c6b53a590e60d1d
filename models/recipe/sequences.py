"""Chat sequences: `[visual tokens] ++ prompt ++ answer <|eos|>`, exactly the layout the runtime
feeds (docs/MAU-GPT-PACK.md, "Prompt"), padded into batches with loss masks."""

import torch

PROMPT_TEMPLATE = "<|user|> {question} <|assistant|>"
DESCRIBE_QUESTION = "Describe the image."
IGNORE = -100


def prompt_ids(tokenizer, question):
    return tokenizer.encode(PROMPT_TEMPLATE.replace("{question}", question))


def encode_pair(tokenizer, question, answer, max_text, loss_on_prompt):
    prompt = prompt_ids(tokenizer, question)
    target = tokenizer.encode(answer) + [tokenizer.token_id("<|eos|>")]
    ids = (prompt + target)[:max_text]
    # labels[i] is the token position i should predict: the prompt's last token predicts answer[0]
    if not loss_on_prompt:
        labels = [IGNORE] * (len(prompt) - 1) + target + [IGNORE]
    else:
        labels = prompt[1:] + target + [IGNORE]
    return ids, labels[:len(ids)]


def collate(pairs, num_visual, pad_id):
    """pairs: list of (ids, labels). Returns ids, labels, attention mask [B, Nv+T], positions."""
    longest = max(len(ids) for ids, _ in pairs)
    batch = len(pairs)
    ids = torch.full((batch, longest), pad_id, dtype=torch.long)
    labels = torch.full((batch, num_visual + longest), IGNORE, dtype=torch.long)
    mask = torch.zeros((batch, num_visual + longest), dtype=torch.long)
    for i, (seq, lab) in enumerate(pairs):
        ids[i, :len(seq)] = torch.tensor(seq)
        labels[i, num_visual:num_visual + len(lab)] = torch.tensor(lab)
        mask[i, :num_visual + len(seq)] = 1
    positions = torch.arange(num_visual + longest).unsqueeze(0).expand(batch, -1)
    return ids, labels, mask, positions


def text_budget(config, num_visual):
    return config["decoder"]["maxContext"] - num_visual
