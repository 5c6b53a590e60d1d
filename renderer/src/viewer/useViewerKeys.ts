import type { RefObject } from 'react';
import { useKeys } from '../keys/useKeys';
import { useLabels } from '../stores/labelStore';
import { useOverlay } from '../stores/overlayStore';
import { useReview } from '../stores/reviewStore';
import { showInfo } from '../stores/toastStore';
import { useTool } from '../stores/toolStore';
import { useStrip } from '../stores/stripStore';
import { useUi } from '../stores/uiStore';
import { useViewer } from '../stores/viewerStore';
import { isBusy, type ToolName } from '../tools/machine';
import type { Selection } from '../tools/types';
import type { StageHandle } from './ImageStage';
import { nextUnreviewed, step } from './navigation';
import {
  toggleMissed,
  confirmSelected,
  cycleSelection,
  falsePositiveSelected,
  setType,
  setVerdict,
} from './reviewActions';
import { dispatchTool, runCommands } from './toolRunner';

const ZOOM_STEP = 1.25;

function leave(): void {
  useReview.getState().stop();
  useViewer.getState().close();
}

/** Esc peels one layer at a time: the gesture in progress, then the selection, then the view. */
function escape(): void {
  const { machine, missed, cancelMissed } = useTool.getState();
  if (isBusy(machine)) {
    dispatchTool({ type: 'key', key: 'Escape' });
    return;
  }
  if (missed) {
    cancelMissed();
    return;
  }
  if (useViewer.getState().selection) {
    useViewer.getState().select(null);
    return;
  }
  leave();
}

async function undoRedo(redo: boolean): Promise<void> {
  const labels = useLabels.getState();
  const state = labels.state;
  if (!state) return;
  if (redo ? !state.canRedo : !state.canUndo) {
    showInfo('viewer', redo ? 'Nothing to redo' : 'Nothing to undo', 'on this image');
    return;
  }
  await (redo ? labels.redo() : labels.undo());
}

const tool = (name: ToolName) => () => useTool.getState().setTool(name);

/** Arrow-key edits of the selected region (the select tool decides what they mean). */
const nudge = (dx: number, dy: number, resize: boolean) => () =>
  void dispatchTool({ type: 'nudge', dx, dy, resize });
const nudgeKeys = {
  moveLeft: nudge(-1, 0, false),
  moveRight: nudge(1, 0, false),
  moveUp: nudge(0, -1, false),
  moveDown: nudge(0, 1, false),
  narrower: nudge(-1, 0, true),
  wider: nudge(1, 0, true),
  shorter: nudge(0, -1, true),
  taller: nudge(0, 1, true),
};

/** Every key of the image view, as named in the keymap table. */
export function useViewerKeys(
  stage: RefObject<StageHandle | null>,
  frame: (selection: Selection | null) => void,
): void {
  const reviewing = useReview((s) => s.active);
  const types = Object.fromEntries(
    Array.from({ length: 9 }, (_, i) => [`type${i + 1}`, () => void setType(String(i + 1))]),
  );
  useKeys('viewer', {
    next: () => step(1),
    previous: () => step(-1),
    back: escape,
    verdictOk: () => void setVerdict('OK'),
    verdictNg: () => void setVerdict('NG'),
    verdictUnsure: () => void setVerdict('unsure'),
    nextRegion: () => cycleSelection(1),
    previousRegion: () => cycleSelection(-1),
    confirm: () => void confirmSelected(),
    falsePositive: () => void falsePositiveSelected(),
    ...types,
    typePicker: () => useUi.getState().set({ typePickerOpen: true }),
    missed: toggleMissed,
    toolSelect: tool('select'),
    toolBox: tool('box'),
    toolPolygon: tool('polygon'),
    toolBrush: tool('brush'),
    toolEraser: tool('eraser'),
    brushSmaller: () => useTool.getState().stepBrush(-1),
    brushLarger: () => useTool.getState().stepBrush(1),
    finish: () => dispatchTool({ type: 'key', key: 'Enter' }),
    delete: () => {
      // The tools take Delete first (a polygon point, a point being placed), else the selected region goes.
      const busy = useTool.getState().machine;
      const selection = useViewer.getState().selection;
      if (busy.tool === 'polygon' && isBusy(busy)) dispatchTool({ type: 'key', key: 'Backspace' });
      else if (busy.tool === 'select') dispatchTool({ type: 'key', key: 'Delete' });
      else if (selection) runCommands([{ kind: 'delete', target: selection }]);
    },
    undo: () => void undoRedo(false),
    redo: () => void undoRedo(true),
    history: () => useUi.getState().set({ historyOpen: !useUi.getState().historyOpen }),
    strip: () => useStrip.getState().toggle(),
    describe: () => document.getElementById('text-l4')?.focus(),
    answers: () => document.getElementById('answer-text-l1')?.focus(),
    save: () => showInfo('viewer', 'Nothing to save', 'Every change is saved the moment you make it.'),
    heatmap: () => useOverlay.getState().toggleHeatmap(),
    labels: () => useViewer.getState().toggleLabels(),
    fit: () => stage.current?.fit(),
    actual: () => stage.current?.actual(),
    zoomIn: () => stage.current?.zoomBy(ZOOM_STEP),
    zoomOut: () => stage.current?.zoomBy(1 / ZOOM_STEP),
    frameRegion: () => frame(useViewer.getState().selection),
    ...nudgeKeys,
  });
  useKeys('review', { nextUnreviewed: () => void nextUnreviewed() }, reviewing);
}
