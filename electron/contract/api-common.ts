import { z } from 'zod';

export const Empty = z.object({}).strict();
export const Path = z.string().min(1).max(4096);

export type MethodSpec = { input: z.ZodType; output: z.ZodType };
export type MethodTable = Record<`${string}:${string}`, MethodSpec>;
