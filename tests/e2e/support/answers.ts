import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterPaint } from './browser';
import { stage } from './viewer';

export type TokenPacer = {
  /** The `inference:token` events delivered to the page for this image so far. */
  delivered(sampleId: number): number;
};

/**
 * Sits between the page and the server's event socket (install before `goto`) and delivers the
 * `inference:token` events at most one per `gapMs`, as a slow model would stream them; every other
 * event keeps its place in the order. The tiny test pack generates faster than a person could see.
 */
export async function paceTokens(page: Page, gapMs: number): Promise<TokenPacer> {
  const counts = new Map<number, number>();
  await page.routeWebSocket(/\/events/, (socket) => {
    const server = socket.connectToServer();
    let chain = Promise.resolve();
    server.onMessage((message) => {
      const text = typeof message === 'string' ? message : message.toString('utf8');
      chain = chain.then(async () => {
        const event = JSON.parse(text) as { event?: string; payload?: { sampleId?: number } };
        if (event.event === 'inference:token') {
          await new Promise((r) => setTimeout(r, gapMs));
          const id = event.payload?.sampleId ?? -1;
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        socket.send(text);
      });
    });
  });
  return { delivered: (sampleId) => counts.get(sampleId) ?? 0 };
}

export type AnswersSnapshot = { streaming: boolean; texts: string[] };

/** Records every state of the answers panel the page renders, from now on, in the page itself. */
export async function recordAnswers(page: Page): Promise<() => Promise<AnswersSnapshot[]>> {
  await page.evaluate(() => {
    const seen: { streaming: boolean; texts: string[] }[] = [];
    (window as unknown as { answerSnapshots: typeof seen }).answerSnapshots = seen;
    const take = () => {
      const section = document.querySelector('[data-testid=model-answers]');
      if (!section) return;
      const texts = [1, 2, 3, 4, 5].map(
        (level) => section.querySelector(`[data-testid=answer-l${level}-text]`)?.textContent ?? '',
      );
      seen.push({ streaming: section.getAttribute('data-streaming') === 'true', texts });
    };
    new MutationObserver(take).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-streaming'],
    });
  });
  return () =>
    page.evaluate(() => (window as unknown as { answerSnapshots: AnswersSnapshot[] }).answerSnapshots);
}

export type Raw = { data: Buffer; width: number; height: number; channels: number };

export async function rawShot(element: Locator): Promise<Raw> {
  const png = await element.screenshot({ scale: 'css' });
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

export type Box = { x0: number; y0: number; x1: number; y1: number };

/** The pixels that differ by more than `tolerance` (sum of channel differences) between two shots. */
export function changedPixels(a: Raw, b: Raw, tolerance = 24): { count: number; box: Box | null } {
  if (a.width !== b.width || a.height !== b.height) throw new Error('shots of different sizes');
  let count = 0;
  let box: Box | null = null;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const o = (y * a.width + x) * a.channels;
      const diff =
        Math.abs(a.data[o]! - b.data[o]!) +
        Math.abs(a.data[o + 1]! - b.data[o + 1]!) +
        Math.abs(a.data[o + 2]! - b.data[o + 2]!);
      if (diff <= tolerance) continue;
      count++;
      box = box
        ? {
            x0: Math.min(box.x0, x),
            y0: Math.min(box.y0, y),
            x1: Math.max(box.x1, x),
            y1: Math.max(box.y1, y),
          }
        : { x0: x, y0: y, x1: x, y1: y };
    }
  }
  return { count, box };
}

/**
 * Share of the stage's pixels the heatmap tints: the stage shot with the map, then without it
 * (H), then H again to leave the view as it was. The cursor is moved away first.
 */
export async function heatmapShare(page: Page): Promise<number> {
  await page.mouse.move(1, 1);
  await afterPaint(page);
  const withMap = await rawShot(stage(page));
  await page.keyboard.press('h');
  await afterPaint(page);
  const withoutMap = await rawShot(stage(page));
  await page.keyboard.press('h');
  return changedPixels(withMap, withoutMap).count / (withMap.width * withMap.height);
}
