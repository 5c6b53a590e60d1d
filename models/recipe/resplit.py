"""Writes a MAU-Set export again with whole groups moved from its train split to val.

    /usr/bin/python3 models/recipe/resplit.py --data <mauset dir> --out <new dir> \
        --to-val part:bsdata/437500_315 [--to-val GROUP ...] [--why "..."]

The app's export places each group (a part, its views, near-duplicates) by a hash of its name,
so a dataset of few large groups can leave val with one group unlike the others: BSData's val is
one spindle position, the only one filmed at 45°, and thresholds chosen there do not carry over.
Moving whole groups from train to val keeps every split leak-free (a group stays in one split)
and leaves test exactly as it was. Images and masks are linked, not copied; the manifest records
what moved and why. A model trained before the move has seen the moved groups: train what the
new val judges (e.g. a category's map trunk with stage1.categoryInit "fresh") on the new train.
"""

import argparse
import json
import shutil
from pathlib import Path

from mauset import MauSetError, read_manifest

SPLITS = ("train", "val", "test")


def read_records(root, split):
    path = root / f"{split}.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def write_lines(path, rows):
    # compact, as the app writes records
    path.write_text("".join(f"{json.dumps(row, ensure_ascii=False, separators=(',', ':'))}\n" for row in rows))


def move_chat(src, out, moved_ids):
    """The chat copies (sft/) follow their samples: a moved sample's conversation goes to val too."""
    if not (src / "sft").is_dir():
        return
    (out / "sft").mkdir()
    chats = {split: read_records(src / "sft", split) for split in ("train", "val")}
    goes = [{**c, "split": "val"} for c in chats["train"] if c.get("id") in moved_ids]
    write_lines(out / "sft" / "train.jsonl", [c for c in chats["train"] if c.get("id") not in moved_ids])
    write_lines(out / "sft" / "val.jsonl", [*chats["val"], *goes])


def resplit(src, out, groups, why):
    manifest = read_manifest(src)
    records = {split: read_records(src, split) for split in SPLITS}
    present = {r.get("group") for r in records["train"]}
    missing = [g for g in groups if g not in present]
    if missing:
        raise MauSetError(f"{src / 'train.jsonl'}: no training image in group(s) {', '.join(missing)}")
    moved = [r for r in records["train"] if r.get("group") in groups]
    records["train"] = [r for r in records["train"] if r.get("group") not in groups]
    records["val"] = [*records["val"], *({**r, "split": "val"} for r in moved)]
    out.mkdir(parents=True, exist_ok=False)
    for split in ("train", "val"):
        write_lines(out / f"{split}.jsonl", records[split])
    if (src / "test.jsonl").is_file():
        shutil.copyfile(src / "test.jsonl", out / "test.jsonl")  # test stays byte for byte
    for folder in ("images", "masks"):
        if (src / folder).is_dir():
            (out / folder).symlink_to((src / folder).resolve())
    move_chat(src, out, {r["id"] for r in moved})
    manifest.setdefault("counts", {})["splits"] = {split: len(records[split]) for split in SPLITS}
    manifest.setdefault("split_policy", {})["moved_to_val"] = {"groups": groups, "images": len(moved), "why": why,
                                                "from": str(src.resolve())}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    card = src / "DATASET_CARD.md"
    if card.is_file():
        note = f"\n## Splits moved after export\n\n{len(moved)} train images of {', '.join(groups)} moved to val: {why}\n"
        (out / "DATASET_CARD.md").write_text(card.read_text() + note)
    return {split: len(records[split]) for split in SPLITS}, len(moved)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="MAU-Set export folder")
    parser.add_argument("--out", required=True, help="new export folder (must not exist)")
    parser.add_argument("--to-val", action="append", required=True, metavar="GROUP",
                        help="a record's group (e.g. part:bsdata/437500_315); repeat for more")
    parser.add_argument("--why", default="val should show what test shows", help="recorded in the manifest")
    args = parser.parse_args(argv)
    try:
        counts, moved = resplit(Path(args.data), Path(args.out), args.to_val, args.why)
    except (MauSetError, FileExistsError) as err:
        raise SystemExit(f"resplit: {err}") from None
    print(json.dumps({"moved": moved, "splits": counts}))


if __name__ == "__main__":
    main()
