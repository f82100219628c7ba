import {
  Body,
  Controller,
  NotFoundException,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { contentDisposition } from '../common/content-disposition';
import { IdempotencyKey } from '../common/idempotency-key';
import { ApiProjectId, ProjectIdPipe } from '../common/route-params';
import { MaterialVerdictDto } from '../projects/dto/commands.dto';
import { ItemMaterialDto } from '../projects/dto/report.dto';
import { Target, type CommandTarget } from '../projects/command-target';
import { MaterialCodePipe, ProjectMaterialsDto, UploadedFileDto } from './dto/materials.dto';
import { MaterialsService } from './materials.service';
import { UploadsService } from './uploads.service';
import { parseTaskId } from '../tasks/task-id';

const ITEM_MATERIAL = ':id/items/:itemCode/materials/:material';

@ApiTags('materials')
@ApiBearerAuth()
@Controller()
export class MaterialsController {
  constructor(
    private readonly uploads: UploadsService,
    private readonly materials: MaterialsService,
  ) {}

  /**
   * Hands in one file for a material (multipart/form-data, part `file`): 201 with the file as
   * stored; the same Idempotency-Key again → 200 with the same file. 413 over UPLOAD_MAX_MB, 415
   * for a type outside PDF, OFD, JPEG, PNG, DWG, DXF, ZIP (read from the content), 409 when the
   * material's round is closed.
   */
  @ApiProjectId()
  @ApiParam({ name: 'itemCode', type: String })
  @ApiParam({ name: 'material', type: String })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: UploadedFileDto, description: 'Stored and handed in' })
  @ApiOkResponse({ type: UploadedFileDto, description: 'The file of the same Idempotency-Key' })
  @Roles('APPLICANT', 'AGENT')
  @Post(`projects/${ITEM_MATERIAL}/files`)
  async upload(
    @Target() t: CommandTarget,
    @Param('material', MaterialCodePipe) material: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, file } = await this.uploads.upload(t, material, req);
    res.status(created ? 201 : 200);
    return file;
  }

  /** Takes a file back from the material's open round (to replace it before acceptance). */
  @ApiProjectId()
  @ApiParam({ name: 'itemCode', type: String })
  @ApiParam({ name: 'material', type: String })
  @ApiParam({ name: 'fileId', type: String, format: 'uuid' })
  @ApiNoContentResponse({ description: 'Taken back' })
  @Roles('APPLICANT', 'AGENT')
  @Delete(`projects/${ITEM_MATERIAL}/files/:fileId`)
  @HttpCode(204)
  async detach(
    @Target() t: CommandTarget,
    @Param('material', MaterialCodePipe) material: string,
    @Param('fileId', ProjectIdPipe) fileId: string,
  ) {
    await this.materials.detach(t, material, fileId);
  }

  /** Every item's materials: status, each round's files (who, when), verdicts, results. */
  @ApiProjectId()
  @ApiOkResponse({ type: ProjectMaterialsDto })
  @Get('projects/:id/materials')
  async list(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    // Already JSON (a repeated read is served from the API's cache of this version's list).
    res.type('application/json');
    return this.materials.list(user, id);
  }

  /**
   * The file, to whoever may see its project (404 for anyone else), as stored; `inline=true`
   * for a preview in the browser. Every download is in the audit trail.
   */
  @ApiParam({ name: 'fileId', type: String, format: 'uuid' })
  @ApiQuery({ name: 'inline', required: false, type: Boolean })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description:
      'The bytes as stored, with their content type (PDF, OFD, JPEG, PNG, DWG, DXF, ZIP)',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @Get('files/:fileId')
  async download(
    @CurrentUser() user: Principal,
    @Param('fileId', ProjectIdPipe) fileId: string,
    @Query('inline') inline: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { file, body } = await this.materials.download(user, fileId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(body, {
      type: file.contentType,
      length: file.size,
      disposition: contentDisposition(inline === 'true' ? 'inline' : 'attachment', file.filename),
    });
  }

  /** A reviewing officer's verdict on one material of the department's item. */
  @ApiParam({ name: 'taskId', type: String })
  @ApiParam({ name: 'material', type: String })
  @ApiOkResponse({ type: ItemMaterialDto })
  @Roles('REVIEWING_OFFICER')
  @Post('tasks/:taskId/materials/:material/review')
  @HttpCode(200)
  review(
    @CurrentUser() user: Principal,
    @Param('taskId') taskId: string,
    @Param('material', MaterialCodePipe) material: string,
    @Body() body: MaterialVerdictDto,
    @IdempotencyKey() key?: string,
  ) {
    const ref = parseTaskId(taskId);
    if (!ref) throw new NotFoundException(`task ${taskId} not found`);
    return this.materials.review(user, ref.projectId, ref.itemCode, material, body, key);
  }
}
