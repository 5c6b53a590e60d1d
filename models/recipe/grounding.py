"""How a pack's verdict steers each level's answer, as the app's levelGrounding
(electron/core/mau-gpt/grounding.ts) does: options.groundedL1 forces L1's first words, and
options.groundedLevels, level by level for L2–L5, forces a clean part's words when the verdict is OK
and a defect's opening (where given) when it is NG, ruling out a clean part's phrases then. Where
the map marked regions, `yesWithRegions` / `ngWithRegions` replace the NG start and may say the
region count as the export words it ({regions}, {defects})."""


# display names of the shipped labels, as electron/core/mauset-qa/knowledge.ts words them
DISPLAY_NAMES = {"open": "open circuit", "short": "short circuit", "mousebite": "mouse bite",
                 "copper": "spurious copper", "pin-hole": "pin hole"}


def display_name(label):
    return DISPLAY_NAMES.get(label, label.replace("_", " "))


def types_answer(types):
    """The export's open L2 answer without region counts (discrimination-classification.typesAnswer)."""
    names = [display_name(t) for t in types]
    if len(names) == 1:
        return f"It is {names[0]}."
    return f"There are {len(names)} defect types: {', '.join(names[:-1])} and {names[-1]}."


def fill_counts(text, count):
    regions = f"{count} defective region" + ("" if count == 1 else "s")
    defects = "is 1 defect" if count == 1 else f"are {count} defects"
    return text.replace("{regions}", regions).replace("{defects}", defects)


# electron/core/mauset-qa/types.ts POSITION_WORDS: a 3×3 grid, row by row
POSITION_WORDS = ("upper left", "upper middle", "upper right", "middle left", "center", "middle right",
                  "lower left", "lower middle", "lower right")
PLACES_LISTED = 12  # region-places.ts: regions an L3 answer names one by one


def position_of(x, y, width, height):
    """The grid cell of a point (mauset-qa/position.ts positionOf)."""
    cell = lambda value, size: min(2, max(0, int(value / size * 3)))  # noqa: E731
    return POSITION_WORDS[cell(y, height) * 3 + cell(x, width)]


def where_answer(places, unlisted=0):
    """The export's open L3 answer (localization.ts whereAnswer) for places {id, type, position,
    bbox}; `unlisted` more regions are counted and said to be in the region list."""
    said = [f"{p['id']}{' (' + display_name(p['type']) + ')' if p['type'] else ''} in the {p['position']} "
            f"({round_half_up(p['bbox'][2])}×{round_half_up(p['bbox'][3])} px box at x "
            f"{round_half_up(p['bbox'][0])}, y {round_half_up(p['bbox'][1])})" for p in places]
    total = len(places) + unlisted
    if total == 1:
        return f"There is 1 defect: {said[0]}."
    last = f"{unlisted} more in the region list" if unlisted else said[-1]
    listed = said if unlisted else said[:-1]
    return f"There are {total} defects: {'; '.join(listed)}; and {last}."


def round_half_up(value):
    """JavaScript's Math.round, which the app words boxes with (Python rounds halves to even)."""
    return int(value + 0.5) if value >= 0 else -int(-value + 0.5)


def regions_answer(places, types, width, height):
    """The L3 answer the app says from an NG image's listed regions (region-places.ts regionsAnswer):
    places from regions.listed_places, types one per place (None: untyped)."""
    named = [{"id": f"r{i + 1}", "type": t, "bbox": p["bbox"], "position": position_of(*p["centre"], width, height)}
             for i, (p, t) in enumerate(zip(places[:PLACES_LISTED], types))]
    return where_answer(named, max(0, len(places) - PLACES_LISTED))


def level_entry(options, level):
    """The pack's groundedLevels entry for a level ({} without one); at L3 and L4 `fromRegions`
    says that level from the listed regions."""
    return ((options or {}).get("groundedLevels") or {}).get(str(level)) or {}


def typed_answer(level, predicted_ng, types, options=None, noun="part", region_count=None, where=None, looks=None):
    """The whole answer where the app asks the decoder nothing (grounding.ts, `complete`), else
    None: L2 on an NG image whose types the defect-type head listed says them; L1 on an NG image
    that lists no region is the pack's groundedL1.yesWithoutRegions, where it has one; L3 / L4 on
    an NG image that lists regions is `where` (regions_answer) / `looks` (looks.looks_answer) when
    the pack says that level fromRegions, and its ngWithoutRegions where it lists none."""
    if predicted_ng and level == 2 and types:
        return types_answer(types)
    measured = level_entry(options, level) if level in (3, 4) else {}
    if predicted_ng and measured.get("fromRegions"):
        said = where if level == 3 else looks
        if region_count and said:
            return said
        if not region_count and measured.get("ngWithoutRegions"):
            return measured["ngWithoutRegions"].replace("{object}", noun)
    without = ((options or {}).get("groundedL1") or {}).get("yesWithoutRegions")
    if predicted_ng and level == 1 and region_count == 0 and without:
        return without.replace("{object}", noun)
    return None


def one_type_start(template, types, counted):
    """A level's ngOneType with {type} named, when one type was listed (grounding.ts oneTypeStart)."""
    if not template or len(types) != 1 or (not counted and ("{regions}" in template or "{defects}" in template)):
        return None
    return template.replace("{type}", display_name(types[0]))


# What the app's pack says on a kind of part it never learnt (grounding.ts UNKNOWN_PRODUCT)
UNKNOWN_PRODUCT = {
    2: "This pack was not trained on {object} images, so it names no defect type: the reviewer sets it.",
    5: ("This pack was not trained on {object} images, so it does not guess a cause, impact or severity. "
        "Recommended action: check the marked regions."),
}


def product_known(options, category):
    """Whether the pack learnt this kind of part: it has thresholds or defect types of the category
    (grounding.ts productKnown). No category, or a pack that knows none, counts as known."""
    if not category:
        return True
    options = options or {}
    learnt = set(options.get("categoryThresholds") or {}) | set((options.get("defectTypes") or {}).get("byCategory") or {})
    return not learnt or category in learnt


def unknown_product_answer(level, predicted_ng, noun, start):
    """The whole answer on a part the pack never learnt (grounding.ts levelGrounding): L2 and L5 of
    an NG image say the pack does not know; L1 and every level of an OK image are their grounded
    start alone; else None (the regions' answer, or the decoder, as on a known part)."""
    if predicted_ng and level in UNKNOWN_PRODUCT:
        return UNKNOWN_PRODUCT[level].replace("{object}", noun)
    return as_sentence(start) if start and (level == 1 or not predicted_ng) else None


def as_sentence(text):
    """A start the decoder would finish ("No. The wood looks normal;") closed as a sentence
    (grounding.ts asSentence)."""
    trimmed = text.rstrip(" \t\n;:,")
    return trimmed if trimmed.endswith((".", "!", "?")) else trimmed + "."



def level_grounding(options, level, predicted_ng, noun, region_count=0, types=()):
    """(answer start or None, phrases to avoid) for one level's open answer, {object} → noun; with
    one listed type (the defect-type head's) a level's ngOneType names it."""
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
    if predicted_ng:
        start = one_type_start(grounded.get("ngOneType"), types or (), counted) or start
    avoid = [fill(p) for p in grounded.get("avoidWhenNg", [])] if predicted_ng else []
    return (complete(start) if start else None), avoid


def is_grounded(options):
    return bool(options.get("groundedL1") or options.get("groundedLevels"))
