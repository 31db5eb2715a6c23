import * as Y from 'yjs';
import { newId } from '../../shared/ids.js';
import { docName } from '../../shared/docNames.js';
import {
  blankTeamFields,
  writeEntries,
  writeOrgChange,
  writeTeamFields,
  type ChronologyCategory,
  type ChronologyDate,
  type ChronologyEntry,
} from '../../shared/chronology/index.js';
import { writePractitioner } from '../../shared/chronology/practitionersDoc.js';
import type { DocStore } from '../storage/types.js';
import { shiftChronologyDate } from './demoClock.js';

/** A fictional demo row: agency code, date, what happened, and who in the register was contacted. */
type DemoRow = {
  agency: string;
  date: ChronologyDate;
  time?: string;
  source: string;
  child: ChronologyEntry['childContact'];
  childBy?: string;
  family?: string[];
  familyBy?: string;
  keyEvent: string;
  comment?: string;
  category: ChronologyCategory;
  keyLearning?: boolean;
};

const day = (iso: string): ChronologyDate => {
  const [y, m, d] = iso.split('-').map(Number);
  return { precision: 'day', year: y!, month: m!, day: d!, uncertainty: 'none' };
};
const month = (y: number, m: number): ChronologyDate => ({ precision: 'month', year: y, month: m, day: null, uncertainty: 'none' });
const circaYear = (y: number): ChronologyDate => ({ precision: 'year', year: y, month: null, day: null, uncertainty: 'circa' });

/** Fictional key events across the six demo agencies, written the way agencies write them (names included). */
export const DEMO_ROWS: DemoRow[] = [
  {
    agency: 'GP',
    date: day('2019-04-25'),
    source: 'GP record',
    child: 'seen',
    childBy: 'GP',
    family: ['Kerry Thornbury'],
    familyBy: 'GP',
    keyEvent: 'Six-week check for Maisie. Kerry said she was low in mood and not sleeping; referred to talking therapies.',
    comment: 'Mother\u2019s mental health noted early; no link made to the children\u2019s care.',
    category: 'assessment',
  },
  {
    agency: 'CSC',
    date: month(2019, 6),
    source: 'CSC case record',
    child: 'not-seen',
    family: ['Kerry Thornbury'],
    familyBy: 'Social Worker',
    keyEvent: 'Referral from the health visitor about home conditions and Kerry\u2019s low mood. Closed after initial checks; no visit.',
    comment: 'Potential learning: decisions made without seeing the children.',
    category: 'referral',
    keyLearning: true,
  },
  {
    agency: 'POL',
    date: circaYear(2020),
    source: 'Police log',
    child: 'none',
    keyEvent: 'Neighbours reported shouting at 12 Larch Close. Officers attended; no offences disclosed.',
    category: 'police-incident',
  },
  {
    agency: 'POL',
    date: day('2021-02-18'),
    time: '22:40',
    source: 'Police log',
    child: 'seen',
    childBy: 'Police officer',
    family: ['Kerry Thornbury', 'Lee Parrish'],
    familyBy: 'Police officer',
    keyEvent: 'Domestic abuse incident: Kerry said Lee Parrish pushed her into a door. DASH risk assessment: medium. Tyler and Maisie present.',
    comment: 'Children present at an incident; notification to CSC sent next day.',
    category: 'police-incident',
    keyLearning: true,
  },
  {
    agency: 'CSC',
    date: day('2021-02-22'),
    source: 'CSC case record',
    child: 'none',
    keyEvent: 'Strategy discussion with police and health after the domestic abuse incident four days earlier. S47 enquiry agreed.',
    category: 'strategy-discussion',
  },
  {
    agency: 'CSC',
    date: day('2021-03-04'),
    source: 'CSC case record',
    child: 'seen-alone',
    childBy: 'Amira Hussain',
    family: ['Kerry Thornbury'],
    familyBy: 'Amira Hussain',
    keyEvent: 'S47 enquiry: Amira Hussain saw Maisie alone at home; Kerry said Lee had moved out.',
    comment: 'Lee\u2019s move was not checked with other agencies.',
    category: 's47-enquiry',
    keyLearning: true,
  },
  {
    agency: 'ICB',
    date: day('2022-10-03'),
    source: 'Health visiting record',
    child: 'seen',
    childBy: 'Health Visitor',
    family: ['Kerry Thornbury', 'Ruby Parrish'],
    familyBy: 'Health Visitor',
    keyEvent: 'New birth visit for Ruby. Maisie seen; appeared small for her age. Lee Parrish present and said he lived there.',
    comment: 'Household change not shared: Lee back in the home.',
    category: 'household-change',
    keyLearning: true,
  },
  {
    agency: 'HSG',
    date: day('2023-06-12'),
    source: 'Tenancy file',
    child: 'none',
    family: ['Kerry Thornbury'],
    familyBy: 'Housing Officer',
    keyEvent: 'Family moved to a new tenancy after an eviction notice for rent arrears.',
    category: 'house-move',
  },
  {
    agency: 'SCH',
    date: month(2024, 9),
    source: 'School record',
    child: 'seen',
    childBy: 'Class Teacher',
    keyEvent: 'Maisie started in Reception; attendance 82% by December.',
    category: 'school-change',
  },
  {
    agency: 'SCH',
    date: day('2025-01-15'),
    source: 'Safeguarding log',
    child: 'seen',
    childBy: 'Daniel Price',
    keyEvent: 'Maisie arrived with a bruise to her cheek and said she fell. Daniel Price recorded it; not referred.',
    comment: 'Potential learning: threshold for referring a single injury.',
    category: 'other',
    keyLearning: true,
  },
  {
    agency: 'ICB',
    date: day('2026-10-30'),
    time: '19:05',
    source: 'Emergency Department record',
    child: 'seen',
    childBy: 'ED doctor',
    family: ['Kerry Thornbury', 'Lee Parrish'],
    familyBy: 'ED nurse',
    keyEvent: 'Maisie brought to the Emergency Department with a head injury; explanations differed between Kerry and Lee.',
    category: 'hospital-attendance',
    keyLearning: true,
  },
];

