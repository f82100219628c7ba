import type { DataSource } from 'typeorm';
import { createProjectionActivities } from './projection.activities';

export * from './projection.activities';

/** Every activity the worker registers, built from the worker's dependencies. */
export function createActivities(deps: { dataSource: DataSource }) {
  return {
    ...createProjectionActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
