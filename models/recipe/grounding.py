"""How a pack's verdict steers each level's answer, as the app's levelGrounding
(electron/core/mau-gpt/grounding.ts) does: options.groundedL1 forces L1's first words, and
options.groundedLevels, level by level for L2–L5, forces a clean part's words when the verdict is OK
and a defect's opening (where given) when it is NG, ruling out a clean part's phrases then. Where
the map marked regions, `yesWithRegions` / `ngWithRegions` replace the NG start and may say the
region count as the export words it ({regions}, {defects})."""


def fill_counts(text, count):
    regions = f"{count} defective region" + ("" if count == 1 else "s")
    defects = "is 1 defect" if count == 1 else f"are {count} defects"
    return text.replace("{regions}", regions).replace("{defects}", defects)


def level_grounding(options, level, predicted_ng, noun, region_count=0):
    """(answer start or None, phrases to avoid) for one level's open answer, {object} → noun."""
    fill = lambda text: text.replace("{object}", noun)  # noqa: E731
    complete = lambda text: fill_counts(fill(text), region_count)  # noqa: E731
    counted = predicted_ng and region_count > 0
    if level == 1:
        l1 = options.get("groundedL1")
        if not l1:
            return None, []
        return complete((counted and l1.get("yesWithRegions")) or l1["yes"] if predicted_ng else l1["no"]), []
    grounded = (options.get("groundedLevels") or {}).get(str(level), {})
    start = (counted and grounded.get("ngWithRegions")) or grounded.get("ng") if predicted_ng else grounded.get("ok")
    avoid = [fill(p) for p in grounded.get("avoidWhenNg", [])] if predicted_ng else []
    return (complete(start) if start else None), avoid


def is_grounded(options):
    return bool(options.get("groundedL1") or options.get("groundedLevels"))
