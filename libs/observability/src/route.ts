/** What a request matched: the route template, never the raw path (ids would explode labels). */
export function routeOf(req: { route?: unknown; baseUrl?: string }): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof route === 'string') return `${req.baseUrl ?? ''}${route}`;
  // No route matched (404s, the web app's files, refusals before routing): one label for all.
  return 'unmatched';
}
