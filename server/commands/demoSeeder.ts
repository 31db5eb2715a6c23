import * as Y from 'yjs';
import { newId } from '../../shared/ids.js';
import { blankPerson } from '../../shared/people.js';
import { writePerson } from '../../shared/peopleDoc.js';
import { docName } from '../../shared/docNames.js';
import type { Config } from '../config.js';
import type { Logger } from '../http/logger.js';
import type { DocStore, RecordStore } from '../storage/types.js';
import type { AuditLog } from '../audit/AuditLog.js';
import { hashPassword } from '../auth/passwords.js';
import { createReview } from './reviewCreator.js';
import { addAgency } from './agencyAdder.js';
import { DEMO_AGENCIES, DEMO_PEOPLE } from './demoFamily.js';
import { seedDemoChronology } from './demoChronology.js';
import { seedDemoGenogram } from './demoGenogram.js';
import { DEMO_REFERRAL, demoMonthOffset, shiftIso } from './demoClock.js';
import { isoDateInLondon, type IsoDate } from '../../shared/dates.js';

/** Demo accounts (all @demo.invalid so they can never receive mail), sharing the admin's password. */
export const DEMO_ACCOUNTS = [
  { email: 'team@demo.invalid', name: 'Priya Shah (demo)', role: 'review-team' as const, agencyCode: null },
  { email: 'police.author@demo.invalid', name: 'Sam Okafor (demo)', role: 'agency-author' as const, agencyCode: 'POL' },
  { email: 'observer@demo.invalid', name: 'Chris Lowe (demo)', role: 'observer' as const, agencyCode: null },
];

/**
 * Seeds the fictional demo review on first start (when the store has no reviews): six agencies, ten
 * people in the register with their genogram (demoGenogram.ts), a short integrated chronology
 * (demoChronology.ts), and demo accounts for the other roles. The first admin is its lead reviewer so
 * that signing in shows it straight away.
 */
export async function seedDemo(deps: {
  config: Config;
  records: RecordStore;
  docs: DocStore;
  audit: AuditLog;
  log: Logger;
  password: string | null;
  /** Today in London; the demo's dates are moved to sit just before it (demoClock.ts). */
  today?: IsoDate;
}): Promise<string | null> {
  const { records, docs } = deps;
  if ((await records.find('reviews')).length > 0) return null;
  const admin = (await records.find('users', { isAdmin: true }))[0];
  if (!admin) return null;
  const shift = demoMonthOffset(deps.today ?? isoDateInLondon(new Date()));
  const review = await createReview(
    deps,
    admin.id,
    {
      title: 'Demo Rapid Review (fictional)',
      kind: 'rapid-review',
      childPseudonym: 'Child M',
      referralDate: shiftIso(DEMO_REFERRAL, shift),
      periodStart: shiftIso('2019-03-14', shift),
      periodEnd: shiftIso('2026-11-02', shift),
    },
    { fictional: true },
  );
  const agencies = [];
  for (const a of DEMO_AGENCIES) agencies.push(await addAgency(deps, admin.id, review.id, a));

  const doc = new Y.Doc();
  const personIds = new Map<string, string>();
  for (const p of DEMO_PEOPLE) {
    const id = newId();
    personIds.set(p.name, id);
    writePerson(doc, {
      ...blankPerson(id),
      ...p,
      dateOfBirth: p.dateOfBirth ? shiftIso(p.dateOfBirth, shift) : null,
      dateOfDeath: p.dateOfDeath ? shiftIso(p.dateOfDeath, shift) : null,
    });
  }
  await docs.append(docName({ reviewId: review.id, kind: 'people' }), Y.encodeStateAsUpdate(doc));
  doc.destroy();
  const rows = await seedDemoChronology(docs, review.id, agencies, personIds, shift);
  await seedDemoGenogram(docs, review.id, personIds);

  if (deps.password) {
    const hash = await hashPassword(deps.password);
    for (const acc of DEMO_ACCOUNTS) {
      const userId = newId();
      const agencyId = acc.agencyCode ? agencies.find((a) => a.shortCode === acc.agencyCode)!.id : null;
      await records.commit([
        {
          op: 'put',
          collection: 'users',
          record: { id: userId, email: acc.email, name: acc.name, passwordHash: hash, isAdmin: false, disabled: false, createdAt: new Date().toISOString() },
        },
        { op: 'put', collection: 'memberships', record: { id: newId(), reviewId: review.id, userId, role: acc.role, agencyId } },
      ]);
    }
  }
  deps.log.info('demo.seeded', { reviewId: review.id, agencies: agencies.length, people: DEMO_PEOPLE.length, rows });
  return review.id;
}
