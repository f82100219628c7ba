import { registerAs } from '@nestjs/config';
import { ConfigError, Env, readBool, readHostPort, readString } from './env';

export const DEFAULT_TASK_QUEUE = 'approvals';

export interface TemporalTlsConfig {
  /** PEM file paths; all optional: `TEMPORAL_TLS=true` alone uses the system roots. */
  certPath?: string;
  keyPath?: string;
  caPath?: string;
  serverName?: string;
}

export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  tls?: TemporalTlsConfig;
  apiKey?: string;
}

export function parseTemporalConfig(env: Env): TemporalConfig {
  const address = readHostPort(env, 'TEMPORAL_ADDRESS');
  if (!address) {
    throw new ConfigError(
      'TEMPORAL_ADDRESS',
      'is not set: use `npm start` for the embedded dev server, or set host:port of a Temporal frontend',
    );
  }
  const namespace = readString(env, 'TEMPORAL_NAMESPACE', 'default');
  if (!/^[A-Za-z0-9._-]{1,255}$/.test(namespace)) {
    throw new ConfigError('TEMPORAL_NAMESPACE', `is not a valid namespace name: "${namespace}"`);
  }
  const certPath = readString(env, 'TEMPORAL_TLS_CERT');
  const keyPath = readString(env, 'TEMPORAL_TLS_KEY');
  if (Boolean(certPath) !== Boolean(keyPath)) {
    throw new ConfigError(
      certPath ? 'TEMPORAL_TLS_KEY' : 'TEMPORAL_TLS_CERT',
      'mutual TLS needs both TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY',
    );
  }
  const caPath = readString(env, 'TEMPORAL_TLS_CA');
  const serverName = readString(env, 'TEMPORAL_TLS_SERVER_NAME');
  const apiKey = readString(env, 'TEMPORAL_API_KEY');
  const tlsOn = readBool(env, 'TEMPORAL_TLS', Boolean(certPath || caPath || serverName || apiKey));
  return {
    address,
    namespace,
    taskQueue: readString(env, 'TEMPORAL_TASK_QUEUE', DEFAULT_TASK_QUEUE),
    tls: tlsOn ? { certPath, keyPath, caPath, serverName } : undefined,
    apiKey,
  };
}

export const temporalConfig = registerAs('temporal', () => parseTemporalConfig(process.env));
