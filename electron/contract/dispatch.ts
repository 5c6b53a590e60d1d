import { api, isMethod, type Handlers, type Method, type Output } from './api';
import { fail, isAppError, ok, type Result } from './result';

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string[] {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(input)'}: ${issue.message}`);
}

/**
 * The single entry point every transport uses: validates the input against the table, runs the
 * handler, validates the output (a core bug must not leak malformed data to a window), and
 * always answers with a Result.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isMethod(method)) return fail('NOT_FOUND', `unknown method "${method}"`);
  const spec = api[method];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return fail('INVALID_INPUT', `${method}: invalid input`, describeIssues(parsed.error));
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<Output<Method>> | Output<Method>;
    const value = await handler(parsed.data);
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      return fail(
        'INTERNAL',
        `${method}: the core produced an invalid answer`,
        describeIssues(checked.error),
      );
    }
    return ok(checked.data);
  } catch (error) {
    if (isAppError(error)) return fail(error.code, error.message, error.details);
    const message = error instanceof Error ? error.message : String(error);
    return fail('INTERNAL', `${method}: ${message}`);
  }
}
