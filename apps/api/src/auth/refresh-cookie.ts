/**
 * The browser's refresh token: an HttpOnly, SameSite=Strict cookie scoped to /api/auth (the
 * refresh and sign-out routes read it; no script and no other route sees it), Secure over HTTPS
 * and always in production. A request that spends it must carry REFRESH_COOKIE_HEADER and come
 * from the same site (Sec-Fetch-Site, or Origin against Host where a browser sends no
 * Sec-Fetch-Site): a forged cross-site request is refused before the cookie is read.
 */
import type { CookieOptions, Request, Response } from 'express';
import { REFRESH_COOKIE_HEADER } from '../../../../libs/client/src/core';

export const REFRESH_COOKIE = 'pa_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

/** Whether the client asked for the cookie (the web app does). */
export const wantsRefreshCookie = (req: Request) => req.get(REFRESH_COOKIE_HEADER) === '1';

const options = (req: Request, production: boolean): CookieOptions => ({
  httpOnly: true,
  // Plain http on a development machine (npm start, localhost) could not keep a Secure cookie.
  secure: req.secure || production,
  sameSite: 'strict',
  path: REFRESH_COOKIE_PATH,
});

export function setRefreshCookie(
  req: Request,
  res: Response,
  token: string,
  maxAgeSeconds: number,
  production: boolean,
): void {
  res.cookie(REFRESH_COOKIE, token, { ...options(req, production), maxAge: maxAgeSeconds * 1000 });
}

export function clearRefreshCookie(req: Request, res: Response, production: boolean): void {
  res.clearCookie(REFRESH_COOKIE, options(req, production));
}

export function refreshCookieOf(req: Request): string | undefined {
  const v = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Why a request may not spend the cookie, or undefined when it may. */
export function crossSiteProblem(req: Request): string | undefined {
  if (!wantsRefreshCookie(req)) {
    return `the ${REFRESH_COOKIE} cookie is spent only with the header ${REFRESH_COOKIE_HEADER}: 1`;
  }
  const site = req.get('Sec-Fetch-Site');
  if (site !== undefined) {
    return site === 'same-origin' ? undefined : `a ${site} request may not spend the session`;
  }
  const origin = req.get('Origin');
  if (origin === undefined) return undefined;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return `Origin ${origin} is not an origin`;
  }
  return host === req.get('Host')
    ? undefined
    : `a request from ${origin} may not spend the session`;
}
