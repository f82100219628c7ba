import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StageCode } from '../../../../libs/domain/src';
import { stageSubmissions } from '../../../../libs/persistence/src';

@Injectable()
export class SubmissionsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(status: string, page: number, pageSize: number) {
    const { items, total } = await stageSubmissions(this.ds, status, page, pageSize);
    return {
      items: items.map((i) => ({ ...i, stage: i.stage as StageCode })),
      total,
      page,
      pageSize,
    };
  }
}