/** Practitioners the demo rows name; exports show their roles instead. */
export const DEMO_PRACTITIONERS = [
  { agency: 'CSC', name: 'Amira Hussain', role: 'Social Worker' },
  { agency: 'SCH', name: 'Daniel Price', role: 'Designated Safeguarding Lead' },
];

/** One organisational change, as Document 12 asks agencies to record them. */
export const DEMO_ORG_CHANGES = [
  {
    agency: 'CSC',
    date: month(2021, 1),
    change: 'The front door was restructured into a MASH.',
    impact: 'New staff triaged referrals; a three-week backlog built up in the months that followed.',
  },
];

/**
 * Writes the demo chronology: each agency's rows, practitioners and organisational changes into its
 * own document, and the key practice learning flags into the team document, as the app would.
 */
export async function seedDemoChronology(
  docs: DocStore,
  reviewId: string,
  agencies: readonly { id: string; shortCode: string }[],
  personIds: ReadonlyMap<string, string>,
  shiftMonths = 0,
): Promise<number> {
  const agencyId = (code: string) => agencies.find((a) => a.shortCode === code)!.id;
  const team = new Y.Doc();
  const rowsByAgency = new Map<string, ChronologyEntry[]>();
  for (const r of DEMO_ROWS) {
    const entry: ChronologyEntry = {
      id: newId(),
      agencyId: agencyId(r.agency),
      date: shiftChronologyDate(r.date, shiftMonths),
      time: r.time ?? null,
      sequence: 0,
      source: r.source,
      childContact: r.child,
      childContactBy: r.childBy ?? '',
      familyContactIds: (r.family ?? []).map((n) => personIds.get(n)!),
      familyContactBy: r.familyBy ?? '',
      keyEvent: r.keyEvent,
      comment: r.comment ?? '',
      category: r.category,
    };
    rowsByAgency.set(entry.agencyId, [...(rowsByAgency.get(entry.agencyId) ?? []), entry]);
    if (r.keyLearning) writeTeamFields(team, entry.id, { ...blankTeamFields(), keyLearning: true });
  }
  for (const a of agencies) {
    const doc = new Y.Doc();
    writeEntries(doc, a.id, rowsByAgency.get(a.id) ?? []);
    for (const p of DEMO_PRACTITIONERS.filter((x) => x.agency === a.shortCode)) writePractitioner(doc, { id: newId(), agencyId: a.id, name: p.name, role: p.role });
    for (const c of DEMO_ORG_CHANGES.filter((x) => x.agency === a.shortCode))
      writeOrgChange(doc, a.id, { id: newId(), agencyId: a.id, date: shiftChronologyDate(c.date, shiftMonths), change: c.change, impact: c.impact });
    await docs.append(docName({ reviewId, kind: 'chronology', agencyId: a.id }), Y.encodeStateAsUpdate(doc));
    doc.destroy();
  }
  await docs.append(docName({ reviewId, kind: 'chronology-team' }), Y.encodeStateAsUpdate(team));
  team.destroy();
  return DEMO_ROWS.length;
}
