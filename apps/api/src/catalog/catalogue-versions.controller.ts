import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { BadRequestException } from '@nestjs/common';
import { catalogueDocumentSchema } from '../../../../libs/domain/src';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { CatalogueVersionsService } from './catalogue-versions.service';
import {
  CatalogueDiffDto,
  CatalogueVersionDto,
  CatalogueVersionsDto,
  PublishVersionDto,
  PublishedVersionDto,
  VersionsQuery,
} from './dto/catalogue-versions.dto';

const VersionId = (name: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(`${name} must be a UUID`) });
const DOCUMENT = { type: 'object', additionalProperties: true } as const;

/** A region's catalogue as versioned data: the administrator imports, compares, publishes. */
@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('catalogue')
export class CatalogueVersionsController {
  constructor(private readonly versions: CatalogueVersionsService) {}

  /** The JSON Schema of a version document (what an import takes and an export gives). */
  @Get('schema')
  @ApiOkResponse({ schema: DOCUMENT })
  schema() {
    return catalogueDocumentSchema;
  }

  @Post('versions')
  @Roles('ADMIN')
  @ApiBody({ schema: DOCUMENT })
  @ApiCreatedResponse({ type: CatalogueVersionDto })
  import(@Body() document: Record<string, unknown>, @CurrentUser() p: Principal) {
    return this.versions.import(document, p.username);
  }

  @Get('versions')
  @Roles('ADMIN')
  @ApiOkResponse({ type: CatalogueVersionsDto })
  list(@Query() q: VersionsQuery) {
    return this.versions.list(q.region);
  }

  /** The version's document, exactly as imported (an export). */
  @Get('versions/:id')
  @Roles('ADMIN')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({ schema: DOCUMENT })
  document(@Param('id', VersionId('id')) id: string) {
    return this.versions.document(id);
  }

  @Post('versions/:id/publish')
  @Roles('ADMIN')
  @HttpCode(200)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({ type: PublishedVersionDto })
  publish(
    @Param('id', VersionId('id')) id: string,
    @Body() body: PublishVersionDto,
    @CurrentUser() p: Principal,
  ) {
    return this.versions.publish(id, body.effectiveFrom, p.username);
  }

  /** A draft's item replaced (its code kept), the whole document validated with the change. */
  @Put('versions/:id/items/:code')
  @Roles('ADMIN')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiParam({ name: 'code', type: String })
  @ApiBody({ schema: DOCUMENT })
  @ApiOkResponse({ type: CatalogueVersionDto })
  editItem(
    @Param('id', VersionId('id')) id: string,
    @Param('code') code: string,
    @Body() item: Record<string, unknown>,
  ) {
    return this.versions.editItem(id, code, item);
  }

  @Get('versions/:a/diff/:b')
  @Roles('ADMIN')
  @ApiParam({ name: 'a', format: 'uuid', type: String })
  @ApiParam({ name: 'b', format: 'uuid', type: String })
  @ApiOkResponse({ type: CatalogueDiffDto })
  diff(@Param('a', VersionId('a')) a: string, @Param('b', VersionId('b')) b: string) {
    return this.versions.diff(a, b);
  }
}
