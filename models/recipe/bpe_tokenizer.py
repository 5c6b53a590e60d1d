"""A small pure-Python BPE tokenizer that writes Hugging Face `tokenizer.json`.

The pipeline mirrors, step for step, what `@huggingface/tokenizers` (the runtime's JS library)
does with the JSON we write, so both sides give the same ids:

1. special tokens are cut out first (longest match, never normalised),
2. the rest is lowercased,
3. pre-tokenised: split on whitespace (`\\S+`), then each piece into runs of punctuation and runs
   of non-punctuation (the JS `Punctuation` pre-tokenizer groups runs),
4. each piece is BPE-encoded with `</w>` appended to its last character; merges are applied by
   rank, leftmost first on ties; a symbol outside the vocabulary becomes `<|unk|>`.
"""

import json
import unicodedata
from collections import Counter
from pathlib import Path

SPECIAL_TOKENS = ["<|pad|>", "<|bos|>", "<|eos|>", "<|user|>", "<|assistant|>", "<image>", "<|unk|>"]
UNK = "<|unk|>"
END_OF_WORD = "</w>"
# the always-present alphabet, so any printable-ASCII question encodes without <|unk|>
ASCII_ALPHABET = [chr(c) for c in range(0x21, 0x7F) if not chr(c).isupper()]
CLEAN_UP = [(" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"), (" n't", "n't"),
            (" 'm", "'m"), (" 's", "'s"), (" 've", "'ve"), (" 're", "'re")]
# JavaScript's `\s` (ECMAScript WhiteSpace + LineTerminator); Python's differs on \x1c-\x1f
JS_WHITESPACE = set("\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff") | {
    chr(c) for c in range(0x2000, 0x200B)
}


def is_punctuation(char):
    """The JS library's class: Unicode P* plus every ASCII symbol range."""
    code = ord(char)
    if 0x21 <= code <= 0x2F or 0x3A <= code <= 0x40 or 0x5B <= code <= 0x60 or 0x7B <= code <= 0x7E:
        return True
    return unicodedata.category(char).startswith("P")


def split_whitespace(text):
    pieces, current = [], []
    for char in text:
        if char in JS_WHITESPACE:
            if current:
                pieces.append("".join(current))
                current = []
        else:
            current.append(char)
    if current:
        pieces.append("".join(current))
    return pieces


def split_punctuation(piece):
    runs, current, current_kind = [], [], None
    for char in piece:
        kind = is_punctuation(char)
        if current and kind != current_kind:
            runs.append("".join(current))
            current = []
        current.append(char)
        current_kind = kind
    if current:
        runs.append("".join(current))
    return runs


def pre_tokenize(text):
    return [run for piece in split_whitespace(text.lower()) for run in split_punctuation(piece)]


def split_specials(text):
    """Cut special tokens out of text, longest match first, as the JS DictionarySplitter does."""
    sections, start, i = [], 0, 0
    by_length = sorted(SPECIAL_TOKENS, key=len, reverse=True)
    while i < len(text):
        match = next((s for s in by_length if text.startswith(s, i)), None)
        if match:
            if i > start:
                sections.append(text[start:i])
            sections.append(match)
            i += len(match)
            start = i
        else:
            i += 1
    if start < len(text):
        sections.append(text[start:])
    return sections


def word_symbols(word):
    symbols = list(word)
    symbols[-1] += END_OF_WORD
    return symbols


