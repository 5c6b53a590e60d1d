import { z } from 'zod';

/** Ids are branded so a sample id can never be passed where a job id is expected. */
export const SampleId = z.number().int().positive().brand<'SampleId'>();
export type SampleId = z.infer<typeof SampleId>;

export const RegionId = z.number().int().positive().brand<'RegionId'>();
export type RegionId = z.infer<typeof RegionId>;

export const DefectTypeId = z.number().int().positive().brand<'DefectTypeId'>();
export type DefectTypeId = z.infer<typeof DefectTypeId>;

export const JobId = z
  .string()
  .regex(/^job:[A-Za-z0-9_-]+$/)
  .brand<'JobId'>();
export type JobId = z.infer<typeof JobId>;

export const asSampleId = (n: number): SampleId => n as SampleId;
export const asRegionId = (n: number): RegionId => n as RegionId;
export const asDefectTypeId = (n: number): DefectTypeId => n as DefectTypeId;
export const asJobId = (s: string): JobId => s as JobId;
