import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Body,
  ConflictException,
  Controller,
  NotFoundException,
  Param,
  Patch,
  Res,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { ProjectState } from '../../../../libs/approval/src';
import { editMasterData, isProjectCodeTaken } from '../../../../libs/persistence/src';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiProjectId, ProjectIdPipe } from '../common/route-params';
import { ProjectMasterDataDto } from './dto/master-data.dto';
import { ProjectReportDto } from './dto/report.dto';
import { ProjectsService } from './projects.service';

/**
 * Why the master data can no longer change, or undefined while it can: until the window accepted
 * the PLAN stage (the project's identity is fixed from then on, as the platform has it).
 */
export function masterDataLocked(state: ProjectState): string | undefined {
  if (state.status !== 'IN_PROGRESS') return `the project is ${state.status}`;
  const plan = state.stages.find((s) => s.code === 'PLAN');
  if (plan?.acceptedOn) return `the PLAN stage was accepted on ${plan.acceptedOn}`;
  return undefined;
}

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class MasterDataController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly projects: ProjectsService,
  ) {}

  /**
   * Changes the fields given (null removes one) until the PLAN stage is accepted: 409 after, and
   * 409 when the project code belongs to another project. The owner, its agent, or an admin.
   */
  @ApiProjectId()
  @ApiOkResponse({ type: ProjectReportDto })
  @ApiConflictResponse({ description: 'The PLAN stage was accepted, or the code is taken' })
  @Roles('APPLICANT', 'AGENT', 'ADMIN')
  @Patch(':id/master-data')
  async edit(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Body() body: ProjectMasterDataDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    // Those who see the project among these roles are its owner, its agents and admins.
    await this.projects.load(user, id);
    const edit = await editMasterData(this.ds, id, body, (s) => !masterDataLocked(s)).catch(
      (err: unknown) => {
        if (isProjectCodeTaken(err))
          throw new ConflictException(
            `projectCode: ${body.projectCode} belongs to another project`,
          );
        throw err;
      },
    );
    if (edit.outcome === 'missing') throw new NotFoundException(`project ${id} not found`);
    if (edit.outcome === 'refused') {
      throw new ConflictException(
        `master data can no longer change: ${masterDataLocked(edit.state)}`,
      );
    }
    res.type('application/json');
    return this.projects.reportJson(user, id);
  }
}
