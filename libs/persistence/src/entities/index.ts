import { CalendarYearRecord, DelegationRecord, MandateRecord } from './access-records.entity';
import { AuditEventRecord } from './audit-event-record.entity';
import { OrganisationRecord } from './organisation-record.entity';
import { NoticeRecord } from './notice-record.entity';
import { MailOutboxRecord, NoticeReadRecord } from './notice-mail.entity';
import { ProjectItemRecord } from './project-item-record.entity';
import { ProjectRecord } from './project-record.entity';
import { TimelineEventRecord } from './timeline-event-record.entity';
import { ROLES, Role, UserRecord } from './user-record.entity';
import {
  DocumentCounterRecord,
  ItemResultRecord,
  ReceiptRecord,
  type ReceiptItem,
} from './document-records.entity';
import { RatingRecord, RectificationRecord } from './rating-records.entity';
import { MaterialFileRecord } from './material-file.entity';
import {
  PlanRecord,
  SPECIALIST_STATUSES,
  SpecialistRecord,
  type PlanTarget,
  type SpecialistStatus,
} from './key-project-records.entity';

export {
  CalendarYearRecord,
  DelegationRecord,
  MandateRecord,
  NoticeRecord,
  ProjectItemRecord,
  ProjectRecord,
  TimelineEventRecord,
  UserRecord,
  ROLES,
  NoticeReadRecord,
  MailOutboxRecord,
  OrganisationRecord,
  AuditEventRecord,
  DocumentCounterRecord,
  ItemResultRecord,
  ReceiptRecord,
  RatingRecord,
  RectificationRecord,
  MaterialFileRecord,
  PlanRecord,
  SpecialistRecord,
  SPECIALIST_STATUSES,
};
export type { Role, ReceiptItem, PlanTarget, SpecialistStatus };
export const ENTITIES = [
  ProjectRecord,
  ProjectItemRecord,
  TimelineEventRecord,
  NoticeRecord,
  UserRecord,
  DelegationRecord,
  MandateRecord,
  CalendarYearRecord,
  NoticeReadRecord,
  MailOutboxRecord,
  OrganisationRecord,
  AuditEventRecord,
  DocumentCounterRecord,
  ReceiptRecord,
  ItemResultRecord,
  RatingRecord,
  RectificationRecord,
  MaterialFileRecord,
  SpecialistRecord,
  PlanRecord,
];
