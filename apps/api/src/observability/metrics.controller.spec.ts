import { NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';
import { MetricsController } from './metrics.controller';
import type { MetricsService } from './metrics.service';

const metrics = {
  registry: { contentType: 'text/plain; version=0.0.4; charset=utf-8' },
  text: async () => '# HELP x y\n',
} as unknown as MetricsService;

function fakeRes() {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  const res = {
    setHeader: (k: string, v: string) => (headers[k] = v),
    send: (b: string) => (body = b),
  } as unknown as Response;
  return { res, headers, body: () => body };
}

const controller = (metricsToken?: string) =>
  new MetricsController(metrics, {
    metricsToken,
    logFormat: 'json',
    workerMetricsHost: '0.0.0.0',
  });

describe('MetricsController', () => {
  it('is off (404 naming METRICS_TOKEN) when no token is configured, whatever is sent', async () => {
    const { res } = fakeRes();
    await expect(controller().scrape('Bearer anything', res)).rejects.toThrow(NotFoundException);
    await expect(controller().scrape(undefined, res)).rejects.toThrow(/METRICS_TOKEN/);
  });

  it('answers 401 with a Bearer challenge to a wrong or missing token, the text to the right one', async () => {
    const c = controller('0123456789abcdef-token');
    for (const auth of [undefined, 'Bearer nope', '0123456789abcdef-token', 'Basic x']) {
      const { res, headers } = fakeRes();
      await expect(c.scrape(auth, res)).rejects.toThrow(UnauthorizedException);
      expect(headers['WWW-Authenticate']).toMatch(/^Bearer/);
    }
    const ok = fakeRes();
    await c.scrape('Bearer 0123456789abcdef-token', ok.res);
    expect(ok.body()).toBe('# HELP x y\n');
    expect(ok.headers['Content-Type']).toMatch(/version=0\.0\.4/);
  });
});
