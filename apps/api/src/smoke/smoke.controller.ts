import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER } from '../common/openapi';
import { BadRequestException, Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { Roles } from '../auth/decorators';
import { CreateSmokeDto } from './dto/create-smoke.dto';
import { SmokeService } from './smoke.service';

const KEY = /^[A-Za-z0-9._:-]{1,100}$/;

/** The foundation's thin real path: HTTP → workflow → activity → PostgreSQL row. */
@Roles('ADMIN')
@ApiTags('smoke')
@ApiBearerAuth()
@Controller('smoke')
export class SmokeController {
  constructor(private readonly smoke: SmokeService) {}

  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @Post()
  run(@Body() body: CreateSmokeDto, @Headers('idempotency-key') key?: string) {
    if (key !== undefined && !KEY.test(key)) {
      throw new BadRequestException(
        'Idempotency-Key: 1-100 characters of letters, digits, . _ : -',
      );
    }
    return this.smoke.run(body.message, key);
  }

  @Get(':workflowId')
  get(@Param('workflowId') workflowId: string) {
    return this.smoke.get(workflowId);
  }
}
