/**
 * Boots the served API (same module, same global setup as main.ts) on a real port, plus a
 * worker, in this process. Each harness gets its own task queue so test files never share
 * workflows; settings are read from process.env when the modules load.
 */
import { INestApplication, INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { Client as Pg } from 'pg';
import request from 'supertest';
import { AppModule } from '../apps/api/src/app.module';
import { NewUser, UsersService } from '../apps/api/src/auth/users.service';
import { configureApp, listen } from '../apps/api/src/app.setup';
import { parseAppConfig } from '../libs/config/src';
import { ApiClient, handInStage } from '../libs/client/src';
import { WorkerModule } from '../apps/worker/src/worker.module';

export interface Harness {
  app: INestApplication;
  taskQueue: string;
  worker?: INestApplicationContext;
  url: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Run a worker in this process too (default true). */
  worker?: boolean;
  /** The API's Nest logger; by default only errors, printed by Nest's console logger. */
  logger?: LoggerService;
  /**
   * Listen as main.ts does, where PORT and HOST (and their defaults) say, instead of on a free
   * port of 127.0.0.1.
   */
  listenAsConfigured?: boolean;
}

/**
 * A fresh database of its own on the e2e PostgreSQL, for a suite whose counts must not see other
 * suites' projects (or whose writes would disturb them); answers its URL.
 */
export async function ownDatabase(suite: string): Promise<string> {
  const name = `approvals_${suite}_${process.pid}`;
  const admin = new Pg({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startHarness(
  env: Record<string, string> = {},
  { worker = true, logger, listenAsConfigured = false }: HarnessOptions = {},
): Promise<Harness> {
  const saved = { ...process.env };
  const taskQueue = `e2e-${randomUUID()}`;
  Object.assign(
    process.env,
    // An hour's access tokens: a test file holds its tokens from beforeAll to the end.
    {
      TEMPORAL_TASK_QUEUE: taskQueue,
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '1000',
      JWT_TTL_SECONDS: '3600',
      // Suites write the past into the read model; a sweep on its own clock would race them.
      // The deadline sweep's own suite runs it at the instants it chooses.
      DEADLINE_SWEEP_SECONDS: '0',
    },
    env,
  );
  try {
    const workerCtx = worker
      ? await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] })
      : undefined;
    await workerCtx?.init();
    const app = configureApp(await NestFactory.create(AppModule, { logger: logger ?? ['error'] }));
    if (listenAsConfigured) await listen(app, parseAppConfig(process.env));
    else await app.listen(0, '127.0.0.1');
    return {
      app,
      taskQueue,
      worker: workerCtx,
      url: (await app.getUrl()).replace('[::1]', '127.0.0.1'),
      close: async () => {
        await app.close();
        await workerCtx?.close();
      },
    };
  } finally {
    process.env = saved;
  }
}

/** Creates a user directly (tests run without the demo accounts) and returns a bearer token. */
export async function userToken(
  h: Harness,
  user: Omit<NewUser, 'password'> & { password?: string },
): Promise<string> {
  const password = user.password ?? 'pw-' + user.username;
  await h.app.get(UsersService).ensure([{ ...user, password }]);
  const res = await request(h.url)
    .post('/api/auth/login')
    .send({ username: user.username, password });
  if (res.status !== 200)
    throw new Error(`login ${user.username}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { accessToken: string }).accessToken;
}

/**
 * Hands in a sample PDF for each material of the stage still to hand in, as the applicant's page
 * does before a submission (a submission without them is refused); `items`: of these items only.
 */
export function handIn(
  h: Pick<Harness, 'url'>,
  token: string,
  projectId: string,
  stage: string,
  opts: { withDeficiencyAllowed?: boolean; items?: string[] } = {},
): Promise<number> {
  return handInStage(new ApiClient(h.url), token, projectId, stage, opts);
}
