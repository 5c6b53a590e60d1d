import { create } from 'zustand';
import type { Shape } from '../../../electron/contract';
import { initialMachine, type Machine, type ToolName } from '../tools/machine';
import type { Selection } from '../tools/types';

/** Brush diameters in image pixels, stepped by [ and ]. */
export const BRUSH_SIZES = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128];

type ToolStore = {
  tool: ToolName;
  machine: Machine;
  brushSize: number;
  /** Defect type for the next region drawn (1–9 with nothing selected sets it). */
  drawType: string | null;
  /** The next region drawn is a defect the model missed. */
  missed: boolean;
  /** The tool that arming "missed" switched away from, given back when it is cancelled. */
  missedFrom: ToolName | null;
  /** A shape sent to the store and not yet acknowledged: shown in place of the stored one. */
  pending: { target: Selection | null; shape: Shape } | null;
  setTool(tool: ToolName): void;
  setMachine(machine: Machine): void;
  stepBrush(delta: number): void;
  set(patch: Partial<Pick<ToolStore, 'drawType' | 'missed' | 'pending'>>): void;
  /** Arms "missed", taking the box tool unless a drawing tool is already in hand. */
  armMissed(): void;
  /** Cancels "missed" without a region drawn: the tool in hand before it comes back. */
  cancelMissed(): void;
};

const DRAWS_REGIONS: ReadonlySet<ToolName> = new Set(['box', 'polygon', 'brush']);

export const useTool = create<ToolStore>((set, get) => ({
  tool: 'select',
  machine: initialMachine('select'),
  brushSize: 8,
  drawType: null,
  missed: false,
  missedFrom: null,
  pending: null,
  setTool(tool) {
    if (tool === get().tool && get().machine.state.kind === 'idle') return;
    set({ tool, machine: initialMachine(tool) });
  },
  setMachine(machine) {
    set({ machine });
  },
  stepBrush(delta) {
    const at = BRUSH_SIZES.indexOf(get().brushSize);
    const next = BRUSH_SIZES[Math.max(0, Math.min(BRUSH_SIZES.length - 1, (at < 0 ? 5 : at) + delta))];
    if (next) set({ brushSize: next });
  },
  set: (patch) => set({ ...patch, ...(patch.missed === false ? { missedFrom: null } : {}) }),
  armMissed() {
    const { tool, missed } = get();
    if (missed) return;
    if (DRAWS_REGIONS.has(tool)) set({ missed: true, missedFrom: null });
    else set({ missed: true, missedFrom: tool, tool: 'box', machine: initialMachine('box') });
  },
  cancelMissed() {
    const { tool, missedFrom } = get();
    set({ missed: false, missedFrom: null });
    // A tool chosen since arming is the person's choice and stays.
    if (missedFrom && tool === 'box') set({ tool: missedFrom, machine: initialMachine(missedFrom) });
  },
}));
