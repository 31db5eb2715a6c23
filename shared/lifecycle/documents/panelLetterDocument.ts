import { formatUkDate } from '../../dates.js';
import type { PartnerType } from '../../schemas/records.js';
import { checkQuorum, joinWithAnd, PARTNER_NAMES } from '../quorum.js';
import type { RapidReviewContent } from '../rapidReviewRecord.js';
import { LIFECYCLE_MARKING, type DocBlock, type LifecycleDocument } from './model.js';

/** The National Panel's postal address, as the template gives it (seed 002, Document 5). */
export const NATIONAL_PANEL_ADDRESS = ['Child Safeguarding Practice Review Panel', 'Sanctuary Buildings', '20 Great Smith Street', 'London', 'SW1P 3BT'] as const;

/** What the covering letter is made from. */
export type PanelLetterInput = {
  partnership: string;
  review: { title: string; referralDate: string | null };
  content: RapidReviewContent;
  agencies: readonly { id: string; partnerType: PartnerType }[];
  /** The letter's date when none is set on the record (today, in England). */
  todayIso: string;
};

/** The sentence-ending that states the Rapid Review's conclusion, by recommendation; null when none is recorded. */
export function conclusionPhrase(c: Pick<RapidReviewContent, 'recommendation' | 'otherReviewType'>): string | null {
  switch (c.recommendation) {
    case 'a':
      return 'meets the criteria for a national Child Safeguarding Practice Review';
    case 'b':
      return 'meets the criteria for a local Child Safeguarding Practice Review';
    case 'c':
      return 'does not meet the criteria for a Child Safeguarding Practice Review but warrants a local Child Safeguarding Practice Review';
    case 'd':
      return `does not meet the criteria for a Child Safeguarding Practice Review but warrants consideration of ${c.otherReviewType.trim() || 'a DHR, SAR, MAPPA or other review'}`;
    case 'e':
      return 'does not need a further review, because the Rapid Review has identified learning that has been acted upon';
    case null:
      return null;
  }
}

/**
 * The covering letter to the Chair of the National Panel (Document 5), with the template's
 * alternatives already chosen: the notification date, whether the meeting was quorate, and the
 * conclusion. Anything not recorded yet appears in square brackets so it cannot go unnoticed.
 */
export function panelLetterDocument(input: PanelLetterInput): LifecycleDocument {
  const c = input.content;
  const l = c.panelLetter;
  const quorum = checkQuorum(c.participants, input.agencies);
  const reference = l.caseReference.trim() || input.review.title;
  const notified = input.review.referralDate ? formatUkDate(input.review.referralDate) : '[date of notification]';
  const conclusion = conclusionPhrase(c) ?? '[the recommendation has not been recorded]';
  const representation = quorum.quorate
    ? 'This Rapid Review included a representative from each of the Safeguarding Partners and concluded that the case'
    : `This Rapid Review did not include a representative from ${joinWithAnd(quorum.missing.map((p) => PARTNER_NAMES[p]))}. It concluded that the case`;
  const endorsed = c.signOff.endorsedBy.trim() ? ` The decision has been endorsed by ${c.signOff.endorsedBy.trim()}.` : '';
  const contact = l.contactDetails.trim() ? ` (${l.contactDetails.trim().replace(/\s*\n\s*/g, ', ')})` : '';

  const blocks: DocBlock[] = [
    { kind: 'lines', align: 'right', lines: [input.partnership, `Date: ${formatUkDate(l.letterDate ?? input.todayIso)}`] },
    { kind: 'lines', lines: [...NATIONAL_PANEL_ADDRESS] },
    { kind: 'paragraph', text: `Dear ${l.panelChairName.trim() || 'Chair of the Child Safeguarding Practice Review Panel'},` },
    { kind: 'heading', level: 1, text: `Decision of the Rapid Review of ${reference}` },
    {
      kind: 'paragraph',
      text: `I am writing to you in your capacity as Chair of the Child Safeguarding Practice Review Panel. Our Safeguarding Partners received notification of a serious incident which may meet the criteria for a child safeguarding practice review on ${notified} and have, therefore, undertaken a Rapid Review to consider the case.`,
    },
    { kind: 'paragraph', text: `${representation} ${conclusion}.` },
    {
      kind: 'paragraph',
      text: `I attach for your information a copy of our completed Rapid Review which provides a summary of the case and the decision and rationale of the Safeguarding Partners.${endorsed}`,
    },
    {
      kind: 'paragraph',
      text: `I trust this is sufficient information for you to share with the Panel. However, please do not hesitate to contact me${contact} if you require any further information.`,
    },
    { kind: 'paragraph', text: 'Yours sincerely,' },
    { kind: 'lines', lines: [l.signatoryName.trim() || '[name]', l.signatoryTitle.trim() || '[title]', input.partnership] },
    { kind: 'paragraph', text: 'Enc: Rapid Review template' },
  ];
  return { title: 'Letter to the National Panel', filename: 'panel-letter.docx', marking: LIFECYCLE_MARKING, blocks };
}
