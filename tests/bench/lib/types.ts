/** One row of a bench's table in docs/PERFORMANCE.md. */
export type Measure = {
  name: string;
  /** A number is printed with `unit`; a string is printed as is. */
  value: number | string;
  unit?: string;
  /** What the issue asks for, in words ("< 1 s"); absent for a measure that is only information. */
  target?: string;
  /** null: no target, or not measurable this run. */
  pass?: boolean | null;
};

export type BenchResult = {
  measures: Measure[];
  /** Sizes, methods and caveats printed under the table. */
  notes: string[];
};

export type BenchContext = {
  /** Smaller sizes, so the whole suite fits in a few minutes. */
  quick: boolean;
  /** Progress for the person watching (stderr); never part of the report. */
  log(message: string): void;
};

/** A bench module's default export: one file in tests/bench per bench. */
export type Bench = {
  name: string;
  title: string;
  /** Run order (benches that build shared caches first). */
  order: number;
  /** One paragraph: what is measured and how. */
  method: string;
  run(context: BenchContext): Promise<BenchResult>;
};

export type BenchOutcome = {
  bench: Bench;
  startedAt: Date;
  seconds: number;
  result: BenchResult | null;
  error: string | null;
};
