import { NoticeRecord } from './notice-record.entity';
import { ProjectItemRecord } from './project-item-record.entity';
import { ProjectRecord } from './project-record.entity';
import { SmokeRecord } from './smoke-record.entity';
import { TimelineEventRecord } from './timeline-event-record.entity';

export { NoticeRecord, ProjectItemRecord, ProjectRecord, SmokeRecord, TimelineEventRecord };
export const ENTITIES = [
  SmokeRecord,
  ProjectRecord,
  ProjectItemRecord,
  TimelineEventRecord,
  NoticeRecord,
];
