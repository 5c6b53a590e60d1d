import { dispatch, type Input, type Method, type Output } from '../../electron/contract';
import { createCore } from '../../electron/core/app';
import type { Core } from '../../electron/core/core-types';
import { tempDir } from './paths';

/** A real core with its own settings folder; `call` goes through dispatch like every transport. */
export function testCore(): {
  core: Core;
  call: <M extends Method>(m: M, input: Input<M>) => Promise<Output<M>>;
} {
  const core = createCore({ transport: 'http', settingsDir: tempDir('settings') });
  const call = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const result = await dispatch(core.handlers, method, input);
    if (!result.ok)
      throw new Error(
        `${method}: ${result.error.code} ${result.error.message} ${result.error.details?.join('; ') ?? ''}`,
      );
    return result.value as Output<M>;
  };
  return { core, call };
}
