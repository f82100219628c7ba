/**
 * ProjectsService.create alone, with Temporal and PostgreSQL faked: which answer a create gets
 * from what the workflow did (the e2e suites cover the real stack's 201 and 200).
 */
import type { DataSource } from 'typeorm';
import { EXAMPLE_ANSWERS, defaultCatalog, defaultPolicies } from '../../../../libs/domain/src';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { CatalogService } from '../catalog/catalog.service';
import type { CatalogueVersionsService } from '../catalog/catalogue-versions.service';
import type { RegionsService } from '../catalog/regions.service';
import type { TemporalClient } from '../temporal/temporal.module';
import type { AccessService } from './access.service';
import type { AccessPolicy } from './access-policy';
import { ProjectsService } from './projects.service';

const applicant: Principal = {
  userId: 'u-1',
  username: 'applicant',
  role: 'APPLICANT',
  organisation: 'org-1',
  sessionId: 's-1',
};

function setup(workflow: {
  executeUpdateWithStart: jest.Mock;
  status?: string;
  describeFails?: boolean;
}) {
  const queries: string[] = [];
  const repository = { delete: jest.fn(async () => undefined) };
  const ds = {
    // insertProject: the row is new.
    query: jest.fn(async (text: string, values: unknown[]) => {
      queries.push(text);
      return [{ id: values[0] }];
    }),
    getRepository: () => repository,
  };
  const temporal = {
    workflowTaskQueue: 'q',
    call: <T>(fn: () => Promise<T>) => fn(),
    workflow: {
      executeUpdateWithStart: workflow.executeUpdateWithStart,
      getHandle: () => ({
        describe: async () => {
          if (workflow.describeFails) throw new Error('workflow not found');
          return { status: { name: workflow.status ?? 'RUNNING' } };
        },
      }),
    },
  } as unknown as TemporalClient;
  const calendar = new CalendarService(ds as unknown as DataSource, temporal);
  const service = new ProjectsService(
    ds as unknown as DataSource,
    temporal,
    calendar,
    new CatalogService(
      {
        inForce: async () => ({ id: 'v-1', catalog: defaultCatalog, policies: defaultPolicies }),
      } as unknown as CatalogueVersionsService,
      { resolve: async (r?: string) => r ?? 'CN' } as unknown as RegionsService,
    ),
    {} as AccessService,
    {} as AccessPolicy,
    { deadlineSweepSeconds: 60, riskWakeSpreadMinutes: 120 },
  );
  return { service, ds, repository };
}

const dto = { name: '仓库', answers: EXAMPLE_ANSWERS.warehouse };

describe('ProjectsService.create', () => {
  it('answers the report the workflow gave after its first write (201)', async () => {
    const report = { id: 'from-the-workflow', status: 'IN_PROGRESS' };
    const executeUpdateWithStart = jest.fn(async () => report);
    const { service } = setup({ executeUpdateWithStart });
    await expect(service.create(applicant, dto, 'k-1')).resolves.toEqual({
      outcome: 'created',
      report,
    });
    const [update, options] = executeUpdateWithStart.mock.calls[0] as unknown as [
      { name: string },
      { startWorkflowOperation: { options: Record<string, unknown> } },
    ];
    expect(update.name).toBe('firstReport');
    expect(options.startWorkflowOperation.options).toMatchObject({
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  });

  it('says 202 when the workflow runs but did not answer in time, without a report of its own', async () => {
    const { service, ds } = setup({
      executeUpdateWithStart: jest.fn(async () => {
        throw new Error('deadline exceeded');
      }),
    });
    const answer = await service.create(applicant, dto, 'k-2');
    expect(answer.outcome).toBe('pending');
    expect(answer.report).toMatchObject({ status: 'STARTING' });
    expect(answer.report).not.toHaveProperty('stages');
    // Only the insert: the API's own row is not read back to answer.
    expect(ds.query).toHaveBeenCalledTimes(1);
  });

  it('fails when the workflow could not be started, and removes the row of a create without a key', async () => {
    const { service, ds, repository } = setup({
      executeUpdateWithStart: jest.fn(async () => {
        throw new Error('unavailable');
      }),
      describeFails: true,
    });
    await expect(service.create(applicant, dto)).rejects.toThrow('unavailable');
    const id = (ds.query.mock.calls[0] as unknown[][])[1][0];
    expect(repository.delete).toHaveBeenCalledWith({ id });
  });
});
