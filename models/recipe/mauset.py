"""Reads a MAU-Set export folder (shared/design/MAU-SET-FORMAT.md) into plain sample records.

Only the fields training needs are checked; anything else in a record is kept and ignored. A
malformed record stops the run with the file, the line and what is wrong, because training on a
silently skipped subset would produce a model card that lies about its data.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

SUPPORTED_MAJOR = 1
SPLITS = ("train", "val", "test")


class MauSetError(ValueError):
    pass


@dataclass
class Region:
    id: str
    type: str
    bbox: tuple  # x, y, w, h in source pixels
    mask: Path | None
    position: str


@dataclass
class QA:
    level: int
    form: str
    question: str
    answer: str
    options: dict = field(default_factory=dict)

    def option_text(self, letter):
        """Closed questions are trained as 'A. Yes' so the letter and its meaning both appear."""
        return f"{letter}. {self.options[letter]}"

    def answer_text(self):
        if self.form == "closed" and self.answer in self.options:
            return self.option_text(self.answer)
        return self.answer

    def question_text(self):
        if self.form != "closed" or not self.options:
            return self.question
        listed = " ".join(f"{k}. {v}" for k, v in sorted(self.options.items()))
        return f"{self.question} Options: {listed}"


# What questions call the imaged thing, as electron/core/mauset-qa/wording.ts words it.
OBJECT_NOUNS = {"pcb": "PCB", "steel_surface": "steel surface", "ball_screw": "ball screw"}


def object_noun(category):
    if not category:
        return "part"
    return OBJECT_NOUNS.get(category, category.replace("_", " "))


@dataclass
class Sample:
    id: str
    image: Path
    width: int
    height: int
    verdict: str
    category: str
    regions: list
    qa: list


def _need(record, key, kind, where):
    if key not in record:
        raise MauSetError(f"{where}: missing field '{key}'")
    value = record[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise MauSetError(f"{where}: field '{key}' must be {kind.__name__ if isinstance(kind, type) else kind}")
    return value


def _region(raw, root, where):
    bbox = _need(raw, "bbox", list, where)
    if len(bbox) != 4 or not all(isinstance(v, (int, float)) for v in bbox) or bbox[2] < 0 or bbox[3] < 0:
        raise MauSetError(f"{where}: bbox must be [x, y, w, h] with w, h >= 0, got {bbox}")
    mask = raw.get("mask")
    mask_path = root / mask if isinstance(mask, str) else None
    if mask_path is not None and not mask_path.is_file():
        raise MauSetError(f"{where}: mask file {mask} does not exist")
    return Region(id=str(raw.get("id", "")), type=_need(raw, "type", str, where), bbox=tuple(bbox),
                  mask=mask_path, position=str(raw.get("position", "")))


def _qa(raw, where):
    level = _need(raw, "level", int, where)
    if not 1 <= level <= 5:
        raise MauSetError(f"{where}: level must be 1..5, got {level}")
    form = _need(raw, "form", str, where)
    options = raw.get("options") or {}
    if form == "closed" and not (2 <= len(options) <= 5 and raw.get("answer") in options):
        raise MauSetError(f"{where}: a closed question needs 2-5 options and an answer among them")
    return QA(level=level, form=form, question=_need(raw, "question", str, where),
              answer=_need(raw, "answer", str, where), options=dict(options))


def parse_sample(record, root, where):
    image = root / _need(record, "image", str, where)
    if not image.is_file():
        raise MauSetError(f"{where}: image file {record['image']} does not exist")
    verdict = _need(record, "verdict", str, where)
    if verdict not in ("OK", "NG"):
        raise MauSetError(f"{where}: verdict must be OK or NG, got {verdict!r}")
    regions = [_region(r, root, f"{where} region {i}") for i, r in enumerate(record.get("regions") or [])]
    qa = [_qa(q, f"{where} qa {i}") for i, q in enumerate(record.get("qa") or [])]
    return Sample(id=_need(record, "id", str, where), image=image, width=_need(record, "width", int, where),
                  height=_need(record, "height", int, where), verdict=verdict,
                  category=str(record.get("category", "")), regions=regions, qa=qa)


def read_split(root, split):
    root = Path(root)
    path = root / f"{split}.jsonl"
    if not path.is_file():
        return []
    samples = []
    for n, line in enumerate(path.read_text().splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise MauSetError(f"{where}: not valid JSON ({err.msg})") from None
        samples.append(parse_sample(record, root, where))
    return samples


def read_manifest(root):
    path = Path(root) / "manifest.json"
    if not path.is_file():
        raise MauSetError(f"{path}: missing; is {root} a MAU-Set export folder?")
    manifest = json.loads(path.read_text())
    # the major version sits in "version" ("1", "1.0", 1) or, failing that, in "format" ("…/1")
    version = str(manifest.get("version", str(manifest.get("format", "")).rpartition("/")[2]))
    if not version.split(".")[0].isdigit() or int(version.split(".")[0]) != SUPPORTED_MAJOR:
        raise MauSetError(f"{path}: version {version!r} is not supported (this reader knows {SUPPORTED_MAJOR}.x)")
    return manifest


def read_mauset(root):
    manifest = read_manifest(root)
    splits = {split: read_split(root, split) for split in SPLITS}
    if not splits["train"]:
        raise MauSetError(f"{Path(root) / 'train.jsonl'}: no training samples")
    return manifest, splits
