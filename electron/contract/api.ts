import type { z } from 'zod';
import { evaluationApi } from './api-evaluation';
import { exchangeApi } from './api-exchange';
import { finetuneApi } from './api-finetune';
import { foundationApi } from './api-foundation';
import { inferenceApi } from './api-inference';
import { reviewApi } from './api-review';
import type { Result } from './result';

/**
 * The one table every transport is derived from: the Electron preload bridge and main-process
 * registration, the HTTP server, the CLI and the renderer's client. Names are `domain:verb`;
 * each domain keeps its rows in its own file and they are joined here.
 */
export const api = {
  ...foundationApi,
  ...reviewApi,
  ...exchangeApi,
  ...inferenceApi,
  ...evaluationApi,
  ...finetuneApi,
} as const;

export type ApiTable = typeof api;
export type Method = keyof ApiTable;
export const methods = Object.keys(api) as Method[];

/** What a caller passes (defaults may be omitted). */
export type Input<M extends Method> = z.input<ApiTable[M]['input']>;
/** What a handler receives after parsing (defaults filled in). */
export type ParsedInput<M extends Method> = z.output<ApiTable[M]['input']>;
export type Output<M extends Method> = z.output<ApiTable[M]['output']>;

/** The core implements this; every transport calls it through `dispatch`. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Promise<Output<M>> | Output<M> };

/** What the renderer and CLI hold: every method as an async call that never throws. */
export type ApiClient = { [M in Method]: (input: Input<M>) => Promise<Result<Output<M>>> };

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name);
}
