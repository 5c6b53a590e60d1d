"""How a pack's verdict steers each level's answer, as the app's levelGrounding
(electron/core/mau-gpt/grounding.ts) does: options.groundedL1 forces L1's first words, and
options.groundedLevels, level by level for L2–L5, forces a clean part's words when the verdict is OK
and a defect's opening (where given) when it is NG, ruling out a clean part's phrases then."""


def level_grounding(options, level, predicted_ng, noun):
    """(answer start or None, phrases to avoid) for one level's open answer, {object} → noun."""
    fill = lambda text: text.replace("{object}", noun)  # noqa: E731
    if level == 1:
        l1 = options.get("groundedL1")
        return (fill(l1["yes"] if predicted_ng else l1["no"]) if l1 else None), []
    grounded = (options.get("groundedLevels") or {}).get(str(level), {})
    start = grounded.get("ng" if predicted_ng else "ok")
    avoid = [fill(p) for p in grounded.get("avoidWhenNg", [])] if predicted_ng else []
    return (fill(start) if start else None), avoid


def is_grounded(options):
    return bool(options.get("groundedL1") or options.get("groundedLevels"))
