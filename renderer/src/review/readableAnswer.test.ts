import { describe, expect, it } from 'vitest';
import { readableAnswer, withPredictionIds } from './readableAnswer';

describe('model answers as people write them', () => {
  it('closes up punctuation and brackets and capitalises sentences', () => {
    expect(readableAnswer('no . the ball screw looks normal ; no defect is visible .')).toBe(
      'No. The ball screw looks normal; no defect is visible.',
    );
    expect(readableAnswer('r1 ( pitting ) in the center , 12 px wide ! why ? unclear')).toBe(
      'r1 (pitting) in the center, 12 px wide! Why? Unclear',
    );
    expect(readableAnswer('rust . r12 ( scratches ) . a pit')).toBe('Rust. r12 (scratches). A pit');
    expect(readableAnswer('Already tidy, (really).')).toBe('Already tidy, (really).');
    expect(readableAnswer('yes . the pcb shows 2 regions ; pcbs like it , the pcb.')).toBe(
      'Yes. The PCB shows 2 regions; PCBs like it, the PCB.',
    );
  });

  it('joins the words a hyphen joins, as the tokenizer spells it apart', () => {
    expect(readableAnswer('a non - metallic particle ; r1 ( rolled - in scale ) .')).toBe(
      'A non-metallic particle; r1 (rolled-in scale).',
    );
    expect(readableAnswer('under - etching and over - ')).toBe('Under-etching and over-');
  });

  it('tidies every part of a streaming answer to the tidied whole, up to the word being written', () => {
    for (const whole of [
      'yes . the pcb shows 2 defective regions : r1 ( open ) , r2 ( short ) .',
      'there is 1 defect . r1 ( pitting ) in the center .',
      'likely cause of the inclusion : non - metallic particles , rolled - in .',
    ]) {
      const tidy = readableAnswer(whole);
      for (let end = 0; end <= whole.length; end++) {
        const part = readableAnswer(whole.slice(0, end));
        // "r" may show as "R" until its digit arrives: only the last, unfinished word may differ
        const settled = part.replace(/\S+$/, '');
        expect(tidy.startsWith(settled), JSON.stringify(whole.slice(0, end))).toBe(true);
        expect(part.length).toBeLessThanOrEqual(tidy.length);
      }
    }
  });

  it("names the model's regions as the region list does (p1, p2), leaving other words alone", () => {
    expect(
      withPredictionIds('There are 2 defects: r1 (open circuit) in the center; and r12 (spur) in the rear.'),
    ).toBe('There are 2 defects: p1 (open circuit) in the center; and p12 (spur) in the rear.');
    expect(withPredictionIds('r2d2 r 1 rust')).toBe('r2d2 r 1 rust');
  });
});
