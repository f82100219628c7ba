import type { ValueTransformer } from 'typeorm';

/**
 * `bigint` columns arrive from pg as strings (they may exceed 2^53); sequence numbers of one
 * project never do, so entities expose them as numbers.
 */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
