"""AMoE-LoRA: a frozen linear layer plus routed LoRA experts and an anomaly-generated adapter.

    y = W0·x + s·Σ_i w_i(x)·B_i A_i x + s0·B0(z) A0(z) x,   w = softmax(router(x))

The experts are generalists shared by all samples; A0, B0 are produced per sample by a small
hypernetwork from the anomaly feature z, so what the image's anomaly looks like changes the
decoder's weights. `lora` keeps one always-on expert (plain LoRA); `none` is the bare W0.
"""

import math

import torch
from torch import nn


class AnomalyHyperNet(nn.Module):
    """z -> (A0 [B, r0, in], B0 [B, out, r0]); one trunk shared by every adapted layer."""

    def __init__(self, z_size, hidden):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(z_size, hidden), nn.SiLU())
        self.hidden = hidden

    def forward(self, z):
        return self.trunk(z)


class AMoELoRALinear(nn.Module):
    def __init__(self, base: nn.Linear, kind, experts, rank, anomaly_rank, hyper_hidden, alpha):
        super().__init__()
        self.base = base
        self.kind = kind
        fin, fout = base.in_features, base.out_features
        self.fin, self.fout = fin, fout
        # stage 1 switches the adapter off: with B = 0 it adds exactly nothing, only cost
        self.active = True
        if kind == "none":
            return
        n = experts if kind == "amoe-lora" else 1
        self.scale = alpha / rank
        self.lora_a = nn.Parameter(torch.randn(n, rank, fin) / math.sqrt(fin))
        # B starts at zero: before stage 2 the adapted model is exactly the base model
        self.lora_b = nn.Parameter(torch.zeros(n, fout, rank))
        if kind == "amoe-lora":
            self.router = nn.Linear(fin, n)
            self.anomaly_rank = anomaly_rank
            self.anomaly_scale = alpha / anomaly_rank
            self.gen_a = nn.Linear(hyper_hidden, anomaly_rank * fin)
            self.gen_b = nn.Linear(hyper_hidden, fout * anomaly_rank)
            nn.init.zeros_(self.gen_b.weight)
            nn.init.zeros_(self.gen_b.bias)
            nn.init.normal_(self.gen_a.weight, std=1.0 / math.sqrt(fin * hyper_hidden))

    def forward(self, x, hyper):
        """x [B, T, in]; hyper [B, hyper_hidden] from AnomalyHyperNet (ignored unless amoe-lora)."""
        y = self.base(x)
        if self.kind == "none" or not self.active:
            return y
        h = torch.einsum("bti,nri->btnr", x, self.lora_a)
        if self.kind == "amoe-lora":
            w = torch.softmax(self.router(x), dim=-1)
            h = h * w.unsqueeze(-1)
        y = y + self.scale * torch.einsum("btnr,nor->bto", h, self.lora_b)
        if self.kind == "amoe-lora":
            a0 = self.gen_a(hyper).view(-1, self.anomaly_rank, self.fin)
            b0 = self.gen_b(hyper).view(-1, self.fout, self.anomaly_rank)
            h0 = torch.einsum("bti,bri->btr", x, a0)
            y = y + self.anomaly_scale * torch.einsum("btr,bor->bto", h0, b0)
        return y

    def adapter_parameters(self):
        return [p for name, p in self.named_parameters() if not name.startswith("base.")]
