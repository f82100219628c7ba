import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';
import type { TemporalConfig } from './temporal.config';

/**
 * One place that turns the validated Temporal config into connection options, shared by the
 * API's Client and the worker's NativeConnection (their option types agree on these fields).
 */
export function temporalConnectionOptions(cfg: TemporalConfig): {
  address: string;
  tls?: TLSConfig;
  apiKey?: string;
} {
  const read = (p?: string) => (p ? readFileSync(p) : undefined);
  const tls = cfg.tls
    ? {
        serverNameOverride: cfg.tls.serverName,
        serverRootCACertificate: read(cfg.tls.caPath),
        clientCertPair:
          cfg.tls.certPath && cfg.tls.keyPath
            ? { crt: read(cfg.tls.certPath)!, key: read(cfg.tls.keyPath)! }
            : undefined,
      }
    : undefined;
  return { address: cfg.address, tls, apiKey: cfg.apiKey };
}
