import { Injectable, Logger, OnModuleInit, ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { readFile } from 'node:fs/promises';
import type { DocumentsConfig } from '../../../../libs/config/src';
import type { ItemResultDto, ReceiptDto } from './dto/documents.dto';
import type { RequirementsDto } from './dto/requirements.dto';
import { PdfFont, receiptPdf, resultPdf } from './pdf-renderer';
import { requirementsPdf } from './requirements-pdf';

/** Renders documents with the configured CJK font, read once; without it a PDF answers 503. */
@Injectable()
export class PdfService implements OnModuleInit {
  private readonly log = new Logger(PdfService.name);
  private readonly cfg: DocumentsConfig;
  private font?: Promise<PdfFont>;

  constructor(config: ConfigService) {
    this.cfg = config.getOrThrow<DocumentsConfig>('documents');
  }

  onModuleInit() {
    if (!this.cfg.fontFound)
      this.log.warn(
        `no CJK font at ${this.cfg.fontPath} (PDF_FONT_PATH; Debian: fonts-noto-cjk): receipts and results are served as JSON only, PDFs answer 503`,
      );
  }

  private loadFont(): Promise<PdfFont> {
    if (!this.cfg.fontFound) return Promise.reject(this.unavailable('the file does not exist'));
    this.font ??= readFile(this.cfg.fontPath).then(
      (src) => ({ src, name: this.cfg.fontName }),
      (err: Error) => {
        this.font = undefined;
        throw this.unavailable(err.message);
      },
    );
    return this.font;
  }

  private unavailable(reason: string) {
    return new ServiceUnavailableException(
      `PDF documents are unavailable: font ${this.cfg.fontPath} (PDF_FONT_PATH, face ${this.cfg.fontName}): ${reason}`,
    );
  }

  private async render<T>(doc: T, draw: (font: PdfFont, doc: T) => Promise<Buffer>) {
    const font = await this.loadFont();
    try {
      return await draw(font, doc);
    } catch (err) {
      // A font pdfkit cannot read (or a face the collection lacks) fails every render alike.
      throw this.unavailable(err instanceof Error ? err.message : String(err));
    }
  }

  receipt(r: ReceiptDto): Promise<Buffer> {
    return this.render(r, receiptPdf);
  }

  result(r: ItemResultDto): Promise<Buffer> {
    return this.render(r, resultPdf);
  }

  requirements(r: RequirementsDto): Promise<Buffer> {
    return this.render(r, requirementsPdf);
  }
}
