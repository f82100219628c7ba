import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ChecklistRequest } from '../catalog/catalog.controller';
import { ApiProjectId, ProjectIdPipe } from '../common/route-params';
import { RequirementsDto } from './dto/requirements.dto';
import { ApiDocument, pdfFile, wantsPdf } from './pdf-response';
import { PdfService } from './pdf.service';
import { RequirementsService } from './requirements.service';

/** 一次性告知书: what to hand in for every item, told once — as JSON or a PDF. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class RequirementsController {
  constructor(
    private readonly requirements: RequirementsService,
    private readonly pdf: PdfService,
  ) {}

  @ApiProjectId()
  @ApiDocument(RequirementsDto, "The project's 一次性告知书, with where each material stands")
  @Get('projects/:id/requirements')
  async forProject(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RequirementsDto | StreamableFile> {
    const pdf = wantsPdf(req);
    const r = await this.requirements.forProject(user, id);
    return this.answer(r, pdf, res, `告知书-${id.slice(0, 8)}`);
  }

  /** Before the project exists: the 一次性告知书 of questionnaire answers (the checklist preview). */
  @ApiDocument(RequirementsDto, 'The 一次性告知书 of the answers')
  @Post('checklists/requirements')
  @HttpCode(200)
  async preview(
    @Body() body: ChecklistRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RequirementsDto | StreamableFile> {
    const pdf = wantsPdf(req);
    const r = await this.requirements.preview(body.answers, body.region);
    return this.answer(r, pdf, res, '告知书-预览');
  }

  private async answer(r: RequirementsDto, pdf: boolean, res: Response, name: string) {
    if (!pdf) {
      res.vary('Accept');
      return r;
    }
    return pdfFile(res, await this.pdf.requirements(r), name);
  }
}
