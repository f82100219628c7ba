import { ServiceUnavailableException } from '@nestjs/common';
import {
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { unconfirmedUpdate } from './update-deadline';

describe('unconfirmedUpdate', () => {
  it('makes an Update still waiting at its deadline a 503 with Retry-After, however the client gave up', () => {
    // What the client throws when the gRPC call ends CANCELLED (seen in fault:postgres-stop as a 500).
    const cancelled = new WorkflowUpdateRPCTimeoutOrCancelledError(
      'Workflow update call timeout or cancelled',
      {
        cause: Object.assign(new Error('1 CANCELLED: Cancelled on client'), {
          code: 1,
          details: 'Cancelled on client',
        }),
      },
    );
    const e = unconfirmedUpdate(cancelled, 1_000, 30_000);
    expect(e).toBeInstanceOf(ServiceUnavailableException);
    expect(e!.message).toBe(
      'the project did not confirm the command within 30 s (Temporal or PostgreSQL may be down); retry with the same Idempotency-Key to get its result',
    );
    const deadline = { name: 'ServiceError', message: '4 DEADLINE_EXCEEDED: Deadline exceeded' };
    expect(unconfirmedUpdate(deadline, 30_001, 30_000)).toBeInstanceOf(ServiceUnavailableException);

    // Through the filter: a 503 with Retry-After.
    const headers: Record<string, string> = {};
    let status = 0;
    const res = {
      headersSent: false,
      setHeader: (k: string, v: string) => (headers[k] = v),
      getHeader: () => undefined,
      status(s: number) {
        status = s;
        return this;
      },
      json: () => undefined,
    };
    const host = {
      switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({}) }),
    } as never;
    new AllExceptionsFilter().catch(e, host);
    expect(status).toBe(503);
    expect(headers['Retry-After']).toBe('5');
  });

  it('leaves refusals, early outages and bugs to the caller', () => {
    expect(
      unconfirmedUpdate(new WorkflowUpdateFailedError('refused', undefined), 30_001, 30_000),
    ).toBeUndefined();
    const early = { name: 'ServiceError', message: '14 UNAVAILABLE: No connection' };
    expect(unconfirmedUpdate(early, 200, 30_000)).toBeUndefined();
    expect(unconfirmedUpdate(new TypeError('x is undefined'), 30_001, 30_000)).toBeUndefined();
  });
});
