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
import { AccessService } from './access.service';
import { AgentDto } from './dto/commands.dto';
import { MandateDto, MandateListDto } from './dto/report.dto';

/** Organisation-wide mandates: an agent acts on all of the organisation's projects. */
@ApiTags('mandates')
@ApiBearerAuth()
@Controller('mandates')
export class MandatesController {
  constructor(private readonly access: AccessService) {}

  @ApiOkResponse({ type: MandateListDto })
  @Roles('APPLICANT', 'AGENT', 'SUPERVISOR', 'ADMIN')
  @Get()
  list(@CurrentUser() user: Principal) {
    return this.access.mandates(user);
  }

  /** 201 with the mandate; granting one already in force again → 200, unchanged. */
  @ApiCreatedResponse({ type: MandateDto, description: 'Granted' })
  @ApiOkResponse({ type: MandateDto, description: 'Already in force: unchanged' })
  @Roles('APPLICANT')
  @Post()
  async grant(
    @CurrentUser() user: Principal,
    @Body() body: AgentDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, mandate } = await this.access.mandate(user, body.agentUsername);
    res.status(created ? 201 : 200);
    return mandate;
  }

  @ApiNoContentResponse({ description: 'Revoked' })
  @Roles('APPLICANT')
  @Delete(':agentUsername')
  @HttpCode(204)
  async revoke(@CurrentUser() user: Principal, @Param('agentUsername') agentUsername: string) {
    await this.access.revokeMandate(user, agentUsername);
  }
}
