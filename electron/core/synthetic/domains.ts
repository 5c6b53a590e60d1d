import type { DefectType } from './defects/defect';
import { renderFabric } from './surfaces/fabric';
import { renderMetal } from './surfaces/metal';
import { renderPcb } from './surfaces/pcb';
import { renderScrew } from './surfaces/screw';
import { renderStone } from './surfaces/stone';
import { renderWood } from './surfaces/wood';
import type { SurfaceRenderer } from './surfaces/surface';

export type DomainSpec = {
  /** The taxonomy domain the category belongs to (metal, textile, electronics…). */
  domain: string;
  render: SurfaceRenderer;
  /** Defects that make sense on this surface; `missing` only where there is a layer to lose. */
  defects: readonly DefectType[];
};

/** Keyed by the category name, which is also the dataset's category folder. */
export const DOMAINS = {
  brushed_metal: {
    domain: 'metal',
    render: renderMetal,
    defects: ['scratch', 'crack', 'stain', 'hole', 'contamination'],
  },
  woven_fabric: {
    domain: 'textile',
    render: renderFabric,
    defects: ['stain', 'hole', 'missing', 'contamination'],
  },
  pcb: {
    domain: 'electronics',
    render: renderPcb,
    defects: ['missing', 'scratch', 'contamination', 'stain'],
  },
  wood: { domain: 'wood', render: renderWood, defects: ['crack', 'stain', 'hole', 'scratch'] },
  stone: { domain: 'stone', render: renderStone, defects: ['crack', 'stain', 'hole', 'contamination'] },
  screw_head: {
    domain: 'consumer products',
    render: renderScrew,
    defects: ['scratch', 'missing', 'hole', 'stain', 'contamination'],
  },
} as const satisfies Record<string, DomainSpec>;

export type DomainName = keyof typeof DOMAINS;
export const DOMAIN_NAMES = Object.keys(DOMAINS) as DomainName[];
