import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiProjectId, ProjectIdPipe } from '../common/route-params';
import {
  AssignSpecialistDto,
  KeyFlagDto,
  KeyReasonDto,
  PlanDto,
  PlanViewDto,
  SpecialistConsentDto,
  SpecialistDto,
} from './dto/key-project.dto';
import { KeyProjectsService } from './key-projects.service';

const CLOSED = 'The project is completed, rejected or withdrawn (reason PROJECT_NOT_OPEN)';

/**
 * Key projects (重点项目) and their specialists (代办专员): the service centre flags a project and
 * proposes a specialist of the agent team, the owner accepts or declines, the accepted
 * specialist keeps a plan of target dates that everyone who sees the project reads.
 */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects/:id')
export class KeyProjectsController {
  constructor(private readonly service: KeyProjectsService) {}

  /** Flags the project as key (a new reason replaces the old one; `since` stays). */
  @ApiProjectId()
  @ApiOkResponse({ type: KeyFlagDto })
  @ApiConflictResponse({ description: CLOSED })
  @Roles('SERVICE_CENTRE', 'SUPERVISOR')
  @Post('key')
  @HttpCode(200)
  flag(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Body() body: KeyReasonDto,
  ) {
    return this.service.flag(user, id, body.reason);
  }

  @ApiProjectId()
  @ApiNoContentResponse({ description: 'No longer a key project' })
  @Roles('SERVICE_CENTRE', 'SUPERVISOR')
  @Delete('key')
  @HttpCode(204)
  async unflag(@CurrentUser() user: Principal, @Param('id', ProjectIdPipe) id: string) {
    await this.service.unflag(user, id);
  }

  /**
   * Proposes an agent of the team as the project's specialist (PROPOSED: no power until the
   * owner accepts); 400 naming `username` when the person is not on the team. 201; the same
   * specialist again → 200, unchanged; another one replaces the current.
   */
  @ApiProjectId()
  @ApiCreatedResponse({ type: SpecialistDto, description: 'Proposed' })
  @ApiOkResponse({ type: SpecialistDto, description: 'Already the current one: unchanged' })
  @ApiConflictResponse({ description: CLOSED })
  @Roles('SERVICE_CENTRE')
  @Post('specialist')
  async assign(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Body() body: AssignSpecialistDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, specialist } = await this.service.assign(user, id, body.username);
    res.status(created ? 201 : 200);
    return specialist;
  }

  /** The owner accepts (ACTIVE: the specialist acts as a delegated agent) or declines. */
  @ApiProjectId()
  @ApiOkResponse({ type: SpecialistDto })
  @ApiConflictResponse({ description: 'No specialist is proposed (NO_PROPOSAL), or closed' })
  @Roles('APPLICANT')
  @Post('specialist/consent')
  @HttpCode(200)
  consent(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Body() body: SpecialistConsentDto,
  ) {
    return this.service.consent(user, id, body.accept);
  }

  /** The specialist's plan, each target MET, LATE or OPEN as of today. */
  @ApiProjectId()
  @ApiOkResponse({ type: PlanViewDto })
  @Get('plan')
  plan(@CurrentUser() user: Principal, @Param('id', ProjectIdPipe) id: string) {
    return this.service.plan(user, id);
  }

  /** Replaces the plan's targets: the project's accepted specialist only (403 otherwise). */
  @ApiProjectId()
  @ApiOkResponse({ type: PlanViewDto })
  @Roles('AGENT')
  @Put('plan')
  setPlan(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Body() body: PlanDto,
  ) {
    return this.service.setPlan(user, id, body);
  }
}
