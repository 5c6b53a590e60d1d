import type { Job, Problem } from '../../contract/domain';
import { asJobId } from '../../contract/ids';
import { fromJson, stmt, toJson, type Db } from './sql';

type JobRow = {
  id: string;
  kind: Job['kind'];
  title: string;
  state: Job['state'];
  done: number;
  total: number;
  failed: number;
  started_at: string;
  finished_at: string | null;
  eta_ms: number | null;
  message: string;
  problems: string;
  problem_count: number;
  outcome: string;
};

const JOB_COLUMNS = `id, kind, title, state, done, total, failed, started_at, finished_at, eta_ms, message,
  problems, problem_count, outcome`;

function toJob(row: JobRow): Job {
  return {
    id: asJobId(row.id),
    kind: row.kind,
    title: row.title,
    state: row.state,
    done: row.done,
    total: row.total,
    failed: row.failed,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    etaMs: row.eta_ms,
    message: row.message,
    problems: fromJson(row.problems) as Problem[],
    problemCount: row.problem_count,
    outcome: fromJson(row.outcome) as Record<string, number>,
  };
}

/**
 * Inserts or updates a job's latest state, so the jobs panel survives a restart. Params and
 * report are kept when not given: progress updates should not have to carry them every time.
 */
export function saveJob(db: Db, job: Job, params?: unknown, report?: unknown): void {
  stmt(
    db,
    `INSERT INTO jobs (id, kind, title, state, done, total, failed, started_at, finished_at, eta_ms, message,
       problems, problem_count, outcome, params, report)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title, state = excluded.state,
       done = excluded.done, total = excluded.total, failed = excluded.failed, started_at = excluded.started_at,
       finished_at = excluded.finished_at, eta_ms = excluded.eta_ms, message = excluded.message,
       problems = excluded.problems, problem_count = excluded.problem_count, outcome = excluded.outcome,
       params = coalesce(excluded.params, jobs.params), report = coalesce(excluded.report, jobs.report)`,
  ).run(
    job.id,
    job.kind,
    job.title,
    job.state,
    job.done,
    job.total,
    job.failed,
    job.startedAt,
    job.finishedAt,
    job.etaMs,
    job.message,
    toJson(job.problems),
    job.problemCount,
    toJson(job.outcome),
    params === undefined ? null : toJson(params),
    report === undefined ? null : toJson(report),
  );
}

/** Newest first. */
export function listJobs(db: Db, limit: number): Job[] {
  const rows = stmt(db, `SELECT ${JOB_COLUMNS} FROM jobs ORDER BY started_at DESC, id DESC LIMIT ?`).all(
    Math.max(0, Math.floor(limit)),
  ) as JobRow[];
  return rows.map(toJob);
}

export function getJob(db: Db, id: string): Job | undefined {
  const row = stmt(db, `SELECT ${JOB_COLUMNS} FROM jobs WHERE id = ?`).get(id) as JobRow | undefined;
  return row && toJob(row);
}

export function getJobParams(db: Db, id: string): unknown {
  const row = stmt(db, 'SELECT params FROM jobs WHERE id = ?').get(id) as
    { params: string | null } | undefined;
  return fromJson(row?.params);
}

/** The full report (every problem, counts); undefined while the job has none or is unknown. */
export function getJobReport(db: Db, id: string): unknown {
  const row = stmt(db, 'SELECT report FROM jobs WHERE id = ?').get(id) as
    { report: string | null } | undefined;
  return fromJson(row?.report);
}
