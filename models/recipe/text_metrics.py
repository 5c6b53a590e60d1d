"""Scoring generated answers: MMAD-style option letters, yes/no, named terms and ROUGE-L."""

import re

WORD = re.compile(r"[a-z0-9]+")
# "B", "B.", "(B)", "answer: B" — the first standalone capital A–E, as MMAD's letter extraction
LETTER = re.compile(r"(?<![A-Za-z])([A-E])(?![A-Za-z])")


def words(text):
    return WORD.findall(text.lower())


def first_option_letter(answer):
    """The tokenizer lowercases, so generated letters come back lowercase: accept a leading one."""
    match = LETTER.search(answer) or re.match(r"\s*\(?([a-e])\s?[.):]", answer)
    return match.group(1).upper() if match else None


def says_yes(answer):
    first = words(answer)[:1]
    return first == ["yes"]


def names_any(answer, terms):
    """True when the answer contains one of the terms as whole words (underscores and hyphens as spaces)."""
    said = " " + " ".join(words(answer)) + " "
    return any(" " + " ".join(words(term.replace("_", " "))) + " " in said for term in terms)


def rouge_l(candidate, reference):
    """ROUGE-L F1 on lowercase word tokens (longest common subsequence)."""
    a, b = words(candidate), words(reference)
    if not a or not b:
        return 0.0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    lcs = previous[-1]
    if not lcs:
        return 0.0
    precision, recall = lcs / len(a), lcs / len(b)
    return 2 * precision * recall / (precision + recall)
