import { formatUkDate } from '../../dates.js';
import type { Person } from '../../people.js';
import { PARTNER_TYPE_LABELS, type PartnerType } from '../../schemas/records.js';
import { childBackground, familyTable } from '../family.js';
import { checkQuorum, quorumSentence } from '../quorum.js';
import { CRITERIA, CRITERION_LABELS, DISCUSSION_FIELDS, DISCUSSION_LABELS, RECOMMENDATION_LABELS, RecommendationSchema, type RapidReviewContent } from '../rapidReviewRecord.js';
import { RAG_LABELS, type ScopingDigest } from '../scoping.js';
import { answer, textBlock, LIFECYCLE_MARKING, type DocBlock, type LifecycleDocument } from './model.js';

/** What the completed Rapid Review template is made from. */
export type RapidReviewDocumentInput = {
  partnership: string;
  review: { title: string; referralDate: string | null };
  content: RapidReviewContent;
  agencies: readonly { id: string; name: string; partnerType: PartnerType }[];
  people: readonly Person[];
  scoping: ScopingDigest;
};

const day = (iso: string | null) => (iso ? formatUkDate(iso) : '');

/**
 * The completed Rapid Review template (Document 4), section by section, with the family table from
 * the people register, the quorum stated in words, and the returned scoping forms as an appendix.
 * Real names are kept: it goes to the National Panel, not to publication.
 */
export function rapidReviewDocument(input: RapidReviewDocumentInput): LifecycleDocument {
  const c = input.content;
  const b: DocBlock[] = [];
  const agencyName = new Map(input.agencies.map((a) => [a.id, a.name]));
  const child = childBackground(input.people, c.background.incidentDate);
  const quorum = checkQuorum(c.participants, input.agencies);

  b.push({ kind: 'title', text: 'Rapid Review' });
  b.push({ kind: 'paragraph', text: `${input.partnership}: report of the Rapid Review discussions and recommendation for the Child Safeguarding Practice Review Panel.` });

  b.push({ kind: 'heading', level: 1, text: 'Background information' });
  b.push({
    kind: 'fields',
    rows: [
      { label: 'Review', value: input.review.title },
      { label: 'Name of child', value: child.name },
      { label: 'Date of birth and age', value: answer(child.dateOfBirthAndAge) },
      { label: 'Ethnicity', value: answer(child.ethnicity) },
      { label: 'Gender', value: answer(child.gender) },
      { label: 'Other key details about the child', value: answer(c.background.otherKeyDetails) },
      { label: 'Date of death or serious incident', value: answer(day(c.background.incidentDate)) },
      { label: 'Date of referral or notification', value: answer(day(input.review.referralDate)) },
      { label: 'Date notified to Ofsted', value: answer(day(c.background.ofstedNotifiedDate)) },
      { label: 'Date of Rapid Review', value: answer(day(c.background.meetingDate)) },
    ],
  });

  b.push({ kind: 'heading', level: 2, text: 'List of participants in the Rapid Review' });
  b.push({
    kind: 'paragraph',
    style: 'guidance',
    text: 'To be quorate at least one representative from each of the safeguarding partners needs to be present: the ICB, police and local authority.',
  });
  b.push({
    kind: 'table',
    header: ['Name', 'Job role or title', 'Agency or organisation', 'Partner type'],
    empty: 'No participants recorded',
    rows: c.participants.map((p) => {
      const a = input.agencies.find((x) => x.id === p.agencyId);
      return [p.name, p.role, agencyName.get(p.agencyId) ?? 'Agency no longer in the review', a ? PARTNER_TYPE_LABELS[a.partnerType] : ''];
    }),
  });
  b.push({ kind: 'paragraph', style: 'strong', text: quorumSentence(quorum) });
  b.push({ kind: 'heading', level: 2, text: 'Observers' });
  b.push({ kind: 'table', header: ['Name', 'Job role or title', 'Organisation'], empty: 'No observers', rows: c.observers.map((o) => [o.name, o.role, o.organisation]) });
  b.push({ kind: 'heading', level: 2, text: 'Omissions to the list of participants' });
  b.push({ kind: 'table', header: ['Agency', 'Reason for the omission'], empty: 'No omissions', rows: c.omissions.map((o) => [o.agency, o.reason]) });

  b.push({ kind: 'heading', level: 1, text: 'Section 1: Case background' });
  b.push({ kind: 'heading', level: 2, text: 'Details of family members and significant others' });
  b.push({
    kind: 'table',
    header: ['Name and address', 'Relationship to child', 'Date of birth', 'Ethnicity', 'Other relevant information'],
    empty: 'No one is recorded in the people register',
    rows: familyTable(input.people).map((f) => [[f.name, ...f.addresses].join('\n'), f.relationship, day(f.dateOfBirth), f.ethnicity, f.otherInformation]),
  });
  b.push({ kind: 'heading', level: 2, text: 'Case summary' });
  b.push(textBlock(c.caseSummary));
  b.push({ kind: 'heading', level: 2, text: 'Documentation available to this Rapid Review' });
  b.push(textBlock(c.documentationAvailable));

  b.push({ kind: 'heading', level: 1, text: 'Section 2: Consideration of case, criteria and guidance' });
  b.push({ kind: 'heading', level: 2, text: '2.1 Immediate safeguarding arrangements of any children involved' });
  b.push({ kind: 'paragraph', text: 'Has all appropriate immediate action been taken to ensure children’s safety and share any learning appropriately?' });
  b.push({
    kind: 'checklist',
    items: [
      { label: 'Yes', checked: c.immediateAction.allTaken === 'yes' },
      { label: 'No', checked: c.immediateAction.allTaken === 'no' },
    ],
  });
  b.push({ kind: 'paragraph', style: 'guidance', text: 'Details of action taken. If no, what actions need to be taken, when, and by whom:' });
  b.push(textBlock(c.immediateAction.details));
  b.push({ kind: 'heading', level: 2, text: '2.2 Identifying improvements to safeguard and promote the welfare of children' });
  b.push({
    kind: 'paragraph',
    text: 'Those present at the Rapid Review have considered whether to carry out a local child safeguarding practice review and have agreed that the case has the potential to meet the following criteria from Working Together 2023:',
  });
  b.push({ kind: 'checklist', items: CRITERIA.map((k) => ({ label: CRITERION_LABELS[k], checked: c.criteria.includes(k) })) });
  b.push({ kind: 'heading', level: 2, text: '2.3 Rapid Review discussions' });
  for (const k of DISCUSSION_FIELDS) {
    b.push({ kind: 'heading', level: 3, text: DISCUSSION_LABELS[k] });
    b.push(textBlock(c.discussion[k]));
  }

  b.push({ kind: 'heading', level: 1, text: 'Section 3: Recommendation' });
  b.push({ kind: 'paragraph', text: 'After completing this Rapid Review, it has been agreed that this case:' });
  b.push({
    kind: 'checklist',
    items: RecommendationSchema.options.map((k) => ({
      label: `${k}) ${RECOMMENDATION_LABELS[k]}${k === 'd' && c.otherReviewType.trim() ? `. Please state: ${c.otherReviewType.trim()}` : ''}`,
      checked: c.recommendation === k,
    })),
  });
  b.push({ kind: 'heading', level: 2, text: 'Proposed key lines of enquiry for the LCSPR' });
  b.push({ kind: 'numbered', items: c.proposedKloes, empty: 'None proposed' });
  b.push({ kind: 'heading', level: 2, text: 'Reasons for the recommendation' });
  b.push(textBlock(c.reasons));

  b.push({ kind: 'heading', level: 1, text: 'Sign off' });
  b.push({
    kind: 'paragraph',
    style: 'guidance',
    text: 'How the Rapid Review has been formally ratified by the three safeguarding partners, and who from each takes executive responsibility for the decision-making.',
  });
  b.push(textBlock(c.signOff.ratification));
  b.push({
    kind: 'fields',
    rows: [
      { label: 'Local authority', value: answer(c.signOff.localAuthorityLead) },
      { label: 'Police', value: answer(c.signOff.policeLead) },
      { label: 'Integrated Care Board', value: answer(c.signOff.icbLead) },
      { label: 'Endorsed by (independent chair or scrutineer)', value: answer(c.signOff.endorsedBy) },
      { label: 'Date this form was submitted to the National Panel', value: answer(day(c.signOff.dateSubmitted)) },
    ],
  });

  b.push(...scopingAppendix(input.scoping));
  return { title: 'Rapid Review', filename: 'rapid-review.docx', marking: LIFECYCLE_MARKING, blocks: b };
}

