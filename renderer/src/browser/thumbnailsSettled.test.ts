import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { thumbnailStarted, whenThumbnailsSettled } from './thumbnailsSettled';

describe('the facet counts wait for the first screen of thumbnails', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // Node has no frames: one "frame" is the next timer tick here.
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => setTimeout(run, 0));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('waits until the last thumbnail on screen has arrived', async () => {
    const first = thumbnailStarted();
    const second = thumbnailStarted();
    let settled = false;
    void whenThumbnailsSettled(1500).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(10);
    first();
    first(); // a load and an unmount of the same tile count once
    await vi.advanceTimersByTimeAsync(10);
    expect(settled).toBe(false);
    second();
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);
  });

  it('goes ahead after the time limit when thumbnails never arrive', async () => {
    const stuck = thumbnailStarted();
    let settled = false;
    void whenThumbnailsSettled(1500).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(1499);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    stuck();
  });

  it('goes ahead at the next frame when no grid is loading anything', async () => {
    let settled = false;
    void whenThumbnailsSettled(1500).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
  });
});
