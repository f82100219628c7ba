import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiProjectId, ProjectIdPipe } from '../common/route-params';
import {
  ConfirmationBodyDto,
  RatingBodyDto,
  RatingListDto,
  RatingOutcomeDto,
  RectificationDto,
  RectificationListDto,
  RectificationsQuery,
  ResponseBodyDto,
} from './dto/ratings.dto';
import { RatingsService } from './ratings.service';
import { RectificationsService } from './rectifications.service';

@ApiTags('ratings')
@ApiBearerAuth()
@Controller('projects')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  /** The applicant (or its agent) rates a decided item, once per round; 1 or 2 opens a rectification. */
  @ApiProjectId()
  @ApiCreatedResponse({ type: RatingOutcomeDto })
  @Roles('APPLICANT', 'AGENT')
  @Post(':id/items/:itemCode/rating')
  rate(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('itemCode') itemCode: string,
    @Body() body: RatingBodyDto,
  ) {
    return this.ratings.rate(user, id, itemCode, body);
  }

  /** The project's ratings, for everyone who may see the project. */
  @ApiProjectId()
  @ApiOkResponse({ type: RatingListDto })
  @Get(':id/ratings')
  list(@CurrentUser() user: Principal, @Param('id', ProjectIdPipe) id: string) {
    return this.ratings.list(user, id);
  }
}

@ApiTags('ratings')
@ApiBearerAuth()
@Controller('rectifications')
export class RectificationsController {
  constructor(private readonly rectifications: RectificationsService) {}

  /** Heads: their department's; supervisor: all; applicants: their organisation's; agents: their projects'. */
  @ApiOkResponse({ type: RectificationListDto })
  @Roles('DEPARTMENT_HEAD', 'SUPERVISOR', 'APPLICANT', 'AGENT')
  @Get()
  list(@CurrentUser() user: Principal, @Query() q: RectificationsQuery) {
    return this.rectifications.list(user, q.status);
  }

  /** The department head's response: OPEN (or OVERDUE, late) → RESPONDED. */
  @ApiProjectId()
  @ApiOkResponse({ type: RectificationDto })
  @Roles('DEPARTMENT_HEAD')
  @Post(':id/response')
  @HttpCode(200)
  respond(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Body() body: ResponseBodyDto,
  ) {
    return this.rectifications.respond(user, id, body.note);
  }

  /** The applicant (or its agent) confirms it was put right (CONFIRMED) or disputes it (DISPUTED). */
  @ApiProjectId()
  @ApiOkResponse({ type: RectificationDto })
  @Roles('APPLICANT', 'AGENT')
  @Post(':id/confirmation')
  @HttpCode(200)
  confirm(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Body() body: ConfirmationBodyDto,
  ) {
    return this.rectifications.confirm(user, id, body);
  }
}
