/** How a document route answers: JSON (its DTO) or a PDF, by the request's Accept header. */
import { NotAcceptableException, StreamableFile, applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { contentDisposition } from '../common/content-disposition';

export const PDF = 'application/pdf';

/** 200 as JSON (the DTO) or as a PDF, by the Accept header. */
export const ApiDocument = (dto: Type<unknown>, description: string) =>
  applyDecorators(
    ApiExtraModels(dto),
    ApiProduces('application/json', PDF),
    ApiOkResponse({
      description: `${description}: JSON, or a PDF in Chinese with \`Accept: ${PDF}\``,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(dto) } },
        [PDF]: { schema: { type: 'string', format: 'binary' } },
      },
    }),
  );

/** Which form the caller asked for: JSON unless it prefers a PDF; 406 for neither. */
export function wantsPdf(req: Request): boolean {
  const best = req.accepts(['application/json', PDF]);
  if (best === false)
    throw new NotAcceptableException(
      `Accept: this document is served as application/json or ${PDF}`,
    );
  return best === PDF;
}

export function pdfFile(res: Response, body: Buffer, number: string) {
  res.vary('Accept');
  return new StreamableFile(body, {
    type: PDF,
    disposition: contentDisposition('attachment', `${number}.pdf`),
    length: body.length,
  });
}
