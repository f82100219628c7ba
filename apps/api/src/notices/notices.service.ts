import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  UserRecord,
  markAllNoticesRead,
  markNoticeRead,
  noticesOf,
  type NoticeRow,
} from '../../../../libs/persistence/src';
import type { Principal } from '../auth/principal';
import type {
  MailSettingsDto,
  NoticeDto,
  NoticeKind,
  UpdateMailSettingsDto,
} from './dto/notice.dto';

const NOTICE_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(-?\d{1,15})$/i;

/** `<projectId>:<seq>` → its parts, or 400 naming the parameter. */
export function parseNoticeId(id: string): { projectId: string; seq: number } {
  const m = NOTICE_ID.exec(id);
  if (!m) throw new BadRequestException('id must be <project id>:<seq>, e.g. 0b8e…:12');
  return { projectId: m[1].toLowerCase(), seq: Number(m[2]) };
}

const view = (n: NoticeRow): NoticeDto => ({
  id: `${n.projectId}:${n.seq}`,
  projectId: n.projectId,
  projectName: n.projectName,
  kind: n.kind as NoticeKind,
  itemCode: n.itemCode,
  message: n.message,
  text: n.text,
  createdAt: new Date(n.createdAt).toISOString(),
  readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
});

/** The caller's notices (who reads what: libs/persistence/src/read-model/notices.ts). */
@Injectable()
export class NoticesService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(p: Principal, q: { unread: boolean; page: number; pageSize: number }) {
    const { items, total, unread } = await noticesOf(this.ds, p.userId, {
      unreadOnly: q.unread,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { items: items.map(view), total, unread, page: q.page, pageSize: q.pageSize };
  }

  async read(p: Principal, id: string): Promise<NoticeDto> {
    const { projectId, seq } = parseNoticeId(id);
    const row = await markNoticeRead(this.ds, p.userId, projectId, seq);
    if (!row) throw new NotFoundException(`notice ${id} does not exist or is not addressed to you`);
    return view(row);
  }

  async readAll(p: Principal) {
    const marked = await markAllNoticesRead(this.ds, p.userId);
    const { unread } = await noticesOf(this.ds, p.userId, {
      unreadOnly: true,
      page: 1,
      pageSize: 1,
    });
    return { marked, unread };
  }

  async mailSettings(p: Principal): Promise<MailSettingsDto> {
    const u = await this.ds.getRepository(UserRecord).findOneBy({ id: p.userId });
    if (!u) throw new NotFoundException('your account no longer exists');
    return { email: u.email, mailNotices: u.mailNotices };
  }

  async updateMailSettings(p: Principal, body: UpdateMailSettingsDto): Promise<MailSettingsDto> {
    const change: Partial<UserRecord> = {};
    if (body.email !== undefined) change.email = body.email === null ? null : body.email.trim();
    if (body.mailNotices !== undefined) change.mailNotices = body.mailNotices;
    if (Object.keys(change).length > 0) {
      await this.ds.getRepository(UserRecord).update({ id: p.userId }, change);
    }
    return this.mailSettings(p);
  }
}
