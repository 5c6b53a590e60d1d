import { describe, expect, it } from 'vitest';
import { buildQa, displayName, type QaItem, type QaSample } from '../../../electron/core/mauset-qa';
import { QaRecord } from '../../../electron/core/exchange/mauset/record-schema';

const DATASET_TYPES = [
  'pitting',
  'open',
  'short',
  'mousebite',
  'spur',
  'copper',
  'pin-hole',
  'crazing',
  'inclusion',
  'patches',
  'pitted_surface',
  'rolled-in_scale',
  'scratches',
];

function ngSample(id: string, type: string, extra: Partial<QaSample> = {}): QaSample {
  return {
    id,
    verdict: 'NG',
    category: 'steel_surface',
    domain: 'metal',
    imageTypes: [type],
    regions: [
      {
        id: 'r1',
        type,
        areaPct: 0.05,
        bbox: [10, 10, 40, 4],
        fillRatio: 1,
        position: 'upper left',
        brightness: { region: 40, surround: 120 },
      },
      {
        id: 'r2',
        type,
        areaPct: 12,
        bbox: [100, 100, 60, 50],
        fillRatio: 0.3,
        position: 'lower right',
        brightness: null,
      },
    ],
    taxonomyTypes: ['crazing', 'inclusion', 'patches'],
    ...extra,
  };
}

const okSample: QaSample = {
  id: 'deeppcb/0001_temp',
  verdict: 'OK',
  category: 'pcb',
  domain: 'electronics',
  imageTypes: [],
  regions: [],
  taxonomyTypes: ['open', 'short', 'spur'],
};

const correct = (qa: QaItem) => qa.options?.[qa.answer as 'A'];

describe('questions for one sample', () => {
  it('asks every level closed and open, in the record schema', () => {
    const qa = buildQa(ngSample('neu-det/crazing_1', 'crazing'));
    expect(qa.map((q) => `${q.level}${q.form}`)).toEqual([
      '1closed',
      '1open',
      '2closed',
      '2open',
      '3closed',
      '3open',
      '4closed',
      '4open',
      '5closed',
      '5open',
    ]);
    for (const item of qa) expect(QaRecord.safeParse(item).success, JSON.stringify(item)).toBe(true);
  });

  it('gives the same questions, options and order for the same sample, and varies across samples', () => {
    const sample = ngSample('neu-det/inclusion_7', 'inclusion');
    expect(buildQa(sample)).toEqual(buildQa({ ...sample }));
    const questions = new Set<string>();
    const answerLetters = new Set<string>();
    for (let i = 0; i < 40; i++) {
      for (const item of buildQa(ngSample(`neu-det/inclusion_${i}`, 'inclusion'))) {
        questions.add(item.question);
        if (item.form === 'closed') answerLetters.add(item.answer);
      }
    }
    expect(questions.size).toBeGreaterThan(20);
    expect(answerLetters).toEqual(new Set(['A', 'B', 'C', 'D']));
  });

  it('answers each level from the facts: type, position words and region ids, look, cause', () => {
    const qa = buildQa(ngSample('neu-det/scratches_3', 'scratches'));
    const [l2, l3, l4, l5] = [2, 3, 4, 5].map((level) => qa.filter((q) => q.level === level));
    expect(correct(l2![0]!)).toBe('scratches');
    // The largest region is the one a single answer is about.
    expect(correct(l3![0]!)).toBe('lower right');
    expect(l3![1]!.regions).toEqual(['r1', 'r2']);
    expect(l3![1]!.answer).toContain('r1 (scratches) in the upper left');
    expect(correct(l4![0]!)).toBe('a large, irregular mark');
    expect(l4![1]!.answer).toContain(
      'r1 (scratches) is a tiny, elongated mark, darker than its surroundings',
    );
    expect(correct(l5![0]!)).toMatch(/rolls and guides/);
    expect(l5![1]!.answer).toMatch(/Severity: medium/); // low, raised one step for a large region
  });

  it('answers an OK image as "no defect" at levels 2-5', () => {
    const qa = buildQa(okSample);
    expect(correct(qa[0]!)).toBe('No');
    for (const item of qa.filter((q) => q.level > 1 && q.form === 'closed'))
      expect(correct(item)).toMatch(/no (visible )?defect/);
    for (const item of qa.filter((q) => q.level > 1 && q.form === 'open'))
      expect(item.answer).toMatch(/no defect/i);
  });

  it('uses what a reviewer typed for L4 and L5 as the open answer', () => {
    const texts = {
      description: 'A hairline crack along the weld.',
      analysis: 'Cold weld; reject the part.',
    };
    const qa = buildQa(ngSample('x/1', 'scratches', { texts }));
    expect(qa.find((q) => q.level === 4 && q.form === 'open')!.answer).toBe(texts.description);
    expect(qa.find((q) => q.level === 5 && q.form === 'open')!.answer).toBe(texts.analysis);
  });

  it('leaves out what the facts cannot answer: an NG image without regions or type', () => {
    const qa = buildQa({ ...ngSample('x/2', 'crazing'), regions: [], imageTypes: [] });
    expect([...new Set(qa.map((q) => q.level))]).toEqual([1, 5]);
  });

  it.each(DATASET_TYPES)('knows %s: one correct option, answer never in the question', (type) => {
    for (let i = 0; i < 10; i++) {
      for (const item of buildQa(ngSample(`s/${type}_${i}`, type))) {
        expect(item.question.toLowerCase()).not.toContain(displayName(type).toLowerCase());
        if (item.form !== 'closed') continue;
        const texts = Object.values(item.options!);
        expect(texts.length).toBeGreaterThanOrEqual(2);
        expect(texts.length).toBeLessThanOrEqual(5);
        expect(texts.filter((t) => t === correct(item))).toHaveLength(1);
        expect(item.question.toLowerCase()).not.toContain(correct(item)!.toLowerCase());
      }
    }
    const analysis = buildQa(ngSample('s/k', type)).find((q) => q.level === 5 && q.form === 'open')!.answer;
    expect(analysis).not.toMatch(/process deviation/); // the generic fallback is for unknown types only
  });

  it('falls back to generic knowledge for a type it does not know', () => {
    const qa = buildQa(ngSample('custom/1', 'dent'));
    expect(correct(qa.find((q) => q.level === 2)!)).toBe('dent');
    expect(qa.find((q) => q.level === 5 && q.form === 'open')!.answer).toMatch(/process deviation/);
  });
});
