import type { DataSource } from 'typeorm';
import { createProjectionActivities } from './projection.activities';
import { createRectificationActivities } from './rectification.activities';

export * from './projection.activities';
export * from './rectification.activities';

/** Every activity the worker registers, built from the worker's dependencies. */
export function createActivities(deps: { dataSource: DataSource }) {
  return {
    ...createProjectionActivities(deps),
    ...createRectificationActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
