import { ApiProperty } from '@nestjs/swagger';
import { STAGE_CODES, type StageCode } from '../../../../../libs/domain/src';

export class ReceiptItemDto {
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'The item name (Chinese)' }) name!: string;
  @ApiProperty({ description: 'The department, by name (Chinese)' }) department!: string;
  @ApiProperty({ description: 'The department code' }) departmentCode!: string;
  @ApiProperty({ description: 'Promised limit (承诺时限) in working days' }) limitDays!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'YYYY-MM-DD: the last working day of the promised limit, as the report said at acceptance; null for an item that starts once its prerequisites are decided',
  })
  dueDate!: string | null;
}

/** 受理单: what the window accepted, with the promised limits. */
export class ReceiptDto {
  @ApiProperty({ example: 'SL-2026-000123', description: 'Unique per year of acceptance' })
  number!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() projectName!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: '投资项目统一代码; null when none was given',
  })
  projectCode!: string | null;
  @ApiProperty({ description: "The owner organisation's code" }) ownerOrganisation!: string;
  @ApiProperty({ description: "The owner organisation's name, as the administrator holds it" })
  ownerOrganisationName!: string;
  @ApiProperty({ enum: STAGE_CODES }) stage!: StageCode;
  @ApiProperty({ description: 'YYYY-MM-DD' }) acceptedOn!: string;
  @ApiProperty({ type: [ReceiptItemDto] }) items!: ReceiptItemDto[];
  @ApiProperty({ description: "The project's total limit in working days" })
  projectLimitDays!: number;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt!: string;
}

/** 办结通知: the approval of one item, as issued. */
/** 告知承诺制: the commitment the approval was given on, and its follow-up check's due date. */
export class ResultCommitmentDto {
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'YYYY-MM-DD' }) checkDue!: string;
}

/** The follow-up check failed: the result is revoked. */
export class ResultRevocationDto {
  @ApiProperty({ description: 'YYYY-MM-DD' }) on!: string;
  @ApiProperty() comment!: string;
}

export class ItemResultDto {
  @ApiProperty({ example: 'BJ-2026-000042', description: 'Unique per year of the decision' })
  number!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() projectName!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: '投资项目统一代码; null when none was given',
  })
  projectCode!: string | null;
  @ApiProperty({ description: "The owner organisation's code" }) ownerOrganisation!: string;
  @ApiProperty({ description: "The owner organisation's name, as the administrator holds it" })
  ownerOrganisationName!: string;
  @ApiProperty() itemCode!: string;
  @ApiProperty({ description: 'The item name (Chinese)' }) itemName!: string;
  @ApiProperty({ description: 'The department, by name (Chinese)' }) department!: string;
  @ApiProperty({ description: 'The department code' }) departmentCode!: string;
  @ApiProperty({ description: 'Application round (a resubmission after a rejection is round 2)' })
  round!: number;
  @ApiProperty({ description: 'YYYY-MM-DD' }) decidedOn!: string;
  @ApiProperty({ description: 'The approving officer' }) officer!: string;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt!: string;
  /** Approved on the applicant's written commitment (告知承诺); null otherwise. */
  @ApiProperty({ type: ResultCommitmentDto, nullable: true })
  onCommitment!: ResultCommitmentDto | null;
  /** Revoked by a failed follow-up check (核查); null while the result stands. */
  @ApiProperty({ type: ResultRevocationDto, nullable: true }) revoked!: ResultRevocationDto | null;
}
