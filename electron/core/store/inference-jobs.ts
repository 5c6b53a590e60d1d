import { jsonList, nowIso, pluckStmt, stmt, toJson, type Db } from './sql';

/** What a job was asked to do, so it can be run again after a restart. */
export function setJobParams(db: Db, jobId: string, params: unknown): void {
  stmt(db, 'UPDATE jobs SET params = ? WHERE id = ?').run(toJson(params), jobId);
}

/**
 * Jobs of a kind the store still shows as queued or running although nothing runs them (the app
 * crashed or was killed): marked failed with `message`, so the jobs panel tells the truth.
 */
export function markInterruptedJobs(
  db: Db,
  kind: string,
  message: string,
  live: readonly string[],
): string[] {
  return db.transaction(() => {
    const ids = pluckStmt(
      db,
      `SELECT id FROM jobs WHERE kind = ? AND state IN ('queued', 'running')
         AND id NOT IN (SELECT value FROM json_each(?))`,
    ).all(kind, jsonList(live)) as string[];
    const mark = stmt(
      db,
      "UPDATE jobs SET state = 'failed', message = ?, eta_ms = NULL, finished_at = coalesce(finished_at, ?) WHERE id = ?",
    );
    const at = nowIso();
    for (const id of ids) mark.run(message, at, id);
    return ids;
  })();
}
