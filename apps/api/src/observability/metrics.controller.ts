import {
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { observabilityConfig } from '../../../../libs/config/src';
import { Public } from '../auth/decorators';
import { MetricsService } from './metrics.service';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * `GET /metrics` in Prometheus's text format, for a scraper holding METRICS_TOKEN as a bearer
 * token (Prometheus: `authorization: { credentials: … }`). Without METRICS_TOKEN it is off (404),
 * so a deployment never exposes it by accident; it is not part of the OpenAPI document.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(observabilityConfig.KEY) private readonly cfg: ConfigType<typeof observabilityConfig>,
  ) {}

  @Public()
  @Get()
  async scrape(@Headers('authorization') auth: string | undefined, @Res() res: Response) {
    const token = this.cfg.metricsToken;
    if (!token) throw new NotFoundException('metrics are off: set METRICS_TOKEN to serve them');
    const given = /^Bearer (.+)$/i.exec(auth ?? '')?.[1] ?? '';
    // Equal-length digests: the comparison takes the same time whatever was sent.
    if (!timingSafeEqual(digest(given), digest(token))) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException('metrics need the bearer token METRICS_TOKEN');
    }
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.send(await this.metrics.text());
  }
}
