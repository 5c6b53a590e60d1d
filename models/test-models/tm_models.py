"""Tiny PyTorch modules that reproduce the I/O signatures of real exports.

They are not trained networks: every weight is hand-set or drawn from a fixed seed, so the
outputs are deterministic, and the anomaly signal is "local deviation from a blurred image",
which is spatially meaningful on real defect photos (scratches, pits, spots stand out).
"""

import torch
import torch.nn.functional as F
from torch import nn

GRAY = (0.299, 0.587, 0.114)
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


class Deviation(nn.Module):
    """|gray - box_blur(gray)|, smoothed: high where the surface breaks its own texture."""

    def __init__(self, k_blur=9, k_smooth=5):
        super().__init__()
        self.k_blur = k_blur
        self.k_smooth = k_smooth
        self.register_buffer("w", torch.tensor(GRAY).view(1, 3, 1, 1))

    def gray(self, rgb01):
        return (rgb01 * self.w).sum(1, keepdim=True)

    def forward(self, rgb01):
        gray = self.gray(rgb01)
        blur = F.avg_pool2d(gray, self.k_blur, 1, self.k_blur // 2, count_include_pad=False)
        dev = (gray - blur).abs()
        return F.avg_pool2d(dev, self.k_smooth, 1, self.k_smooth // 2, count_include_pad=False)


def minmax_normalise(x, threshold, mn, mx):
    # anomalib's normalize_min_max: the threshold lands on 0.5
    return ((x - threshold) / (mx - mn) + 0.5).clamp(0.0, 1.0)


class AnomalibV2(nn.Module):
    """anomalib 2.x export: input `input` RGB [0,1]; outputs pred_score, pred_label, anomaly_map,
    pred_mask. With the post-processor in the graph labels and masks are bool; without it (the
    uncalibrated variant) they come out as float tensors and the scores are raw."""

    def __init__(self, t, calibrated=True):
        super().__init__()
        self.dev = Deviation()
        self.t = t
        self.calibrated = calibrated

    def forward(self, input):
        amap = self.dev(input)
        raw_score = amap.amax(dim=(1, 2, 3))
        t = self.t
        if self.calibrated:
            norm = minmax_normalise(amap, t["pixel"], t["min"], t["max"])
            score = minmax_normalise(raw_score, t["image"], t["min"], t["max"])
            return score, score >= 0.5, norm, norm >= 0.5
        return raw_score, (raw_score >= t["image"]).float(), amap, (amap >= t["pixel"]).float()


class AnomalibV1(nn.Module):
    """anomalib 1.x export: ImageNet-normalised input, raw (unnormalised) anomaly map as the one
    output; optionally a second, automatically named score output like PatchCore's."""

    def __init__(self, with_score=False):
        super().__init__()
        self.dev = Deviation()
        self.with_score = with_score
        self.register_buffer("mean", torch.tensor(IMAGENET_MEAN).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor(IMAGENET_STD).view(1, 3, 1, 1))

    def forward(self, input):
        amap = self.dev(input * self.std + self.mean)
        if not self.with_score:
            return amap
        score = F.avg_pool2d(amap, 3, 1, 1).amax(dim=(1, 2, 3))
        return amap, score


class Yolo(nn.Module):
    """Ultralytics-shaped head over deviation features at strides 8/16/32.

    raw:   output0 [B, 4+nc(+nm), N] with cx,cy,w,h in input pixels and sigmoid class scores
    e2e:   output0 [B, 300, 6(+nm)] with x1,y1,x2,y2,score,class (top-300, no NMS, like YOLO26)
    seg:   + output1 prototypes [B, nm, H/4, W/4]
    """

    def __init__(self, nc, imgsz, segment=False, e2e=False, nm=32, seed=1234):
        super().__init__()
        g = torch.Generator().manual_seed(seed)
        self.nc, self.nm, self.segment, self.e2e = nc, nm, segment, e2e
        self.dev = Deviation(k_blur=7, k_smooth=3)
        self.strides = (8, 16, 32)
        self.cls = nn.Conv2d(3, nc, 1)
        self.box = nn.Conv2d(3, 4, 1)
        self.coef = nn.Conv2d(3, nm, 1)
        self.proto = nn.Conv2d(2, nm, 3, padding=1)
        with torch.no_grad():
            for conv in (self.cls, self.box, self.coef, self.proto):
                conv.weight.copy_(torch.randn(conv.weight.shape, generator=g) * 0.3)
                conv.bias.copy_(torch.randn(conv.bias.shape, generator=g) * 0.3)
            # every class reacts to deviation, each at its own sensitivity, so defects light up
            self.cls.weight[:, 0, 0, 0] = torch.linspace(1.2, 2.0, nc)
            self.cls.bias[:] = torch.linspace(-4.5, -5.5, nc)
            self.coef.weight[0, :, 0, 0] = torch.tensor([1.0, 0.0, 0.0])
            self.coef.bias[0] = 2.0
            self.proto.weight[0] = 0.0
            # prototype 0 is positive only where the surface deviates: masks follow the defect
            self.proto.weight[0, 0, 1, 1] = 4.0
            self.proto.bias[0] = -6.0
        grids = []
        for s in self.strides:
            n = imgsz // s
            ys, xs = torch.meshgrid(torch.arange(n), torch.arange(n), indexing="ij")
            grids.append(torch.stack([xs, ys]).float().view(1, 2, n * n) + 0.5)
        for i, grid in enumerate(grids):
            self.register_buffer(f"grid{i}", grid)

    def features(self, dev, gray, s):
        d = F.max_pool2d(dev, s, s) * 20.0
        v = F.avg_pool2d(dev, s, s) * 20.0
        m = F.avg_pool2d(gray, s, s)
        return torch.cat([d, m, v], 1)

    def forward(self, images):
        gray = self.dev.gray(images)
        dev = self.dev(images)
        levels = []
        for i, s in enumerate(self.strides):
            f = self.features(dev, gray, s)
            b = f.shape[0]
            box = self.box(f).flatten(2)
            grid = getattr(self, f"grid{i}")
            xy = (grid + torch.tanh(box[:, 0:2]) * 0.5) * s
            wh = s * (1.5 + 2.5 * torch.sigmoid(box[:, 2:4]))
            parts = [xy, wh, torch.sigmoid(self.cls(f)).flatten(2)]
            if self.segment:
                parts.append(self.coef(f).flatten(2))
            levels.append(torch.cat(parts, 1).view(b, -1, xy.shape[2]))
        raw = torch.cat(levels, 2)
        outputs = [self.to_e2e(raw) if self.e2e else raw]
        if self.segment:
            d4 = F.avg_pool2d(dev, 4, 4) * 20.0
            g4 = F.avg_pool2d(gray, 4, 4)
            outputs.append(torch.tanh(self.proto(torch.cat([d4, g4], 1))))
        return tuple(outputs) if len(outputs) > 1 else outputs[0]

    def to_e2e(self, raw):
        nc = self.nc
        xy, wh = raw[:, 0:2], raw[:, 2:4]
        scores, classes = raw[:, 4 : 4 + nc].max(1)
        top, idx = scores.topk(300, dim=1)

        def pick(r):
            return torch.gather(r, 2, idx.unsqueeze(1).expand(-1, r.shape[1], -1))

        rows = [pick(torch.cat([xy - wh / 2, xy + wh / 2], 1)), top.unsqueeze(1)]
        rows.append(pick(classes.float().unsqueeze(1)))
        if self.segment:
            rows.append(pick(raw[:, 4 + nc :]))
        return torch.cat(rows, 1).transpose(1, 2)
