"""Exports the graphs of docs/MAU-GPT-PACK.md with torch.onnx (opset 17): three, and a fourth
(`anomaly_map.onnx`, the map trunk alone) for an encoder with a map trunk.

The decoder is traced once with a non-empty cache and dynamic axes for batch, new tokens and
past length, so the same graph serves the first step (past length 0) and every cached step; the
parity test runs it both ways in onnxruntime.
"""

import onnx
import torch
from torch import nn

from defect_types import DefectTypesGraph
from half_storage import store_half
from region_types import region_head

OPSET = 17


class VisionGraph(nn.Module):
    def __init__(self, vision):
        super().__init__()
        self.vision = vision

    def forward(self, pixel_values):
        tokens, anomaly_map, score, z, _ = self.vision(pixel_values)
        return tokens, anomaly_map, score, z


class AnomalyMapGraph(nn.Module):
    """The map trunk alone: the anomaly map and score the full encoder publishes, for tiles, which
    need nothing else (tokens and z come from the resized view)."""

    def __init__(self, vision, category=None):
        super().__init__()
        self.vision = vision
        self.category = category

    def forward(self, pixel_values):
        return self.vision.anomaly_only(pixel_values, self.category)


class EmbedGraph(nn.Module):
    def __init__(self, embed):
        super().__init__()
        self.embed = embed

    def forward(self, input_ids):
        return self.embed(input_ids)


class DecoderGraph(nn.Module):
    def __init__(self, decoder):
        super().__init__()
        self.decoder = decoder

    def forward(self, inputs_embeds, attention_mask, position_ids, anomaly_feature, *flat_past):
        past = [(flat_past[2 * i], flat_past[2 * i + 1]) for i in range(len(flat_past) // 2)]
        logits, presents = self.decoder(inputs_embeds, attention_mask, position_ids, anomaly_feature, past)
        return (logits, *[t for kv in presents for t in kv])


def category_map_file(category):
    """The graph of a category's own map trunk (export_all; pack.py lists it)."""
    return f"anomaly_map.{category}.onnx"


def cache_names(layers, prefix):
    return [f"{prefix}.{i}.{kind}" for i in range(layers) for kind in ("key", "value")]


VISION_OUTPUTS = ["image_embeds", "anomaly_map", "anomaly_score", "anomaly_feature"]
TYPE_OUTPUTS = ["type_logits"]
REGION_TYPE_OUTPUTS = ["region_type_logits"]
MAP_OUTPUTS = ["anomaly_map", "anomaly_score"]


def export_image_graph(graph, size, outputs, path):
    sample = torch.zeros(1, 3, size, size)
    torch.onnx.export(graph.eval(), (sample,), str(path), opset_version=OPSET,
                      input_names=["pixel_values"], output_names=outputs,
                      dynamic_axes={name: {0: "batch"} for name in ["pixel_values", *outputs]},
                      do_constant_folding=True)


def export_defect_types(vision, head, config, path, region_head=None):
    """defect_types.onnx: pixel_values → type_logits (defect_types.DefectTypesGraph), and
    region_type_logits with a region head (region_types.py)."""
    outputs = TYPE_OUTPUTS + (REGION_TYPE_OUTPUTS if region_head is not None else [])
    with torch.no_grad():
        export_image_graph(DefectTypesGraph(vision, head, region_head), config["vision"]["imageSize"], outputs, path)
    finish_graph(path, ["pixel_values"], outputs)


def export_embed(embed, path):
    sample = torch.zeros(1, 3, dtype=torch.long)
    torch.onnx.export(EmbedGraph(embed).eval(), (sample,), str(path), opset_version=OPSET,
                      input_names=["input_ids"], output_names=["inputs_embeds"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "sequence"},
                                    "inputs_embeds": {0: "batch", 1: "sequence"}},
                      do_constant_folding=True)


def export_decoder(decoder, hidden, z_size, path):
    layers, heads, head_dim = decoder.num_layers, decoder.heads, decoder.head_dim
    past_len, new_len = 2, 3
    embeds = torch.randn(1, new_len, hidden)
    mask = torch.ones(1, past_len + new_len, dtype=torch.long)
    positions = torch.arange(past_len, past_len + new_len).unsqueeze(0)
    z = torch.randn(1, z_size)
    past = [torch.randn(1, heads, past_len, head_dim) for _ in range(2 * layers)]
    past_names, present_names = cache_names(layers, "past_key_values"), cache_names(layers, "present")
    axes = {"inputs_embeds": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "total_sequence"},
            "position_ids": {0: "batch", 1: "sequence"}, "anomaly_feature": {0: "batch"},
            "logits": {0: "batch", 1: "sequence"}}
    axes.update({n: {0: "batch", 2: "past_sequence"} for n in past_names})
    axes.update({n: {0: "batch", 2: "total_sequence"} for n in present_names})
    torch.onnx.export(DecoderGraph(decoder).eval(), (embeds, mask, positions, z, *past), str(path),
                      opset_version=OPSET,
                      input_names=["inputs_embeds", "attention_mask", "position_ids", "anomaly_feature",
                                   *past_names],
                      output_names=["logits", *present_names], dynamic_axes=axes, do_constant_folding=True)


def finish_graph(path, inputs, outputs):
    """Stores the exported graph's weights in half precision where that loses nothing
    (half_storage.py), then checks it: it must carry exactly the contract's names; onnx.checker
    validates the rest."""
    store_half(path)
    model = onnx.load(str(path))
    onnx.checker.check_model(model)
    got_in = [i.name for i in model.graph.input]
    got_out = [o.name for o in model.graph.output]
    if got_in != inputs or got_out != outputs:
        raise RuntimeError(f"{path}: graph inputs {got_in} / outputs {got_out}, expected {inputs} / {outputs}")


def export_all(model, config, folder):
    d, v = config["decoder"], config["vision"]
    with torch.no_grad():
        export_image_graph(VisionGraph(model.vision), v["imageSize"], VISION_OUTPUTS, folder / "vision_encoder.onnx")
        if model.vision.map_trunk is not None:
            export_image_graph(AnomalyMapGraph(model.vision), v["imageSize"], MAP_OUTPUTS,
                               folder / "anomaly_map.onnx")
        for category in model.vision.category_trunks:
            export_image_graph(AnomalyMapGraph(model.vision, category), v["imageSize"], MAP_OUTPUTS,
                               folder / category_map_file(category))
        export_embed(model.embed_tokens, folder / "embed_tokens.onnx")
        export_decoder(model.decoder, d["hidden"], v["anomalyFeatureSize"], folder / "decoder_model_merged.onnx")
    layers = d["layers"]
    finish_graph(folder / "vision_encoder.onnx", ["pixel_values"], VISION_OUTPUTS)
    if model.vision.map_trunk is not None:
        finish_graph(folder / "anomaly_map.onnx", ["pixel_values"], MAP_OUTPUTS)
    for category in model.vision.category_trunks:
        finish_graph(folder / category_map_file(category), ["pixel_values"], MAP_OUTPUTS)
    if getattr(model, "defect_types", None):
        regions = model.defect_types[1].get("regions")
        export_defect_types(model.vision, model.defect_types[0], config, folder / "defect_types.onnx",
                            region_head(regions) if regions else None)
    finish_graph(folder / "embed_tokens.onnx", ["input_ids"], ["inputs_embeds"])
    finish_graph(folder / "decoder_model_merged.onnx",
                ["inputs_embeds", "attention_mask", "position_ids", "anomaly_feature",
                 *cache_names(layers, "past_key_values")],
                ["logits", *cache_names(layers, "present")])
