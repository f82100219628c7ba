import { Controller, Get, Param, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { StageCode } from '../../../../libs/domain/src';
import { CurrentUser } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiProjectId, ApiStage, ProjectIdPipe, StagePipe } from '../common/route-params';
import { DocumentsService } from './documents.service';
import { ItemResultDto, ReceiptDto } from './dto/documents.dto';
import { PdfService } from './pdf.service';
import { ApiDocument, pdfFile, wantsPdf } from './pdf-response';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('projects')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly pdf: PdfService,
  ) {}

  /** 受理单 of an accepted stage; 404 before the window accepts it. */
  @ApiProjectId()
  @ApiStage()
  @ApiDocument(ReceiptDto, 'The receipt (受理单) issued when the window accepted the stage')
  @Get(':id/stages/:stage/receipt')
  async receipt(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('stage', StagePipe) stage: StageCode,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReceiptDto | StreamableFile> {
    const pdf = wantsPdf(req);
    const receipt = await this.documents.receipt(user, id, stage);
    if (!pdf) {
      res.vary('Accept');
      return receipt;
    }
    return pdfFile(res, await this.pdf.receipt(receipt), receipt.number);
  }

  /** 办结通知 of an approved item; 404 before its approval. */
  @ApiProjectId()
  @ApiParam({ name: 'itemCode', type: String })
  @ApiDocument(ItemResultDto, 'The result (办结通知) issued when the item was approved')
  @Get(':id/items/:itemCode/result')
  async result(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('itemCode') itemCode: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ItemResultDto | StreamableFile> {
    const pdf = wantsPdf(req);
    const result = await this.documents.result(user, id, itemCode);
    if (!pdf) {
      res.vary('Accept');
      return result;
    }
    return pdfFile(res, await this.pdf.result(result), result.number);
  }
}
