import {
  BadRequestException,
  Body,
  ServiceUnavailableException,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Post,
  Query,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { exchangeConfig } from '../../../../libs/config/src';
import {
  exchangeRows,
  exchangeStatus,
  reconcile,
  resendExchange,
} from '../../../../libs/exchange/src';
import { CalendarService } from '../calendar/calendar.service';
import { Roles } from '../auth/decorators';
import {
  ExchangeRowsDto,
  ExchangeRowsQuery,
  ExchangeStatusDto,
  ReconciliationDto,
  ReconciliationQuery,
  ResendDto,
  ResendResultDto,
} from './dto/exchange.dto';

/** The exchange with the provincial / national platform, as its operators see it. */
@ApiTags('exchange')
@ApiBearerAuth()
@Controller('exchange')
export class ExchangeController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(exchangeConfig.KEY)
    private readonly cfg: Pick<ConfigType<typeof exchangeConfig>, 'enabled' | 'databaseUrl'>,
    private readonly calendar: CalendarService,
  ) {}

  @ApiOkResponse({ type: ExchangeStatusDto })
  @Roles('ADMIN', 'SUPERVISOR')
  @Get('status')
  async status(): Promise<ExchangeStatusDto> {
    return { enabled: this.cfg.enabled, ...(await exchangeStatus(this.ds)) };
  }

  /**
   * The day's reconciliation (today by default): per table, our rows sent against the staging
   * database's, on the day and in all. 503 when the staging database cannot be reached.
   */
  @ApiOkResponse({ type: ReconciliationDto })
  @Roles('ADMIN', 'SUPERVISOR')
  @Get('reconciliation')
  async reconciliation(@Query() q: ReconciliationQuery): Promise<ReconciliationDto> {
    if (!this.cfg.enabled || !this.cfg.databaseUrl)
      throw new BadRequestException([
        'the exchange is off (EXCHANGE_DATABASE_URL is not set): nothing to reconcile',
      ]);
    const day = q.day ?? this.calendar.today();
    const staging = new Client({
      connectionString: this.cfg.databaseUrl,
      connectionTimeoutMillis: 5000,
      statement_timeout: 30_000,
    });
    staging.on('error', () => undefined);
    try {
      await staging.connect();
    } catch (err) {
      throw new ServiceUnavailableException(
        `the staging database cannot be reached: ${(err as Error).message}`,
      );
    }
    try {
      return await reconcile(this.ds, staging, day, this.calendar.current.timeZone);
    } finally {
      await staging.end().catch(() => undefined);
    }
  }

  @ApiOkResponse({ type: ExchangeRowsDto })
  @Roles('ADMIN')
  @Get('rows')
  async rows(@Query() q: ExchangeRowsQuery): Promise<ExchangeRowsDto> {
    return { items: await exchangeRows(this.ds, q) };
  }

  @ApiOkResponse({ type: ResendResultDto })
  @Roles('ADMIN')
  @HttpCode(200)
  @Post('resend')
  async resend(@Body() b: ResendDto): Promise<ResendResultDto> {
    if (!b.projectId && !(b.from && b.to))
      throw new BadRequestException(['projectId, or from and to, is required']);
    if (b.projectId && (b.from || b.to))
      throw new BadRequestException(['projectId: give a project or a time range, not both']);
    if (b.from && b.to && Date.parse(b.from) >= Date.parse(b.to))
      throw new BadRequestException(['to must be after from']);
    if (!this.cfg.enabled)
      throw new BadRequestException([
        'the exchange is off (EXCHANGE_DATABASE_URL is not set): nothing to re-send',
      ]);
    const by = b.projectId ? { projectId: b.projectId } : { from: b.from!, to: b.to! };
    const r = await resendExchange(this.ds, by);
    if (!r) throw new NotFoundException(`project ${b.projectId} not found`);
    return r;
  }
}
