import { dependencyOutage } from './dependency-outage';

describe('dependencyOutage', () => {
  it('recognises PostgreSQL connection failures, directly or wrapped', () => {
    expect(
      dependencyOutage(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toBe('postgres');
    expect(dependencyOutage(new Error('timeout exceeded when trying to connect'))).toBe('postgres');
    expect(dependencyOutage({ message: 'query failed', driverError: { code: '57P01' } })).toBe(
      'postgres',
    );
    expect(dependencyOutage({ message: 'x', code: '08006' })).toBe('postgres');
  });

  it('recognises Temporal outages by gRPC status', () => {
    expect(
      dependencyOutage({
        name: 'ServiceError',
        message: 'x',
        cause: { code: 14, details: 'unavailable' },
      }),
    ).toBe('temporal');
    expect(
      dependencyOutage({
        name: 'ServiceError',
        message: 'Failed to start Workflow: 4 DEADLINE_EXCEEDED',
      }),
    ).toBe('temporal');
  });

  it('leaves bugs and refusals alone', () => {
    expect(dependencyOutage(new TypeError('x is undefined'))).toBeUndefined();
    expect(dependencyOutage({ message: 'duplicate key', code: '23505' })).toBeUndefined();
    expect(dependencyOutage(undefined)).toBeUndefined();
  });
});
