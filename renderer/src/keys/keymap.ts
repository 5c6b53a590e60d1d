export type Scope = 'global' | 'folders' | 'browser' | 'viewer' | 'dialog';

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

/** The one table of keys: the dispatcher and the shortcut sheet both read it. */
export const keymap: Binding[] = [
  { action: 'help', keys: ['F1', '?'], label: 'Show this sheet of shortcuts', scope: 'global' },
  { action: 'jobs', keys: ['j'], label: 'Show or hide the jobs panel', scope: 'global' },
  { action: 'close', keys: ['Escape'], label: 'Close the dialog', scope: 'dialog' },

  { action: 'up', keys: ['ArrowUp'], label: 'Previous folder', scope: 'folders' },
  { action: 'down', keys: ['ArrowDown'], label: 'Next folder', scope: 'folders' },
  {
    action: 'enter',
    keys: ['Enter', 'ArrowRight'],
    label: 'Go into the folder (opens a project folder)',
    scope: 'folders',
  },
  { action: 'parent', keys: ['Backspace', 'ArrowLeft'], label: 'Go to the parent folder', scope: 'folders' },

  { action: 'import', keys: ['i'], label: 'Import images…', scope: 'browser' },
  { action: 'search', keys: ['/'], label: 'Search file paths', scope: 'browser' },
  { action: 'left', keys: ['ArrowLeft'], label: 'Select the previous image', scope: 'browser' },
  { action: 'right', keys: ['ArrowRight'], label: 'Select the next image', scope: 'browser' },
  { action: 'up', keys: ['ArrowUp'], label: 'Select the image above', scope: 'browser' },
  { action: 'down', keys: ['ArrowDown'], label: 'Select the image below', scope: 'browser' },
  { action: 'pageUp', keys: ['PageUp'], label: 'One screen up', scope: 'browser' },
  { action: 'pageDown', keys: ['PageDown'], label: 'One screen down', scope: 'browser' },
  { action: 'first', keys: ['Home'], label: 'First image', scope: 'browser' },
  { action: 'last', keys: ['End'], label: 'Last image', scope: 'browser' },
  { action: 'open', keys: ['Enter'], label: 'Open the selected image', scope: 'browser', focusFree: true },

  { action: 'next', keys: ['d', 'ArrowRight'], label: 'Next image (in the filter order)', scope: 'viewer' },
  { action: 'previous', keys: ['a', 'ArrowLeft'], label: 'Previous image', scope: 'viewer' },
  { action: 'back', keys: ['Escape'], label: 'Back to the grid', scope: 'viewer' },
  { action: 'fit', keys: ['f'], label: 'Fit the image to the view', scope: 'viewer' },
  { action: 'actual', keys: ['Ctrl+0', '1'], label: 'Actual pixels (100 %)', scope: 'viewer' },
  { action: 'zoomIn', keys: ['+', '='], label: 'Zoom in', scope: 'viewer' },
  { action: 'zoomOut', keys: ['-'], label: 'Zoom out', scope: 'viewer' },
  { action: 'labels', keys: ['l'], label: 'Show or hide the labels', scope: 'viewer' },
  { action: 'nextRegion', keys: ['Tab'], label: 'Select the next region', scope: 'viewer', focusFree: true },
  {
    action: 'previousRegion',
    keys: ['Shift+Tab'],
    label: 'Select the previous region',
    scope: 'viewer',
    focusFree: true,
  },
  { action: 'frameRegion', keys: ['z'], label: 'Zoom to the selected region', scope: 'viewer' },
];

export const gestures: Gesture[] = [
  { gesture: 'Double-click', label: 'Open an image', scope: 'browser' },
  { gesture: 'Wheel', label: 'Zoom at the cursor', scope: 'viewer' },
  { gesture: 'Space + drag', label: 'Pan', scope: 'viewer' },
  { gesture: 'Middle drag', label: 'Pan', scope: 'viewer' },
  { gesture: 'Right drag', label: 'Window / level (16-bit images)', scope: 'viewer' },
];

export const scopeTitle: Record<Scope, string> = {
  global: 'Everywhere',
  dialog: 'Dialogs',
  folders: 'Folder lists (project picker, import)',
  browser: 'Dataset browser',
  viewer: 'Image view',
};
