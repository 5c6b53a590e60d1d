/**
 * What an inspector knows about each defect type: a readable name, the usual cause, what it
 * does to the part, how bad it is and what to do. Covers the types of the three public datasets
 * the product is developed on (BSData, DeepPCB, NEU-DET); any other type gets the generic entry.
 */

export type Severity = 'low' | 'medium' | 'high';

export type DefectKnowledge = {
  /** How a sentence names the type ("open circuit" for `open`). */
  name: string;
  domain: 'metal' | 'electronics' | 'any';
  cause: string;
  impact: string;
  severity: Severity;
  action: string;
};

const table: Record<string, DefectKnowledge> = {
  pitting: {
    name: 'pitting',
    domain: 'metal',
    cause:
      'surface fatigue from repeated rolling contact, often worsened by poor lubrication or contamination',
    impact:
      'it roughens the raceway, raises friction and vibration, and grows until the drive loses precision',
    severity: 'high',
    action: 'replace or regrind the ball screw and check its lubrication and sealing',
  },
  open: {
    name: 'open circuit',
    domain: 'electronics',
    cause: 'over-etching or a break in the copper trace during patterning',
    impact: 'the trace no longer conducts, so the circuit does not work',
    severity: 'high',
    action: 'reject the board, or repair the trace and verify continuity',
  },
  short: {
    name: 'short circuit',
    domain: 'electronics',
    cause: 'under-etching or copper residue bridging two conductors',
    impact: 'two nets are connected that should not be, which can damage components at power-up',
    severity: 'high',
    action: 'reject the board, or remove the bridge and run an electrical test',
  },
  mousebite: {
    name: 'mouse bite',
    domain: 'electronics',
    cause: 'uneven etching that eats notches into the edge of a trace',
    impact: 'the trace is narrower there, which raises its resistance and weakens it under current',
    severity: 'medium',
    action: 'check the trace width against the design rule and adjust the etching process',
  },
  spur: {
    name: 'spur',
    domain: 'electronics',
    cause: 'incomplete etching that leaves a copper protrusion on a trace edge',
    impact: 'the protrusion reduces the clearance to the neighbouring trace and may cause a short later',
    severity: 'medium',
    action: 'verify the clearance and tune the exposure and etching steps',
  },
  copper: {
    name: 'spurious copper',
    domain: 'electronics',
    cause: 'copper left behind where the etch should have removed it',
    impact: 'stray copper can bridge conductors or change the board impedance',
    severity: 'medium',
    action: 'remove the residue and inspect the etching bath and resist',
  },
  'pin-hole': {
    name: 'pin hole',
    domain: 'electronics',
    cause: 'a void in the copper plating or the resist, often from dust or trapped gas',
    impact: 'the copper is thinner there and may crack or corrode over time',
    severity: 'medium',
    action: 'inspect the plating quality and clean the process environment',
  },
  crazing: {
    name: 'crazing',
    domain: 'metal',
    cause: 'thermal stress during rolling and cooling that opens a network of fine cracks',
    impact: 'the cracks weaken the surface and can spread under load or corrosion',
    severity: 'medium',
    action: 'review the rolling temperature and cooling rate and downgrade the affected strip',
  },
  inclusion: {
    name: 'inclusion',
    domain: 'metal',
    cause: 'non-metallic particles such as slag or oxides trapped in the steel during casting',
    impact: 'the particle is a weak spot where cracks can start under stress',
    severity: 'high',
    action: 'trace the heat back to casting and improve slag removal',
  },
  patches: {
    name: 'patches',
    domain: 'metal',
    cause: 'uneven oxidation or contamination of the strip surface',
    impact: 'mostly cosmetic, but it can hurt coating adhesion',
    severity: 'low',
    action: 'clean or pickle the surface before coating and check the descaling',
  },
  pitted_surface: {
    name: 'pitted surface',
    domain: 'metal',
    cause: 'local corrosion or scale pressed out of the surface during rolling',
    impact: 'pits reduce the surface quality and can start corrosion',
    severity: 'medium',
    action: 'check the descaling and the roll surfaces and grind out shallow pits',
  },
  'rolled-in_scale': {
    name: 'rolled-in scale',
    domain: 'metal',
    cause: 'oxide scale that was not removed before rolling and got pressed into the surface',
    impact: 'the scale flakes off later, leaving a rough surface and poor coating adhesion',
    severity: 'medium',
    action: 'improve descaling before the rolling stands',
  },
  scratches: {
    name: 'scratches',
    domain: 'metal',
    cause: 'hard particles or damaged rolls and guides dragging across the surface',
    impact: 'scratches spoil the finish and can start corrosion or cracks',
    severity: 'low',
    action: 'inspect the rolls and guides for damage or debris',
  },
};

export const GENERIC_KNOWLEDGE: DefectKnowledge = {
  name: 'defect',
  domain: 'any',
  cause: 'a process deviation during manufacturing or handling',
  impact: 'it may reduce the function or appearance of the part',
  severity: 'medium',
  action: 'inspect the part by hand and trace the cause back in the process',
};

/** The entry for a type name (case and separators aside), or the generic one with the name kept. */
export function knowledgeOf(type: string | null): DefectKnowledge {
  if (type === null) return GENERIC_KNOWLEDGE;
  const key = type.trim().toLowerCase().replace(/\s+/g, '_');
  const known = table[key] ?? table[key.replace(/_/g, '-')];
  return known ?? { ...GENERIC_KNOWLEDGE, name: displayName(type) };
}

/** "rolled-in_scale" → "rolled-in scale": a type name as a sentence shows it. */
export function displayName(type: string): string {
  const known = table[type.trim().toLowerCase()];
  return known ? known.name : type.trim().replace(/_/g, ' ');
}

/** Every type the table knows, for distractors when a taxonomy has too few of its own. */
export function knownTypes(domain: string | null): string[] {
  const all = Object.entries(table);
  const same = all.filter(([, k]) => k.domain === domain).map(([name]) => name);
  return [...same, ...all.map(([name]) => name).filter((name) => !same.includes(name))];
}

export function raiseSeverity(severity: Severity): Severity {
  return severity === 'low' ? 'medium' : 'high';
}
