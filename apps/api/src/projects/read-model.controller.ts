import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiProjectId, ProjectIdPipe } from '../common/route-params';
import { ReadModelRepairService } from './read-model-repair.service';

class RebuiltDto {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  /** SIGNALLED: the running workflow writes itself again; REWRITTEN: an ended one's last state was written. */
  @ApiProperty({ enum: ['SIGNALLED', 'REWRITTEN'] }) how!: 'SIGNALLED' | 'REWRITTEN';
  @ApiPropertyOptional({ type: 'integer' }) seq?: number;
}

class RebuiltAllDto {
  /** Projects the read model showed running. */
  @ApiProperty({ type: 'integer' }) running!: number;
  /** Running workflows asked to write themselves again. */
  @ApiProperty({ type: 'integer' }) signalled!: number;
  /** Ended workflows (a frozen read model) whose last state was written. */
  @ApiProperty({ type: 'integer' }) rewritten!: number;
  /** Projects neither could repair (see the API's log). */
  @ApiProperty({ type: [String] }) failed!: string[];
}

/** Administrators: rebuild a project's read model from its workflow (README "Repairing a read model"). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller()
export class ReadModelController {
  constructor(private readonly repair: ReadModelRepairService) {}

  @ApiProjectId()
  @ApiOkResponse({ type: RebuiltDto })
  @HttpCode(200)
  @Post('projects/:id/read-model/rebuild')
  rebuild(@CurrentUser() user: Principal, @Param('id', ProjectIdPipe) id: string) {
    return this.repair.rebuild(user, id);
  }

  /** Every running project writes its read model again. */
  @ApiOkResponse({ type: RebuiltAllDto })
  @HttpCode(200)
  @Post('admin/read-models/rebuild')
  rebuildRunning(@CurrentUser() user: Principal) {
    return this.repair.rebuildRunning(user);
  }
}
