import type { DataSource } from 'typeorm';
import type { ProjectMasterData } from '../../../../libs/domain/src';
import {
  masterDataOf,
  organisationName,
  projectService,
  type ProjectService,
} from '../../../../libs/persistence/src';

/**
 * A report as pages read it, wherever it comes from (a read, a create, a command's answer): the
 * name of its owner (its code when none is registered), the project's master data (read when
 * not given), its key flag and its specialist — none of which the workflow's state holds.
 */
export async function namedReport<R extends { id: string; ownerOrganisation: string }>(
  ds: DataSource,
  report: R,
  master?: ProjectMasterData,
): Promise<R & ProjectMasterData & ProjectService & { ownerOrganisationName: string }> {
  const [data, service, ownerOrganisationName] = await Promise.all([
    master ?? masterDataOf(ds, report.id),
    projectService(ds, report.id),
    organisationName(ds, report.ownerOrganisation),
  ]);
  return { ...report, ...(data ?? {}), ...service, ownerOrganisationName };
}
