import { CalendarYearRecord, DelegationRecord, MandateRecord } from './access-records.entity';
import { NoticeRecord } from './notice-record.entity';
import { ProjectItemRecord } from './project-item-record.entity';
import { ProjectRecord } from './project-record.entity';
import { TimelineEventRecord } from './timeline-event-record.entity';
import { ROLES, Role, UserRecord } from './user-record.entity';
import { RatingRecord, RectificationRecord } from './rating-records.entity';

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
  RatingRecord,
  RectificationRecord,
};
export type { Role };
export const ENTITIES = [
  ProjectRecord,
  ProjectItemRecord,
  TimelineEventRecord,
  NoticeRecord,
  UserRecord,
  DelegationRecord,
  MandateRecord,
  CalendarYearRecord,
  RatingRecord,
  RectificationRecord,
];
