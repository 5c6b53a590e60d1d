export type Scope = 'global' | 'folders' | 'browser' | 'viewer' | 'review' | 'history' | 'dialog';

export type Binding = {
  action: string;
  /** Chords as produced by chordOf: 'd', 'ArrowRight', 'Ctrl+0', 'Shift+Tab', 'F1', '?'. */
  keys: string[];
  label: string;
  scope: Scope;
  /** Only while focus is on no control, so Tab still walks the buttons once one has focus. */
  focusFree?: boolean;
};

/** Pointer gestures, listed on the shortcut sheet next to the keys they complement. */
export type Gesture = { gesture: string; label: string; scope: Scope };

const b = (scope: Scope, action: string, keys: string[], label: string, focusFree?: boolean): Binding =>
  focusFree ? { scope, action, keys, label, focusFree } : { scope, action, keys, label };

const typeKeys = Array.from({ length: 9 }, (_, i) =>
  b(
    'viewer',
    `type${i + 1}`,
    [String(i + 1)],
    `Defect type ${i + 1} for the selected region (or the next drawn)`,
  ),
);

/** The one table of keys as shipped: the dispatcher, the shortcut sheet and the settings all read it. */
export const defaultKeymap: Binding[] = [
  b('global', 'help', ['F1', '?'], 'Show this sheet of shortcuts'),
  b('global', 'jobs', ['j'], 'Show or hide the jobs panel'),
  b('global', 'settings', ['Ctrl+,'], 'Change the keys (settings)'),
  b('dialog', 'close', ['Escape'], 'Close the dialog'),

  b('folders', 'up', ['ArrowUp'], 'Previous folder'),
  b('folders', 'down', ['ArrowDown'], 'Next folder'),
  b('folders', 'enter', ['Enter', 'ArrowRight'], 'Go into the folder (opens a project folder)'),
  b('folders', 'parent', ['Backspace', 'ArrowLeft'], 'Go to the parent folder'),

  b('browser', 'import', ['i'], 'Import images…'),
  b('browser', 'review', ['r'], 'Review: walk the review queue (unreviewed first)'),
  b('browser', 'evaluate', ['e'], 'Evaluate model packs (ROC, PR, threshold trade-off, compare two)'),
  b('browser', 'models', ['m'], 'Model packs: add, remove, run inference…'),
  b('browser', 'finetune', ['f'], 'Fine-tune MAU-GPT on the labels (new pack, compared with its base)'),
  b('browser', 'export', ['x'], 'Export the labels: COCO, YOLO, LabelMe, MVTec AD, MAU-Set, MMAD'),
  b('browser', 'search', ['/'], 'Search file paths'),
  b('browser', 'left', ['ArrowLeft'], 'Select the previous image'),
  b('browser', 'right', ['ArrowRight'], 'Select the next image'),
  b('browser', 'up', ['ArrowUp'], 'Select the image above'),
  b('browser', 'down', ['ArrowDown'], 'Select the image below'),
  b('browser', 'pageUp', ['PageUp'], 'One screen up'),
  b('browser', 'pageDown', ['PageDown'], 'One screen down'),
  b('browser', 'first', ['Home'], 'First image'),
  b('browser', 'last', ['End'], 'Last image'),
  b('browser', 'open', ['Enter'], 'Open the selected image', true),

  b('viewer', 'next', ['d', 'ArrowRight'], 'Next image (in the filter or queue order)'),
  b('viewer', 'previous', ['a', 'ArrowLeft'], 'Previous image'),
  b('viewer', 'back', ['Escape'], 'Cancel the drawing, clear the selection, then back to the grid'),
  b('viewer', 'verdictOk', ['o'], 'Verdict OK'),
  b('viewer', 'verdictNg', ['n'], 'Verdict NG'),
  b('viewer', 'verdictUnsure', ['u'], 'Verdict unsure'),
  b('viewer', 'nextRegion', ['Tab'], 'Select the next region', true),
  b('viewer', 'previousRegion', ['Shift+Tab'], 'Select the previous region', true),
  b('viewer', 'confirm', ['c'], 'Confirm the selected prediction'),
  b('viewer', 'falsePositive', ['x'], 'Mark the selected prediction a false positive'),
  ...typeKeys,
  b('viewer', 'typePicker', ['t'], 'Choose the defect type from a list'),
  b('viewer', 'missed', ['m'], 'Add a defect the model missed (draw it next)'),
  b('viewer', 'toolSelect', ['v'], 'Select, move, resize; edit polygon points'),
  b('viewer', 'toolBox', ['r'], 'Draw a box'),
  b('viewer', 'toolPolygon', ['p'], 'Draw a polygon'),
  b('viewer', 'toolBrush', ['b'], 'Paint a mask (brush)'),
  b('viewer', 'toolEraser', ['e'], 'Erase from the selected mask'),
  b('viewer', 'brushSmaller', ['['], 'Smaller brush'),
  b('viewer', 'brushLarger', [']'], 'Larger brush'),
  b('viewer', 'finish', ['Enter'], 'Close the polygon being drawn', true),
  b('viewer', 'delete', ['Delete', 'Backspace'], 'Delete the selected region (or polygon point)'),
  b('viewer', 'undo', ['Ctrl+z'], 'Undo (per image, kept across restarts)'),
  b('viewer', 'redo', ['Ctrl+Shift+z', 'Ctrl+y'], 'Redo'),
  b('viewer', 'history', ['y'], 'Show or hide the history of this image'),
  b('viewer', 'strip', ['q'], 'Show or hide the strip of images in this queue or filter'),
  b('viewer', 'describe', ['w'], 'Write the description (L4); Ctrl+Enter saves'),
  b('viewer', 'answers', ['g'], "Read MAU-GPT's answers: Tab walks the levels, each lights its regions"),
  b('viewer', 'save', ['Ctrl+s'], 'Save (everything is saved as you go)'),
  b('viewer', 'heatmap', ['h'], 'Show or hide the heatmap'),
  b('viewer', 'labels', ['l'], 'Show or hide the labels'),
  b('viewer', 'fit', ['f'], 'Fit the image to the view'),
  b('viewer', 'actual', ['Ctrl+0'], 'Actual pixels (100 %)'),
  b('viewer', 'zoomIn', ['+', '='], 'Zoom in'),
  b('viewer', 'zoomOut', ['-'], 'Zoom out'),
  b('viewer', 'frameRegion', ['z'], 'Zoom to the selected region'),
  b('viewer', 'moveLeft', ['Shift+ArrowLeft'], 'Move the selected region 1 px left (V)'),
  b('viewer', 'moveRight', ['Shift+ArrowRight'], 'Move the selected region 1 px right (V)'),
  b('viewer', 'moveUp', ['Shift+ArrowUp'], 'Move the selected region 1 px up (V)'),
  b('viewer', 'moveDown', ['Shift+ArrowDown'], 'Move the selected region 1 px down (V)'),
  b('viewer', 'narrower', ['Ctrl+ArrowLeft'], 'Resize the selected region: 1 px narrower (V)'),
  b('viewer', 'wider', ['Ctrl+ArrowRight'], 'Resize the selected region: 1 px wider (V)'),
  b('viewer', 'shorter', ['Ctrl+ArrowUp'], 'Resize the selected region: 1 px shorter (V)'),
  b('viewer', 'taller', ['Ctrl+ArrowDown'], 'Resize the selected region: 1 px taller (V)'),

  b('review', 'nextUnreviewed', ['Shift+d'], 'Next unreviewed image in the queue'),

  b('history', 'up', ['ArrowUp'], 'Newer revision'),
  b('history', 'down', ['ArrowDown'], 'Older revision'),
  b('history', 'restore', ['Enter'], 'Restore the image to this revision'),
];

