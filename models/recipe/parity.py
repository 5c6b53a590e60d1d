"""Parity references: fixed inputs and the PyTorch outputs of every graph, as raw little-endian
float32/int64 files plus an index (reference/index.json), for tests/unit/recipe/parity.test.ts.

Covers the vision encoder on a real image, the embeddings of a real prompt, the decoder's first
step (past length 0) and one cached step (past length > 0), and a greedy answer so the TypeScript
side can check the whole loop, tokenizer included.
"""

import json

import numpy as np
import torch

from export_onnx import DecoderGraph, cache_names
from generate import generate
from pack import QUESTIONS
from sequences import prompt_ids


class Writer:
    def __init__(self, folder):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.entries = {}

    def add(self, key, tensor):
        arr = tensor.detach().numpy()
        dtype = "int64" if arr.dtype == np.int64 else "float32"
        arr = arr.astype("<i8" if dtype == "int64" else "<f4")
        file = f"{key}.bin"
        (self.folder / file).write_bytes(arr.tobytes())
        self.entries[key] = {"file": file, "dims": list(arr.shape), "dtype": dtype}
        return key


@torch.no_grad()
def write_references(model, tokenizer, pixel_values, image_name, config, folder):
    w = Writer(folder)
    layers = config["decoder"]["layers"]
    x = pixel_values.unsqueeze(0)
    tokens, amap, score, z, _ = model.vision(x)
    vision = {"inputs": {"pixel_values": w.add("vision.pixel_values", x)},
              "outputs": {"image_embeds": w.add("vision.image_embeds", tokens),
                          "anomaly_map": w.add("vision.anomaly_map", amap),
                          "anomaly_score": w.add("vision.anomaly_score", score),
                          "anomaly_feature": w.add("vision.anomaly_feature", z)}}
    question = QUESTIONS["1"]
    ids = torch.tensor([prompt_ids(tokenizer, question)])
    embeds = model.embed_tokens(ids)
    embed = {"inputs": {"input_ids": w.add("embed.input_ids", ids)},
             "outputs": {"inputs_embeds": w.add("embed.inputs_embeds", embeds)}}
    graph = DecoderGraph(model.decoder)
    steps, past = [], model.decoder.empty_past(1)
    first = torch.cat([tokens, embeds], dim=1)
    next_embed = model.embed_tokens(torch.tensor([[tokenizer.token_id("<|eos|>")]]))
    length = 0
    for n, step_embeds in enumerate([first, next_embed]):
        t = step_embeds.shape[1]
        feed = {"inputs_embeds": step_embeds, "attention_mask": torch.ones(1, length + t, dtype=torch.long),
                "position_ids": torch.arange(length, length + t).unsqueeze(0), "anomaly_feature": z}
        flat_past = [t_ for kv in past for t_ in kv]
        feed.update(dict(zip(cache_names(layers, "past_key_values"), flat_past)))
        outs = graph(*feed.values())
        names = ["logits", *cache_names(layers, "present")]
        steps.append({"pastLength": length,
                      "inputs": {k: w.add(f"decoder{n}.{k}", v) for k, v in feed.items()},
                      "outputs": {k: w.add(f"decoder{n}.{k}", v) for k, v in zip(names, outs)}})
        past = [(outs[1 + 2 * i], outs[2 + 2 * i]) for i in range(layers)]
        length += t
    answer = generate(model, tokenizer, pixel_values, question, config["generation"]["maxNewTokens"],
                      config["decoder"]["maxContext"])
    index = {"image": image_name, "vision": vision, "embed": embed, "decoder": steps,
             "generation": {"question": question, "promptIds": ids[0].tolist(), "answerIds": answer,
                            "answerText": tokenizer.decode(answer)},
             "tensors": w.entries}
    (folder / "index.json").write_text(json.dumps(index, indent=1) + "\n")
    return index
