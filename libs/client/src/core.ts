/** What browsers and Node clients share: plain constants, safe to bundle into the web app. */

/**
 * A browser keeps its refresh token in an HttpOnly cookie the API sets, never in storage a
 * script can read. It asks for that by sending this header (value `1`) on sign-in, refresh and
 * sign-out; on refresh and sign-out the header is also the proof against cross-site requests:
 * a form on another site cannot send it, and a script there would need CORS the API does not
 * grant. Clients without cookies (the seed, benchmarks, scripts) send the token in the body.
 */
export const REFRESH_COOKIE_HEADER = 'X-Refresh-Cookie';