def merge_pair(symbols, pair, merged):
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == pair[0] and symbols[i + 1] == pair[1]:
            out.append(merged)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def train_bpe(texts, vocab_size):
    """Learns merges until the vocabulary (specials + alphabet + merges) reaches vocab_size."""
    words = Counter(word for text in texts for section in split_specials(text)
                    if section not in SPECIAL_TOKENS for word in pre_tokenize(section))
    alphabet = set(ASCII_ALPHABET) | {c + END_OF_WORD for c in ASCII_ALPHABET}
    splits = {word: word_symbols(word) for word in words}
    for symbols in splits.values():
        alphabet.update(symbols)
    vocab = list(SPECIAL_TOKENS) + sorted(alphabet)
    known = set(vocab)
    merges = []
    while len(vocab) < vocab_size:
        pairs = Counter()
        for word, count in words.items():
            symbols = splits[word]
            for a, b in zip(symbols, symbols[1:]):
                pairs[(a, b)] += count
        if not pairs:
            break
        # most frequent; ties broken by the pair itself so training is deterministic
        pair = min(pairs, key=lambda p: (-pairs[p], p))
        merged = pair[0] + pair[1]
        merges.append(pair)
        if merged not in known:
            vocab.append(merged)
            known.add(merged)
        for word in words:
            if pair[0] in splits[word]:
                splits[word] = merge_pair(splits[word], pair, pair[0] + pair[1])
    return BpeTokenizer(vocab, merges)


class BpeTokenizer:
    def __init__(self, vocab, merges):
        self.vocab = list(vocab)
        self.ids = {token: i for i, token in enumerate(self.vocab)}
        self.merges = [tuple(m) for m in merges]
        self.ranks = {pair: rank for rank, pair in enumerate(self.merges)}
        self.cache = {}

    def __len__(self):
        return len(self.vocab)

    def token_id(self, token):
        return self.ids[token]

    def bpe(self, word):
        if word in self.cache:
            return self.cache[word]
        symbols = word_symbols(word)
        while len(symbols) > 1:
            ranked = [(self.ranks.get(p, None), i) for i, p in enumerate(zip(symbols, symbols[1:]))]
            ranked = [(r, i) for r, i in ranked if r is not None]
            if not ranked:
                break
            _, i = min(ranked)
            symbols = symbols[:i] + [symbols[i] + symbols[i + 1]] + symbols[i + 2:]
        self.cache[word] = symbols
        return symbols

    def encode(self, text):
        ids = []
        for section in split_specials(text):
            if section in self.ids and section in SPECIAL_TOKENS:
                ids.append(self.ids[section])
                continue
            for word in pre_tokenize(section):
                ids.extend(self.ids.get(s, self.ids[UNK]) for s in self.bpe(word))
        return ids

    def decode(self, ids, skip_special=True):
        """As the JS library decodes: `</w>` -> space (none after the last token), then its
        clean-up of spaces before punctuation and English contractions."""
        tokens = [self.vocab[i] for i in ids if not (skip_special and self.vocab[i] in SPECIAL_TOKENS)]
        last = len(tokens) - 1
        text = "".join(t.replace(END_OF_WORD, "" if i == last else " ") for i, t in enumerate(tokens))
        text = text.strip() if skip_special else text
        for before, after in CLEAN_UP:
            text = text.replace(before, after)
        return text

    def to_json(self):
        added = [{"id": self.ids[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                  "normalized": False, "special": True} for t in SPECIAL_TOKENS]
        return {
            "version": "1.0",
            "truncation": None,
            "padding": None,
            "added_tokens": added,
            "normalizer": {"type": "Lowercase"},
            "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
                {"type": "WhitespaceSplit"}, {"type": "Punctuation", "behavior": "Contiguous"}]},
            "post_processor": None,
            "decoder": {"type": "BPEDecoder", "suffix": END_OF_WORD},
            "model": {"type": "BPE", "dropout": None, "unk_token": UNK, "continuing_subword_prefix": None,
                      "end_of_word_suffix": END_OF_WORD, "fuse_unk": False, "byte_fallback": False,
                      "ignore_merges": False, "vocab": self.ids, "merges": [list(m) for m in self.merges]},
        }

    def save(self, path):
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n")

    @classmethod
    def load(cls, path):
        data = json.loads(Path(path).read_text())
        model = data["model"]
        vocab = sorted(model["vocab"], key=model["vocab"].get)
        return cls(vocab, model["merges"])
