import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiProjectId, ProjectIdPipe } from '../common/route-params';
import { AccessService } from './access.service';
import { AgentDto } from './dto/commands.dto';
import { DelegationDto, DelegationListDto } from './dto/report.dto';
import { ProjectsService } from './projects.service';

/** An applicant's delegations of one project to agents (mandates cover every project). */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects/:id/delegations')
export class DelegationsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly access: AccessService,
  ) {}

  @ApiProjectId()
  @ApiOkResponse({ type: DelegationListDto })
  @Roles('APPLICANT', 'SUPERVISOR', 'ADMIN')
  @Get()
  async delegations(@CurrentUser() user: Principal, @Param('id', ProjectIdPipe) id: string) {
    await this.projects.load(user, id);
    return this.access.delegations(id);
  }

  /** 201 with the delegation; granting one already in force again → 200, unchanged. */
  @ApiProjectId()
  @ApiCreatedResponse({ type: DelegationDto, description: 'Granted' })
  @ApiOkResponse({ type: DelegationDto, description: 'Already in force: unchanged' })
  @Roles('APPLICANT')
  @Post()
  async delegate(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Body() body: AgentDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.projects.load(user, id);
    const { created, delegation } = await this.access.delegate(user, id, body.agentUsername);
    res.status(created ? 201 : 200);
    return delegation;
  }

  /** Revokes at once: the agent's next request on the project is refused. */
  @ApiProjectId()
  @ApiNoContentResponse({ description: 'Revoked' })
  @Roles('APPLICANT')
  @Delete(':agentUsername')
  @HttpCode(204)
  async revoke(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('agentUsername') agentUsername: string,
  ) {
    await this.projects.load(user, id);
    await this.access.revokeDelegation(user, id, agentUsername);
  }
}
