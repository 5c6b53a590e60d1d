"""Stores an exported graph's weights in half precision where that loses nothing.

A pack's weights are rounded to float16 before export (checkpoint.keep_half_precision), yet
torch.onnx writes them as float32: half of every graph file is zeros in the low mantissa bits.
Each float32 initializer whose values float16 holds exactly becomes a float16 initializer and a
Cast back to float32 at the head of the graph, so the graph computes on the very same float32
values. onnxruntime folds those Casts into constants when it opens the session (graph
optimisation 'all', as the app opens sessions), so a run is as fast as before. Tensors float16
cannot hold exactly (values folded at export, a fine-tuned pack's float32 weights) stay as they
are, and so does anything too small to matter.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 models/recipe/half_storage.py --pack <pack dir>

converts a pack's graphs in place and writes their new sha256 into its model.json.
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, str(Path(__file__).resolve().parent))

# below this many values a tensor's bytes do not matter, and a Cast would cost more than it saves
MIN_VALUES = 64
HALF_SUFFIX = ".float16"


def halves_exactly(values):
    return bool(np.array_equal(values.astype(np.float16).astype(np.float32), values))


def store_half(path):
    """Rewrites the ONNX file at `path`; returns how many initializers are now stored as float16."""
    model = onnx.load(str(path))
    graph = model.graph
    kept, casts = [], []
    for initializer in graph.initializer:
        values = numpy_helper.to_array(initializer) if initializer.data_type == TensorProto.FLOAT else None
        if values is None or values.size < MIN_VALUES or not halves_exactly(values):
            kept.append(initializer)
            continue
        stored = numpy_helper.from_array(values.astype(np.float16), initializer.name + HALF_SUFFIX)
        kept.append(stored)
        casts.append(helper.make_node("Cast", [stored.name], [initializer.name], to=TensorProto.FLOAT,
                                      name=initializer.name + ".to_float32"))
    if not casts:
        return 0
    del graph.initializer[:]
    graph.initializer.extend(kept)
    nodes = [*casts, *graph.node]  # the Casts first: a graph's nodes are in topological order
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return len(casts)


def convert_pack(pack):
    """store_half on each graph of a pack; model.json takes their new sha256."""
    from pack import prettier, sha256  # here, not above: pack imports export_onnx, which imports this

    manifest_file = Path(pack) / "model.json"
    manifest = json.loads(manifest_file.read_text())
    counts = {}
    for entry in manifest["files"]:
        if entry["path"].endswith(".onnx"):
            counts[entry["path"]] = store_half(Path(pack) / entry["path"])
            entry["sha256"] = sha256(Path(pack) / entry["path"])
    manifest_file.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    prettier([manifest_file])
    return counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pack", required=True)
    args = parser.parse_args(argv)
    for path, count in convert_pack(args.pack).items():
        print(f"{path}: {count} initializers stored as float16")


if __name__ == "__main__":
    main()
