"""Texts and the ids the Python encoder gives them, for the JS tokenizer check
(tests/unit/recipe/tokenizer.test.ts): real corpus lines plus edge cases."""

import json

EDGE_CASES = [
    "<|user|> Is there any defect in this image? <|assistant|>",
    "<|user|>no spaces around specials<|assistant|>Yes.<|eos|>",
    "UPPER case, MiXeD... and (brackets)!?",
    "tabs\tand\nnewlines   and  runs of   spaces",
    "numbers 1130x460 and 0.02 % area; 3x3 grid",
    "unknown symbols: é ü ß → ✓ 日本",
    "rolled-in_scale pin-hole mousebite",
    "",
    "<image>",
]


def write_tokenizer_cases(tokenizer, corpus_texts, path):
    texts = EDGE_CASES + [t for t in corpus_texts if t]
    cases = [{"text": t, "ids": tokenizer.encode(t), "decoded": tokenizer.decode(tokenizer.encode(t))}
             for t in texts]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"cases": cases}, ensure_ascii=False, indent=1) + "\n")
    return cases


def template_corpus():
    """Every template text for a few made-up regions: enough for a few hundred merges."""
    from qa_templates import CAUSES, generic_description, qa_for

    texts = []
    for i, kind in enumerate(CAUSES):
        bbox = [10 * i, 5 * i, 8 + 9 * i, 30 - i]
        region = {"id": "r1", "type": kind, "bbox": bbox, "position": ["upper left", "centre", "lower right"][i % 3]}
        for category in ("ball_screw", "pcb", "steel_strip"):
            for qa in qa_for(category, [region]) + qa_for(category, []):
                texts += [qa["question"], qa["answer"], *qa.get("options", {}).values()]
            texts.append(generic_description(category, [region]))
    return texts


def main():
    import argparse
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bpe_tokenizer import train_bpe

    parser = argparse.ArgumentParser(description="Train a BPE tokenizer on template texts; write it and its cases.")
    parser.add_argument("--out", required=True)
    parser.add_argument("--vocab", type=int, default=400)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    texts = template_corpus()
    tokenizer = train_bpe(texts, args.vocab)
    tokenizer.save(out / "tokenizer.json")
    write_tokenizer_cases(tokenizer, texts[:60], out / "tokenizer_cases.json")
    print(f"{len(tokenizer)} tokens, {len(tokenizer.merges)} merges -> {out}")


if __name__ == "__main__":
    main()
