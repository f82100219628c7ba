import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEntry, AuditFilter, insertAudit, listAudit } from '../../../../libs/persistence/src';

/** What the audit trail records (one name per kind of event). */
export const AUDIT_ACTIONS = [
  'LOGIN_SUCCEEDED',
  'LOGIN_FAILED',
  'LOGIN_LOCKED',
  'LOGOUT',
  'REFRESH_TOKEN_REUSED',
  'PASSWORD_CHANGED',
  'USER_CREATED',
  'USER_UPDATED',
  'ORGANISATION_CREATED',
  'DELEGATION_GRANTED',
  'DELEGATION_REVOKED',
  'MANDATE_GRANTED',
  'MANDATE_REVOKED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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
