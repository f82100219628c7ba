/**
 * What the browser tests read behind the page to check it (never to act for the person): the
 * API's own answers, through Playwright's request context.
 */
import type { APIRequestContext } from '@playwright/test';
import type { ProjectReport } from '../../libs/client/src';

export { itemsOf } from '../../libs/client/src';

export async function apiToken(request: APIRequestContext, username: string): Promise<string> {
  const r = await request.post('/api/auth/login', { data: { username, password: 'demo' } });
  if (!r.ok()) throw new Error(`login ${username}: ${r.status()}`);
  return ((await r.json()) as { accessToken: string }).accessToken;
}

export async function apiGet<T>(
  request: APIRequestContext,
  token: string,
  path: string,
): Promise<T> {
  const r = await request.get(path, { headers: { authorization: `Bearer ${token}` } });
  if (!r.ok()) throw new Error(`GET ${path}: ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

export const reportOf = (request: APIRequestContext, token: string, id: string) =>
  apiGet<ProjectReport>(request, token, `/api/projects/${id}`);