export const gestures: Gesture[] = [
  { gesture: 'Double-click', label: 'Open an image', scope: 'browser' },
  { gesture: 'Wheel', label: 'Zoom at the cursor', scope: 'viewer' },
  { gesture: 'Space + drag', label: 'Pan', scope: 'viewer' },
  { gesture: 'Middle drag', label: 'Pan', scope: 'viewer' },
  { gesture: 'Right drag', label: 'Window / level (16-bit images)', scope: 'viewer' },
  { gesture: 'Click / drag', label: 'Select a region / move it (V)', scope: 'viewer' },
  { gesture: 'Drag a point', label: 'Move a polygon point (V)', scope: 'viewer' },
  { gesture: 'Double-click an edge', label: 'Add a polygon point (V)', scope: 'viewer' },
  { gesture: 'Alt + click a point', label: 'Remove a polygon point (V)', scope: 'viewer' },
  { gesture: 'Drag a handle', label: 'Resize the selected box or mask (V)', scope: 'viewer' },
];

export const scopeTitle: Record<Scope, string> = {
  global: 'Everywhere',
  dialog: 'Dialogs',
  folders: 'Folder lists (project picker, import)',
  browser: 'Dataset browser',
  viewer: 'Image view and review',
  review: 'Review queue',
  history: 'History panel (when focused)',
};

/** Scopes whose keys are live at the same time, so one chord in both would be ambiguous. */
export function scopesOverlap(a: Scope, b: Scope): boolean {
  if (a === b) return true;
  if (a === 'global' || b === 'global') return true;
  const pair = [a, b].sort().join(' ');
  return pair === 'review viewer';
}
