/**
 * Who is told of a specialist's assignment (代办专员, issue 27), and in what words: the owner is
 * asked for consent when the service centre proposes one; the centre user who assigned and the
 * specialist learn the owner's answer. Written by the API beside the assignment (negative seqs,
 * as the rectification's), not by the project workflow.
 */
import { noticeText, type NoticeText } from './notice-texts';

export const SPECIALIST_NOTICE_KINDS = [
  'SPECIALIST_PROPOSED',
  'SPECIALIST_ACCEPTED',
  'SPECIALIST_DECLINED',
] as const;
export type SpecialistNoticeKind = (typeof SPECIALIST_NOTICE_KINDS)[number];

/** A notice to the owner's applicants (and agents), or to one person by username. */
export interface ServiceNoticeDraft {
  recipientRole: 'APPLICANT' | 'USER';
  organisation?: string;
  username?: string;
  kind: SpecialistNoticeKind;
  message: string;
  text: NoticeText;
}

/** The assignment as the notices name it: people by display name, the owner by its name. */
export interface Assignment {
  project: string;
  /** The owner organisation's code (who the applicant notice reaches). */
  organisation: string;
  /** Its name, as the words say it. */
  owner: string;
  specialist: { username: string; name: string };
  assignedBy: { username: string; name: string };
}

const params = (a: Assignment) => ({
  project: a.project,
  owner: a.owner,
  specialist: a.specialist.name,
  by: a.assignedBy.name,
});

/** The centre proposed a specialist: the owner is asked to accept or decline. */
export function specialistProposed(a: Assignment): ServiceNoticeDraft[] {
  return [
    {
      recipientRole: 'APPLICANT',
      organisation: a.organisation,
      kind: 'SPECIALIST_PROPOSED',
      ...noticeText('specialistProposed', params(a)),
    },
  ];
}

/** The owner answered: the centre user who assigned and the specialist are told. */
export function specialistAnswered(a: Assignment, accepted: boolean): ServiceNoticeDraft[] {
  const words = noticeText(accepted ? 'specialistAccepted' : 'specialistDeclined', params(a));
  const kind = accepted ? 'SPECIALIST_ACCEPTED' : 'SPECIALIST_DECLINED';
  const to = [a.assignedBy.username, a.specialist.username];
  return [...new Set(to)].map((username) => ({
    recipientRole: 'USER',
    username,
    kind,
    ...words,
  }));
}
