import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { StatisticsDto, StatisticsQuery } from './dto/statistics.dto';
import { StatisticsService } from './statistics.service';

/**
 * On-time rates, days per stage and overdue items: every department for the supervisor and the
 * service centre (or the one asked), its own department for a department head (another one: 403).
 */
@ApiTags('statistics')
@ApiBearerAuth()
@Roles('SUPERVISOR', 'DEPARTMENT_HEAD', 'SERVICE_CENTRE')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: StatisticsDto,
    description: 'JSON; with `format=csv` the `byDepartment` table as a text/csv attachment',
  })
  async get(
    @CurrentUser() user: Principal,
    @Query() q: StatisticsQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StatisticsDto | string> {
    const f = await this.statistics.filterFor(user, q);
    const s = await this.statistics.statistics(f);
    if (q.format !== 'csv') return s;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="statistics-${f.from}-${f.to}${f.department ? `-${f.department}` : ''}.csv"`,
    );
    return this.statistics.csv(s);
  }
}
