/**
 * Whether an error means a dependency (PostgreSQL or Temporal) is unreachable, rather than a
 * bug or a refusal: those become 503 so a caller knows to retry, never 500.
 */
const NET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);
const PG_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'connection terminated',
  'Client has encountered a connection error',
  'the database system is',
];
/** gRPC UNAVAILABLE and DEADLINE_EXCEEDED. */
const GRPC_OUTAGE = new Set([14, 4]);

export function dependencyOutage(err: unknown): 'postgres' | 'temporal' | undefined {
  for (let e = err as Record<string, unknown> | undefined, depth = 0; e && depth < 6; depth++) {
    const code = e.code;
    const message = typeof e.message === 'string' ? e.message : '';
    const name = typeof e.name === 'string' ? e.name : '';
    if (name === 'ServiceError' || typeof e.details === 'string' || name.startsWith('Grpc')) {
      if (typeof code === 'number' && GRPC_OUTAGE.has(code)) return 'temporal';
      if (/UNAVAILABLE|DEADLINE_EXCEEDED|Failed to connect|transport error/i.test(message))
        return 'temporal';
    }
    if (typeof code === 'string') {
      if (NET_CODES.has(code)) return 'postgres';
      // SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, cannot connect now)
      if (/^08...$/.test(code) || /^57P0[123]$/.test(code)) return 'postgres';
    }
    if (PG_MESSAGES.some((m) => message.includes(m))) return 'postgres';
    e = (e.cause ?? e.driverError) as Record<string, unknown> | undefined;
  }
  return undefined;
}
