import type { JobContext } from '../jobs/job-manager';

/**
 * A step of the fine-tune job run with code written as a job of its own (inference): its
 * problems and cancel are the parent's, its counts become the parent's message.
 */
export function subContext(parent: JobContext, label: string): JobContext {
  let [total, done] = [0, 0];
  const say = () => parent.message(`${label}: ${done}/${total} images`);
  return {
    signal: parent.signal,
    setTotal: (n) => {
      total = n;
      say();
    },
    advance: (n) => {
      done += n;
      say();
    },
    problem: (file, reason) => parent.problem(file, `${label}: ${reason}`),
    message: (text) => parent.message(`${label}: ${text}`),
  };
}
