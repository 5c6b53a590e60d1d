import { useEffect, useRef, type RefObject } from 'react';

export type StageInput = {
  /** Screen point inside the stage box; null when the pointer leaves. */
  hover(point: { x: number; y: number } | null): void;
  zoom(factorDeltaY: number, deltaMode: number, x: number, y: number): void;
  pan(dx: number, dy: number): void;
  /** Right-drag, for window/level; absent when the image has no window to set. */
  windowDrag?(dx: number, dy: number): void;
  /**
   * Left-button gestures for the active tool (screen point in the stage box). A 'down' answered
   * false is not the tool's (a transformer handle took it), so the pointer is not captured.
   */
  tool?(
    type: 'down' | 'move' | 'up' | 'dblclick',
    point: { x: number; y: number },
    event: MouseEvent,
  ): boolean;
};

type Mode = 'none' | 'pan' | 'window' | 'tool';

function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Native listeners on the stage box: wheel zoom, space-drag / middle-drag pan, right-drag window.
 * They call straight into the camera; React is not involved between pointer events and pixels.
 */
export function useStageInput(box: RefObject<HTMLDivElement | null>, input: StageInput): void {
  const latest = useRef(input);
  useEffect(() => {
    latest.current = input;
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let mode: Mode = 'none';
    let space = false;
    let last = { x: 0, y: 0 };
    const local = (e: MouseEvent) => {
      const r = el.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const setCursor = () => el.classList.toggle('is-grab', space || mode === 'pan');

    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const p = local(e);
      latest.current.zoom(e.deltaY, e.deltaMode, p.x, p.y);
    };
    const onDown = (e: PointerEvent) => {
      if (e.button === 1 || (e.button === 0 && space)) mode = 'pan';
      else if (e.button === 2 && latest.current.windowDrag) mode = 'window';
      else if (e.button === 0 && latest.current.tool?.('down', local(e), e)) mode = 'tool';
      else return;
      e.preventDefault();
      el.setPointerCapture(e.pointerId);
      last = { x: e.clientX, y: e.clientY };
      setCursor();
    };
    const onMove = (e: PointerEvent) => {
      const dx = e.clientX - last.x;
      const dy = e.clientY - last.y;
      last = { x: e.clientX, y: e.clientY };
      if (mode === 'pan') latest.current.pan(dx, dy);
      if (mode === 'window') latest.current.windowDrag?.(dx, dy);
      if (mode === 'tool' || mode === 'none') latest.current.tool?.('move', local(e), e);
      latest.current.hover(local(e));
    };
    const onUp = (e: PointerEvent) => {
      if (mode === 'none') return;
      if (mode === 'tool') latest.current.tool?.('up', local(e), e);
      mode = 'none';
      if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
      setCursor();
    };
    const onLeave = () => mode === 'none' && latest.current.hover(null);
    // Middle-click would start the browser's autoscroll, right-click its menu.
    const onMouseDown = (e: MouseEvent) => e.button === 1 && e.preventDefault();
    const onMenu = (e: MouseEvent) => e.preventDefault();
    const onDouble = (e: MouseEvent) =>
      e.button === 0 && !space && latest.current.tool?.('dblclick', local(e), e);
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' || typingIn(e.target) || e.target instanceof HTMLButtonElement) return;
      e.preventDefault();
      space = e.type === 'keydown';
      setCursor();
    };

    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
    el.addEventListener('pointerleave', onLeave);
    el.addEventListener('mousedown', onMouseDown);
    el.addEventListener('contextmenu', onMenu);
    el.addEventListener('dblclick', onDouble);
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKey);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
      el.removeEventListener('pointerleave', onLeave);
      el.removeEventListener('mousedown', onMouseDown);
      el.removeEventListener('contextmenu', onMenu);
      el.removeEventListener('dblclick', onDouble);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKey);
    };
  }, [box]);
}
