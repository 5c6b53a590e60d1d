"""The text decoder: a small pre-norm causal transformer with learned positions and a KV cache.

Every attention and MLP projection is an AMoELoRALinear, so one module serves stage 1 (adapter
idle, B = 0), stage 2 (base frozen, adapter trained) and the export (one merged graph taking
`past_key_values.*` of any length, 0 included).
"""

import torch
from torch import nn
from torch.nn import functional as F

from amoe_lora import AMoELoRALinear, AnomalyHyperNet

NEG = -1e9


class Block(nn.Module):
    def __init__(self, hidden, heads, mlp, adapt):
        super().__init__()
        self.heads, self.head_dim = heads, hidden // heads
        self.norm1, self.norm2 = nn.LayerNorm(hidden), nn.LayerNorm(hidden)
        self.q, self.k, self.v, self.o = (adapt(nn.Linear(hidden, hidden)) for _ in range(4))
        self.up, self.down = adapt(nn.Linear(hidden, mlp)), adapt(nn.Linear(mlp, hidden))

    def split(self, x):
        b, t, _ = x.shape
        return x.view(b, t, self.heads, self.head_dim).transpose(1, 2)

    def forward(self, x, bias, hyper, past_k, past_v):
        h = self.norm1(x)
        q, k, v = (self.split(proj(h, hyper)) for proj in (self.q, self.k, self.v))
        k, v = torch.cat([past_k, k], dim=2), torch.cat([past_v, v], dim=2)
        att = torch.matmul(q, k.transpose(-1, -2)) * (self.head_dim ** -0.5) + bias
        out = torch.matmul(torch.softmax(att, dim=-1), v)
        b, _, t, _ = out.shape
        x = x + self.o(out.transpose(1, 2).reshape(b, t, -1), hyper)
        x = x + self.down(F.gelu(self.up(self.norm2(x), hyper)), hyper)
        return x, k, v


class Decoder(nn.Module):
    def __init__(self, config):
        super().__init__()
        d, a = config["decoder"], config["adapter"]
        hidden = d["hidden"]
        self.num_layers, self.heads, self.head_dim = d["layers"], d["heads"], hidden // d["heads"]
        self.kind = a["kind"]

        def adapt(linear):
            return AMoELoRALinear(linear, a["kind"], a["experts"], a["rank"], a["anomalyRank"],
                                  a["hyperHidden"], a["alpha"])

        self.positions = nn.Embedding(d["maxContext"], hidden)
        self.hyper = AnomalyHyperNet(config["vision"]["anomalyFeatureSize"], a["hyperHidden"])
        self.blocks = nn.ModuleList(Block(hidden, d["heads"], d["mlp"], adapt) for _ in range(d["layers"]))
        self.norm = nn.LayerNorm(hidden)
        self.lm_head = nn.Linear(hidden, d["vocabSize"], bias=False)

    def forward(self, inputs_embeds, attention_mask, position_ids, anomaly_feature, past):
        """past: list of (key, value) [B, H, P, Dh]; returns logits and the new cache."""
        t = inputs_embeds.shape[1]
        total = attention_mask.shape[1]
        # query i sits at absolute index total - t + i; it may see keys up to there that the mask allows
        query_index = torch.arange(t, device=inputs_embeds.device) + (total - t)
        key_index = torch.arange(total, device=inputs_embeds.device)
        causal = key_index.unsqueeze(0) <= query_index.unsqueeze(1)
        allowed = causal.unsqueeze(0).unsqueeze(0) & (attention_mask[:, None, None, :] > 0)
        bias = (~allowed).to(inputs_embeds.dtype) * NEG
        x = inputs_embeds + self.positions(position_ids)
        hyper = self.hyper(anomaly_feature)
        presents = []
        for block, (past_k, past_v) in zip(self.blocks, past):
            x, k, v = block(x, bias, hyper, past_k, past_v)
            presents.append((k, v))
        logits = self.lm_head(self.norm(x))
        if self.kind != "amoe-lora":
            # keep `anomaly_feature` a live graph input for every adapter kind (the pack contract
            # lists it); adding 0·z changes nothing numerically
            logits = logits + 0.0 * anomaly_feature.sum(dim=1)[:, None, None]
        return logits, presents

    def set_adapter_active(self, active):
        for module in self.modules():
            if isinstance(module, AMoELoRALinear):
                module.active = active

    def empty_past(self, batch):
        shape = (batch, self.heads, 0, self.head_dim)
        return [(torch.zeros(shape), torch.zeros(shape)) for _ in range(self.num_layers)]

    def adapter_parameters(self):
        params = list(self.hyper.parameters()) if self.kind == "amoe-lora" else []
        for module in self.modules():
            if isinstance(module, AMoELoRALinear):
                params += module.adapter_parameters()
        return params

    def base_parameters(self):
        adapter = {id(p) for p in self.adapter_parameters()} | {id(p) for p in self.hyper.parameters()}
        return [p for p in self.parameters() if id(p) not in adapter]


class MauGpt(nn.Module):
    """Vision encoder + token embeddings + decoder, as trained; exported as three graphs."""

    def __init__(self, config, vision):
        super().__init__()
        self.vision = vision
        self.embed_tokens = nn.Embedding(config["decoder"]["vocabSize"], config["decoder"]["hidden"])
        self.decoder = Decoder(config)
