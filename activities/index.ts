import type { DataSource } from 'typeorm';
import { createProjectionActivities } from './projection.activities';
import { createSmokeActivities } from './smoke.activities';

export * from './projection.activities';
export * from './smoke.activities';

/** Every activity the worker registers, built from the worker's dependencies. */
export function createActivities(deps: { dataSource: DataSource }) {
  return {
    ...createSmokeActivities(deps),
    ...createProjectionActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
