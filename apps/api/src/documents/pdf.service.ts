import { Injectable, Logger, OnModuleInit, ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { create, type Font } from 'fontkit';
import { readFile } from 'node:fs/promises';
import type { DocumentsConfig } from '../../../../libs/config/src';
import type { ItemResultDto, ReceiptDto } from './dto/documents.dto';
import type { RequirementsDto } from './dto/requirements.dto';
import { PdfFont, receiptPdf, resultPdf } from './pdf-renderer';
import { requirementsPdf } from './requirements-pdf';

/**
 * Renders documents with the configured CJK font, read and parsed once per process: fontkit
 * decodes a CJK font's tables lazily and keeps them on the font object, so handing pdfkit the
 * same object spares every later PDF the parse (a PDF took 2-5 s under load when each one parsed
 * the file again). Without a font a PDF answers 503.
 */
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
        `no CJK font at ${this.cfg.fontPath} (PDF_FONT_PATH; npm ci installs @embedpdf/fonts-sc): receipts and results are served as JSON only, PDFs answer 503`,
      );
  }

  /** The font file in use (the npm font, Debian's, or PDF_FONT_PATH). */
  get fontPath(): string {
    return this.cfg.fontPath;
  }

  private loadFont(): Promise<PdfFont> {
    if (!this.cfg.fontFound) return Promise.reject(this.unavailable('the file does not exist'));
    this.font ??= readFile(this.cfg.fontPath)
      .then((src) => this.parse(src))
      .catch((err: Error) => {
        this.font = undefined;
        throw err instanceof ServiceUnavailableException ? err : this.unavailable(err.message);
      });
    return this.font;
  }

  /** One face: a single font as it is, a collection's face by PostScript name (PDF_FONT_NAME). */
  private parse(src: Buffer): PdfFont {
    let parsed: ReturnType<typeof create>;
    try {
      parsed = create(src);
    } catch (err) {
      throw this.unavailable(`not a font fontkit reads: ${(err as Error).message}`);
    }
    if (!('fonts' in parsed)) return parsed;
    const face = parsed.fonts.find((f: Font) => f.postscriptName === this.cfg.fontName);
    if (!face) throw this.unavailable(`the collection has no face ${this.cfg.fontName}`);
    return face;
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
      // A font pdfkit cannot lay out fails every render alike.
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
