import {
  BadRequestException,
  Body,
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
import { DataSource } from 'typeorm';
import { exchangeConfig } from '../../../../libs/config/src';
import { exchangeRows, exchangeStatus, resendExchange } from '../../../../libs/exchange/src';
import { Roles } from '../auth/decorators';
import {
  ExchangeRowsDto,
  ExchangeRowsQuery,
  ExchangeStatusDto,
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
    private readonly cfg: Pick<ConfigType<typeof exchangeConfig>, 'enabled'>,
  ) {}

  @ApiOkResponse({ type: ExchangeStatusDto })
  @Roles('ADMIN', 'SUPERVISOR')
  @Get('status')
  async status(): Promise<ExchangeStatusDto> {
    return { enabled: this.cfg.enabled, ...(await exchangeStatus(this.ds)) };
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
