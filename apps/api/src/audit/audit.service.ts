import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AUDIT_ACTIONS,
  AuditEntry,
  AuditFilter,
  insertAudit,
  listAudit,
  type AuditAction,
} from '../../../../libs/persistence/src';

export { AUDIT_ACTIONS, type AuditAction };

@Injectable()
export class AuditService {
  private readonly log = new Logger(AuditService.name);

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Writes one event. A failure to write is logged, not thrown, for sign-in events whose
   * answer must not depend on it; account changes await it (`strict`).
   */
  async record(e: AuditEntry & { action: AuditAction }, strict = false): Promise<void> {
    try {
      await insertAudit(this.ds, e);
    } catch (err) {
      if (strict) throw err;
      this.log.warn(`audit ${e.action} of ${e.subject ?? '-'} not written: ${String(err)}`);
    }
  }

  list(f: AuditFilter) {
    return listAudit(this.ds, f);
  }
}
