import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { exchangeConfig } from '../../../../libs/config/src';
import { ExchangeSender } from '../../../../libs/exchange/src';
import { every } from '../periodic';

/**
 * Runs the exchange's sender in the worker (EXCHANGE_DATABASE_URL set): every
 * EXCHANGE_SEND_INTERVAL_MS it drains the outbox into the staging database. Off without it, said
 * once at start. An outage of the staging database is said once, and once more when it is over.
 */
@Injectable()
export class ExchangeSenderService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Exchange');
  private sender?: ExchangeSender;
  private loop?: { stop(): Promise<void> };
  private down = false;

  constructor(
    @Inject(exchangeConfig.KEY) private readonly cfg: ConfigType<typeof exchangeConfig>,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.cfg.enabled) {
      this.log.warn(
        'EXCHANGE_DATABASE_URL is not set: the exchange with the provincial platform is OFF (no SPGL rows are written or sent)',
      );
      return;
    }
    this.sender = new ExchangeSender(this.dataSource, this.cfg.databaseUrl!, {
      batchSize: this.cfg.batchSize,
      notifyUrl: this.cfg.notifyUrl,
    });
    this.log.log(
      `exchange on: SPGL rows go to ${this.cfg.databaseUrl!.replace(/\/\/[^@/]*@/, '//***@')} every ${this.cfg.intervalMs} ms`,
    );
    this.loop = every(
      this.cfg.intervalMs / 1000,
      async () => {
        const r = await this.sender!.drain();
        if (this.down) this.log.log('the staging database is back; delivery resumed');
        this.down = false;
        if (r.sent + r.held > 0)
          this.log.debug(`exchange: ${r.sent} rows sent (${r.inserted} new), ${r.held} held`);
      },
      (err) => {
        if (!this.down)
          this.log.warn(`the staging database refused the exchange: ${String(err)}; retrying`);
        this.down = true;
      },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
    await this.sender?.close();
  }
}
