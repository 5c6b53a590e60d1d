"""The vision encoder: a small U-Net trained from scratch, with MAU-GPT's anomaly head.

Outputs (names as in docs/MAU-GPT-PACK.md): the bottleneck grid projected to decoder-width visual
tokens, a per-pixel anomaly map, the image score (top-k mean of the map) and the anomaly feature
z (deepest features pooled with the map as weights), which drives the anomaly-aware adapter.
"""

import torch
from torch import nn
from torch.nn import functional as F


def conv_block(cin, cout):
    # GroupNorm, not BatchNorm: batches are tiny and the export must not depend on batch stats
    groups = 4 if cout % 4 == 0 else 1
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, padding=1), nn.GroupNorm(groups, cout), nn.SiLU(),
        nn.Conv2d(cout, cout, 3, padding=1), nn.GroupNorm(groups, cout), nn.SiLU(),
    )


class UNet(nn.Module):
    """Stem, encoder, decoder and the 1×1 map head: map logits plus the deepest feature grid."""

    def __init__(self, channels):
        super().__init__()
        # a stride-2 stem: the U-Net runs at S/2 (4x cheaper on CPU), the map is upsampled to S
        self.stem = nn.Sequential(nn.Conv2d(3, channels[0], 3, stride=2, padding=1),
                                  nn.GroupNorm(4 if channels[0] % 4 == 0 else 1, channels[0]), nn.SiLU())
        self.down = nn.ModuleList()
        cin = channels[0]
        for cout in channels:
            self.down.append(conv_block(cin, cout))
            cin = cout
        self.up = nn.ModuleList()
        for deep, skip in zip(channels[::-1][:-1], channels[::-1][1:]):
            self.up.append(conv_block(deep + skip, skip))
        self.map_head = nn.Conv2d(channels[0], 1, 1)

    def segment(self, pixel_values):
        """Returns (map logits at input size, deepest feature grid at S / 2^len(channels))."""
        skips, x = [], self.stem(pixel_values)
        for i, block in enumerate(self.down):
            x = block(x if i == 0 else F.max_pool2d(x, 2))
            skips.append(x)
        deepest = x
        for block, skip in zip(self.up, skips[::-1][1:]):
            x = F.interpolate(x, scale_factor=2.0, mode="nearest")
            x = block(torch.cat([x, skip], dim=1))
        logits = F.interpolate(self.map_head(x), scale_factor=2.0, mode="bilinear", align_corners=False)
        return logits, deepest


def unet_copy(source, channels):
    """A new U-Net with the weights of `source`'s own U-Net parts (stem, encoder, decoder, head)."""
    copy = UNet(channels)
    copy.load_state_dict({k: v for k, v in source.state_dict().items() if k.split(".")[0] in
                          ("stem", "down", "up", "map_head")})
    return copy


class VisionEncoder(UNet):
    """The U-Net whose deepest grid becomes the visual tokens and z, with an optional map trunk.

    With a map trunk (config vision.mapTrunk) the published anomaly map and score come from a
    second U-Net of the same shape, trained on its own, while tokens and z stay what the decoder
    and adapter were trained on: the map can keep learning without moving the language path.
    """

    def __init__(self, channels, hidden, feature_size, topk_fraction, image_size, map_trunk=False,
                 category_trunks=()):
        super().__init__(channels)
        self.channels = list(channels)
        deepest = channels[-1]
        self.token_proj = nn.Sequential(nn.LayerNorm(deepest), nn.Linear(deepest, hidden))
        self.feature_proj = nn.Sequential(nn.Linear(2 * deepest, feature_size), nn.Tanh())
        self.reduction = 2 ** len(channels)
        self.topk = max(1, int(round(topk_fraction * image_size * image_size)))
        self.map_trunk = UNet(channels) if map_trunk else None
        # a category of part may have a map trunk of its own for its tiles (config vision.categoryTrunks)
        self.category_trunks = nn.ModuleDict({c: UNet(channels) for c in category_trunks})

    def add_map_trunk(self):
        """A map trunk starting from this encoder's own U-Net weights (stem, encoder, decoder, head)."""
        self.map_trunk = unet_copy(self, self.channels)
        return self.map_trunk

    def add_category_trunk(self, category, fresh=False):
        """A map trunk of the category's own, starting from the shared one's weights, or, fresh,
        from random ones (replacing any it had): a trunk that has never seen an image a new val
        split holds, so that thresholds chosen there are chosen on unseen frames."""
        shared = self.map_network(None)
        self.category_trunks[category] = UNet(self.channels) if fresh else unet_copy(shared, self.channels)
        return self.category_trunks[category]

    def map_network(self, category=None):
        """The U-Net the published map comes from, i.e. the one stage 1's vision training trains:
        the category's own trunk where it has one, else the shared trunk (or the encoder)."""
        if category in self.category_trunks:
            return self.category_trunks[category]
        return self.map_trunk if self.map_trunk is not None else self

    def forward(self, pixel_values):
        logits, deepest = self.segment(pixel_values)
        own_map = torch.sigmoid(logits)
        tokens = self.token_proj(deepest.flatten(2).transpose(1, 2))
        weights = F.avg_pool2d(own_map, self.reduction).flatten(2)
        feats = deepest.flatten(2)
        weighted = (feats * weights).sum(-1) / (weights.sum(-1) + 1e-4)
        z = self.feature_proj(torch.cat([weighted, feats.mean(-1)], dim=1))
        if self.map_trunk is not None:
            logits = self.map_trunk.segment(pixel_values)[0]
        anomaly_map, score = self.map_and_score(logits)
        return tokens, anomaly_map, score, z, logits

    def map_and_score(self, logits):
        anomaly_map = torch.sigmoid(logits)
        return anomaly_map, torch.topk(anomaly_map.flatten(1), self.topk, dim=1).values.mean(dim=1)

    def anomaly_only(self, pixel_values, category=None):
        """The published map and score without tokens and z: with a map trunk, the trunk alone runs
        (the category's own where it has one: tiles of that category run on it)."""
        return self.map_and_score(self.map_network(category).segment(pixel_values)[0])


def build_vision(config):
    v, d = config["vision"], config["decoder"]
    return VisionEncoder(v["channels"], d["hidden"], v["anomalyFeatureSize"], v["topkFraction"], v["imageSize"],
                         v.get("mapTrunk", False), v.get("categoryTrunks", ()))
