import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import {
  MailSettingsDto,
  NoticeDto,
  NoticePageDto,
  NoticesQuery,
  ReadAllResultDto,
  UpdateMailSettingsDto,
} from './dto/notice.dto';
import { NoticesService } from './notices.service';

/**
 * The caller's inbox: the notices addressed to them (an applicant's organisation and its agents;
 * a department's officers or head; the supervisor), read state per reader.
 */
@ApiTags('notices')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @ApiOkResponse({ type: NoticePageDto })
  @Get()
  list(@CurrentUser() user: Principal, @Query() q: NoticesQuery) {
    return this.notices.list(user, q);
  }

  @ApiOkResponse({ type: ReadAllResultDto })
  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentUser() user: Principal) {
    return this.notices.readAll(user);
  }

  @ApiOkResponse({ type: NoticeDto })
  @ApiParam({ name: 'id', type: String, description: '<projectId>:<seq>' })
  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() user: Principal, @Param('id') id: string) {
    return this.notices.read(user, id);
  }
}

/** The caller's mail of notices: the address, and whether mail is on. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/me')
export class MailSettingsController {
  constructor(private readonly notices: NoticesService) {}

  @ApiOkResponse({ type: MailSettingsDto })
  @Get('mail')
  settings(@CurrentUser() user: Principal) {
    return this.notices.mailSettings(user);
  }

  /** `{ email?, mailNotices? }`: a new address (null removes it), mail on or off. */
  @ApiOkResponse({ type: MailSettingsDto })
  @Patch()
  update(@CurrentUser() user: Principal, @Body() body: UpdateMailSettingsDto) {
    return this.notices.updateMailSettings(user, body);
  }
}