/** The returned scoping forms (Document 2), so the Panel sees what each agency told the meeting. */
function scopingAppendix(s: ScopingDigest): DocBlock[] {
  const b: DocBlock[] = [{ kind: 'heading', level: 1, text: 'Appendix: initial scoping and information sharing returns' }];
  if (s.returned.length === 0 && s.notKnown.length === 0 && s.outstanding.length === 0) {
    b.push({ kind: 'paragraph', style: 'missing', text: 'No agencies were asked for scoping.' });
    return b;
  }
  for (const r of s.returned) {
    b.push({ kind: 'heading', level: 2, text: `${r.agencyName}${r.returnedOn ? `, returned ${formatUkDate(r.returnedOn)}` : ''}` });
    b.push({
      kind: 'fields',
      rows: [
        { label: 'Completed by', value: answer([r.form.completedBy, r.form.designation].filter((x) => x.trim()).join(', ')) },
        { label: 'Summary of involvement', value: answer(r.form.summaryOfInvolvement) },
        { label: 'Brief analysis of practice', value: answer(r.form.briefAnalysis) },
        { label: 'Concerns about how partners worked together', value: answer(r.form.partnershipConcerns) },
        { label: 'Other agencies involved', value: answer(r.form.otherAgencies) },
        { label: 'Further information', value: answer(r.form.furtherInformation) },
      ],
    });
    b.push({
      kind: 'table',
      header: ['Learning point', 'Action required', 'Lead', 'Target date', 'Evidence of progress', 'RAG'],
      empty: 'No learning actions recorded',
      rows: r.form.learningActions.map((l) => [l.learningPoint, l.actionRequired, l.lead, day(l.targetDate), l.evidence, RAG_LABELS[l.rag]]),
    });
  }
  if (s.notKnown.length > 0) {
    b.push({ kind: 'heading', level: 2, text: 'Agencies to which the family was not known' });
    b.push({ kind: 'table', header: ['Agency', 'Confirmed on'], empty: '', rows: s.notKnown.map((n) => [n.agencyName, day(n.on)]) });
  }
  if (s.outstanding.length > 0) {
    b.push({ kind: 'heading', level: 2, text: 'Agencies yet to answer' });
    b.push({
      kind: 'table',
      header: ['Agency', 'Status'],
      empty: '',
      rows: s.outstanding.map((o) => [o.agencyName, o.status === 'requested' ? 'Requested' : 'Not requested yet']),
    });
  }
  return b;
}
