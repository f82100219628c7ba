import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { PageQuery } from '../projects/dto/list-query.dto';
import { openItemsQuery } from './open-items.query';

export class EscalationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['AT_RISK', 'OVERDUE'] })
  @IsOptional()
  @IsIn(['AT_RISK', 'OVERDUE'])
  risk?: 'AT_RISK' | 'OVERDUE';

  /** Supervisors only: one department (heads always see their own). */
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 20 })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  department?: string;
}

/**
 * Items at risk or overdue in running projects, overdue first, then earliest due: a department
 * head's escalations (its department) and the supervisor's watch list (every department).
 */
@Roles('DEPARTMENT_HEAD', 'SUPERVISOR')
@ApiTags('escalations')
@ApiBearerAuth()
@Controller('escalations')
export class EscalationsController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get()
  async list(@CurrentUser() user: Principal, @Query() q: EscalationsQuery) {
    const department = user.role === 'DEPARTMENT_HEAD' ? user.department : q.department;
    const qb = openItemsQuery(this.ds).andWhere('i.risk IN (:...risks)', {
      risks: q.risk ? [q.risk] : ['AT_RISK', 'OVERDUE'],
    });
    if (department) qb.andWhere('i.department = :department', { department });
    const total = await qb.getCount();
    const items = await qb
      .orderBy("CASE i.risk WHEN 'OVERDUE' THEN 0 ELSE 1 END", 'ASC')
      .addOrderBy('i.due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('i.task_id')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawMany();
    return { items, total, page: q.page, pageSize: q.pageSize };
  }
}
