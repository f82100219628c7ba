import type { DataSource } from 'typeorm';
import { createMailActivities, type MailDeps } from './mail.activities';
import { createProjectionActivities, type ProjectionDeps } from './projection.activities';

import { createRectificationActivities } from './rectification.activities';

export * from './projection.activities';
export * from './mail.activities';
export * from './rectification.activities';

/** Every activity the worker registers, built from the worker's dependencies. */
export function createActivities(deps: {
  dataSource: DataSource;
  /** Mail on: the sender, and who hears of new outbox rows. */
  mail?: Omit<MailDeps, 'dataSource'> & NonNullable<ProjectionDeps['mail']>;
  exchange?: boolean;
}) {
  return {
    ...createProjectionActivities(deps),
    ...(deps.mail ? createMailActivities({ ...deps.mail, dataSource: deps.dataSource }) : {}),
    ...createRectificationActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
