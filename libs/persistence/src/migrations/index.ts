import { SmokeRecords1763773200000 } from './1763773200000-smoke-records';
import { ReadModel1763780000000 } from './1763780000000-read-model';
import { Users1763790000000 } from './1763790000000-users';
import { AccessAndCalendar1763800000000 } from './1763800000000-access-and-calendar';
import { ProjectionFence1763810000000 } from './1763810000000-projection-fence';
import { DropSmokeRecords1763820000000 } from './1763820000000-drop-smoke-records';
import { UserEmail1763825000000 } from './1763825000000-user-email';
import { Statistics1763870000000 } from './1763870000000-statistics';
import { NoticeTexts1763875000000 } from './1763875000000-notice-texts';
import { NoticeReadsAndMail1763830000000 } from './1763830000000-notice-reads-and-mail';
import { Accounts1763860000000 } from './1763860000000-accounts';
import { Receipts1763840000000 } from './1763840000000-receipts';
import { Ratings1763850000000 } from './1763850000000-ratings';
import { ReadPath1763880000000 } from './1763880000000-read-path';
import { OverdueFrom1763885000000 } from './1763885000000-overdue-from';
import { DeadlineSweep1763890000000 } from './1763890000000-deadline-sweep';
import { MaterialFiles1763900000000 } from './1763900000000-material-files';
import { CatalogueVersions1763910000000 } from './1763910000000-catalogue-versions';
import { ProjectMasterData1763920000000 } from './1763920000000-project-master-data';
import { ExchangeOutbox1763920001000 } from './1763920001000-exchange-outbox';
import { KeyProjects1763930000000 } from './1763930000000-key-projects';
import { CommitmentChecks1763940000000 } from './1763940000000-commitment-checks';
import { NoticeRecipientUser1763960000000 } from './1763960000000-notice-recipient-user';
import { WindowRegion1763970000000 } from './1763970000000-window-region';
import { MailAttempts1763980000000 } from './1763980000000-mail-attempts';

/** In order; every schema change is a new timestamped migration appended here. */
export const MIGRATIONS = [
  SmokeRecords1763773200000,
  ReadModel1763780000000,
  Users1763790000000,
  AccessAndCalendar1763800000000,
  ProjectionFence1763810000000,
  DropSmokeRecords1763820000000,
  UserEmail1763825000000,
  NoticeReadsAndMail1763830000000,
  Receipts1763840000000,
  Ratings1763850000000,
  Accounts1763860000000,
  Statistics1763870000000,
  NoticeTexts1763875000000,
  ReadPath1763880000000,
  OverdueFrom1763885000000,
  DeadlineSweep1763890000000,
  MaterialFiles1763900000000,
  CatalogueVersions1763910000000,
  ProjectMasterData1763920000000,
  ExchangeOutbox1763920001000,
  KeyProjects1763930000000,
  CommitmentChecks1763940000000,
  NoticeRecipientUser1763960000000,
  WindowRegion1763970000000,
  MailAttempts1763980000000,
];
