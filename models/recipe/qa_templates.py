"""Template question/answer pairs for the five task levels, from regions alone.

Used by the fixture builder and for the generic stage-1 descriptions. The app's exporter writes
reviewer-corrected texts instead; these templates only make a valid, learnable stand-in.
"""

CAUSES = {
    "pitting": ("surface fatigue or corrosion of the ball screw", "it can grow and shorten the spindle's life"),
    "crazing": ("thermal stress during rolling", "it weakens the surface finish"),
    "inclusion": ("foreign particles trapped in the steel", "it can start cracks under load"),
    "patches": ("uneven scale or lubrication", "it spoils the coating adhesion"),
    "pitted_surface": ("corrosion or roll wear", "it lowers the surface quality"),
    "rolled-in_scale": ("scale pressed into the strip by the rolls", "it causes rejects at coating"),
    "scratches": ("contact with a sharp part during handling", "it is a cosmetic and corrosion risk"),
    "open": ("over-etching of a track", "the circuit is broken"),
    "short": ("under-etching between tracks", "two nets are connected"),
    "mousebite": ("irregular etching of the track edge", "the track is weakened"),
    "spur": ("residual copper on a track edge", "it may cause a short"),
    "copper": ("residual copper left by etching", "it may cause a short"),
    "pin-hole": ("a plating or drilling fault", "the copper is thinned"),
}
ROWS, COLS = ("upper", "middle", "lower"), ("left", "middle", "right")


def position_words(bbox, width, height):
    cx, cy = bbox[0] + bbox[2] / 2, bbox[1] + bbox[3] / 2
    row, col = ROWS[min(2, int(3 * cy / height))], COLS[min(2, int(3 * cx / width))]
    return "centre" if row == col == "middle" else f"{row} {col}"


def size_words(bbox):
    side = max(bbox[2], bbox[3])
    return "tiny" if side < 24 else "small" if side < 64 else "large"


def shape_words(bbox):
    ratio = bbox[2] / bbox[3]
    return "elongated horizontal" if ratio > 2.5 else "elongated vertical" if ratio < 0.4 else "compact"


def surface_name(category):
    return category.replace("_", " ")


def qa_for(category, regions, taxonomy=tuple(CAUSES)):
    surface = surface_name(category)
    if not regions:
        none = "No defect."
        return [
            {"level": 1, "task": "discrimination", "form": "closed",
             "question": f"Is there any defect on this {surface} surface?",
             "options": {"A": "Yes", "B": "No"}, "answer": "B"},
            {"level": 1, "task": "discrimination", "form": "open",
             "question": "Is there any defect in this image?", "answer": f"No. The {surface} looks normal."},
            {"level": 2, "task": "classification", "form": "open", "question": "What type of defect is it?",
             "answer": none},
            {"level": 3, "task": "localization", "form": "open", "question": "Where is the defect?",
             "answer": none, "regions": []},
            {"level": 4, "task": "description", "form": "open", "question": "What does the defect look like?",
             "answer": none},
            {"level": 5, "task": "analysis", "form": "open",
             "question": "What is the likely cause and impact of the defect?", "answer": none},
        ]
    main = max(regions, key=lambda r: r["bbox"][2] * r["bbox"][3])
    kind = main["type"]
    kinds = sorted({r["type"] for r in regions})
    distractors = [t for t in taxonomy if t not in kinds][:3]
    options = dict(zip("ABCD", sorted([kind, *distractors])))
    letter = next(k for k, v in options.items() if v == kind)
    count = f"{len(regions)} defects" if len(regions) > 1 else "one defect"
    cause, impact = CAUSES.get(kind, ("an unknown process fault", "the part needs inspection"))
    return [
        {"level": 1, "task": "discrimination", "form": "closed",
         "question": f"Is there any defect on this {surface} surface?",
         "options": {"A": "Yes", "B": "No"}, "answer": "A"},
        {"level": 1, "task": "discrimination", "form": "open",
         "question": "Is there any defect in this image?", "answer": f"Yes. There is {count} on the {surface}."},
        {"level": 2, "task": "classification", "form": "closed", "question": "What type of defect is it?",
         "options": options, "answer": letter},
        {"level": 2, "task": "classification", "form": "open", "question": "What type of defect is it?",
         "answer": f"It is {' and '.join(kinds)}."},
        {"level": 3, "task": "localization", "form": "open", "question": "Where is the defect?",
         "answer": f"The {kind} is in the {main['position']} of the image.", "regions": [main["id"]]},
        {"level": 4, "task": "description", "form": "open", "question": "What does the defect look like?",
         "answer": f"A {size_words(main['bbox'])} {shape_words(main['bbox'])} {kind} mark."},
        {"level": 5, "task": "analysis", "form": "open",
         "question": "What is the likely cause and impact of the defect?",
         "answer": f"Likely {cause}; {impact}."},
    ]


def generic_description(category, regions):
    """Stage-1 language-model text: what the image shows, without the question format."""
    surface = surface_name(category)
    if not regions:
        return f"a {surface} surface with no visible defect."
    parts = [f"a {size_words(r['bbox'])} {r['type']} in the {r['position']}" for r in regions[:3]]
    return f"a {surface} surface showing " + ", ".join(parts) + "."
