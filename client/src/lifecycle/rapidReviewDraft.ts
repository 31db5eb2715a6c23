import type { RapidReviewContent } from '../../../shared/lifecycle/index.js';
import type { FormError } from '../components/ErrorSummary.js';
import { DateCollector, isoToInput } from './dateInput.js';

/**
 * The Rapid Review form's working copy: the record's content with its dates as typed (DD/MM/YYYY
 * text). It converts back, with a problem listed for each date that is not a real day and each
 * participant without a name or agency, before anything is sent.
 */
export type RapidReviewDraft = RapidReviewContent;

/** The id of a Rapid Review field from its path in the content. */
export const rrId = (path: string): string => `rr-${path.replace(/\./g, '-')}`;

/** The saved content as the form starts it. */
export function toDraft(c: RapidReviewContent): RapidReviewDraft {
  return {
    ...c,
    background: {
      ...c.background,
      incidentDate: isoToInput(c.background.incidentDate),
      ofstedNotifiedDate: isoToInput(c.background.ofstedNotifiedDate),
      meetingDate: isoToInput(c.background.meetingDate),
    },
    signOff: { ...c.signOff, dateSubmitted: isoToInput(c.signOff.dateSubmitted) },
    panelLetter: { ...c.panelLetter, letterDate: isoToInput(c.panelLetter.letterDate) },
  };
}

/** The content to send, and the problems that stop it being sent. */
export function fromDraft(d: RapidReviewDraft): { content: RapidReviewContent; problems: FormError[] } {
  const dates = new DateCollector();
  const date = (v: string | null, path: string, label: string) => dates.take(v ?? '', rrId(path), label);
  const content: RapidReviewContent = {
    ...d,
    background: {
      ...d.background,
      incidentDate: date(d.background.incidentDate, 'background.incidentDate', 'Date of death or serious incident'),
      ofstedNotifiedDate: date(d.background.ofstedNotifiedDate, 'background.ofstedNotifiedDate', 'Date notified to Ofsted'),
      meetingDate: date(d.background.meetingDate, 'background.meetingDate', 'Date of the Rapid Review meeting'),
    },
    signOff: { ...d.signOff, dateSubmitted: date(d.signOff.dateSubmitted, 'signOff.dateSubmitted', 'Date submitted to the National Panel') },
    panelLetter: { ...d.panelLetter, letterDate: date(d.panelLetter.letterDate, 'panelLetter.letterDate', 'Date of the letter') },
    proposedKloes: d.proposedKloes,
  };
  const problems: FormError[] = [...dates.errors];
  d.participants.forEach((p, i) => {
    if (!p.name.trim()) problems.push({ fieldId: rrId(`participants.${i}.name`), message: `Participant ${i + 1}: enter their name` });
    if (!p.agencyId) problems.push({ fieldId: rrId(`participants.${i}.agencyId`), message: `Participant ${i + 1}: select their agency` });
  });
  d.observers.forEach((o, i) => {
    if (!o.name.trim()) problems.push({ fieldId: rrId(`observers.${i}.name`), message: `Observer ${i + 1}: enter their name` });
  });
  d.omissions.forEach((o, i) => {
    if (!o.agency.trim()) problems.push({ fieldId: rrId(`omissions.${i}.agency`), message: `Omission ${i + 1}: enter the agency` });
  });
  d.proposedKloes.forEach((k, i) => {
    if (!k.trim()) problems.push({ fieldId: rrId(`proposedKloes.${i}`), message: `Key line of enquiry ${i + 1}: enter it, or remove it` });
  });
  return { content, problems };
}
