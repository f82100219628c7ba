import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Body,
  ConflictException,
  Controller,
  Inject,
  NotFoundException,
  Param,
  Patch,
  Res,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { ProjectState } from '../../../../libs/approval/src';
import type { ProjectMasterData } from '../../../../libs/domain/src';
import { exchangeConfig } from '../../../../libs/config/src';
import { appendProjectRows } from '../../../../libs/exchange/src';
import { editMasterData, isProjectCodeTaken } from '../../../../libs/persistence/src';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiProjectId, ProjectIdPipe } from '../common/route-params';
import { ProjectMasterDataDto } from './dto/master-data.dto';
import { ProjectReportDto } from './dto/report.dto';
import { refusalBody } from '../common/refusal-body';
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
    @Inject(exchangeConfig.KEY)
    private readonly exchange: Pick<ConfigType<typeof exchangeConfig>, 'enabled'>,
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
    // The exchange on: the corrected project and unit rows go out with the edit (invalidations
    // of the old versions first), in its transaction.
    const report = this.exchange.enabled
      ? (
          tx: Parameters<typeof appendProjectRows>[0],
          master: ProjectMasterData,
          state: ProjectState,
        ) => appendProjectRows(tx, state, [], master).then(() => undefined)
      : undefined;
    const edit = await editMasterData(this.ds, id, body, (s) => !masterDataLocked(s), report).catch(
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
        refusalBody(`master data can no longer change: ${masterDataLocked(edit.state)}`, {
          key: 'MASTER_LOCKED',
        }),
      );
    }
    res.type('application/json');
    return this.projects.reportJson(user, id);
  }
}
