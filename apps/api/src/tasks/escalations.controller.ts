import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { EscalationsQuery, TaskPageDto } from './dto/task.dto';
import { TasksService } from './tasks.service';

/**
 * Items at risk or overdue in running projects, overdue first, then earliest due: a department
 * head's escalations (its department) and the supervisor's watch list (every department). The
 * overdue include follow-up checks (核查) of approvals on commitment past their due date, as rows
 * with status CHECK_DUE and risk OVERDUE (also after the project completed).
 */
@Roles('DEPARTMENT_HEAD', 'SUPERVISOR')
@ApiTags('escalations')
@ApiBearerAuth()
@Controller('escalations')
export class EscalationsController {
  constructor(private readonly tasks: TasksService) {}

  @ApiOkResponse({ type: TaskPageDto })
  @Get()
  list(@CurrentUser() user: Principal, @Query() q: EscalationsQuery) {
    return this.tasks.escalations(user, q);
  }
}
