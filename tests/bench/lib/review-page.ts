import type { Page } from 'playwright-core';
import type { DecisionKind, ReviewProject } from './review-project';
import { decisionTime, drawCount, watchForNextImage } from './review-probe';
import { installViewerProbe } from './viewer-probe';

export type Decision = { kind: DecisionKind; keys: number; ms: number; drawMs: number };
export type ReviewRun = { decisions: Decision[]; lastKeys: number; wrongOrder: number };

const STEP_LIMIT_MS = 30_000;

const shownSample = async (page: Page): Promise<number> =>
  Number(await page.locator('[data-testid=viewer-stage][data-loaded=true]').getAttribute('data-sample-id'));

/**
 * Opens the app (the image strip beside the canvas shown or hidden, as a person's choice is kept),
 * enters the review queue with R, and decides every predicted image with keys
 * only: C confirms, X rejects a false positive, the right type's hotkey retypes. Each decision
 * but the last (which ends the queue) is timed from its key-down to the next image ready.
 */
export async function reviewWithKeys(
  page: Page,
  url: string,
  project: ReviewProject,
  strip: boolean,
): Promise<ReviewRun> {
  await page.addInitScript(installViewerProbe);
  // No blind audits: every image shows the model's prediction (a workstation setting).
  await page.addInitScript(() =>
    localStorage.setItem('mau.review.v1', JSON.stringify({ threshold: 0.5, auditShare: 0 })),
  );
  await page.addInitScript(
    (shown) => localStorage.setItem('mau.filmstrip.v1', shown ? 'shown' : 'hidden'),
    strip,
  );
  await page.goto(url);
  await page.getByTestId('browser-screen').waitFor({ timeout: 60_000 });
  await page.keyboard.press('r');
  await page.getByTestId('review-mode').waitFor();
  const byId = new Map(project.plans.map((p) => [p.sampleId, p]));
  const done = new Set<number>();
  const decisions: Decision[] = [];
  let lastKeys = 0;
  let wrongOrder = 0;
  while (done.size < project.plans.length) {
    const id = await shownSample(page);
    const plan = byId.get(id);
    if (!plan || done.has(id))
      throw new Error(`the review queue showed sample ${id}, not an undecided predicted image`);
    await page.locator('[data-testid="prediction-item"].is-selected').waitFor({ timeout: STEP_LIMIT_MS });
    const key =
      plan.kind === 'confirm'
        ? 'c'
        : plan.kind === 'falsePositive'
          ? 'x'
          : project.hotkeys.get(plan.rightType)!;
    done.add(id);
    if (done.size === project.plans.length) {
      await page.keyboard.press(key);
      lastKeys = 1;
      break;
    }
    await page.evaluate(watchForNextImage, [id, await page.evaluate(drawCount)] as [number, number]);
    await page.keyboard.press(key);
    await page.waitForFunction(
      () => (window as { __benchReview?: { readyAt: number | null } }).__benchReview?.readyAt != null,
      undefined,
      {
        timeout: STEP_LIMIT_MS,
        polling: 100,
      },
    );
    const time = await page.evaluate(decisionTime, key);
    if (!time) throw new Error('the next image was ready, but its time was not recorded');
    decisions.push({ kind: plan.kind, keys: 1, ...time });
    if (byId.get(await shownSample(page)) === undefined) wrongOrder += 1;
  }
  return { decisions, lastKeys, wrongOrder };
}
