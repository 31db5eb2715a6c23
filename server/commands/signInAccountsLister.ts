import type { RecordStore } from '../storage/types.js';
import type { BannerAccount } from '../startBanner.js';

/**
 * Lists who can sign in, for the start-up block: the partnership admins and the members of the
 * fictional demo review with their roles (and agency codes). Real reviews' members are never listed.
 */
export async function listSignInAccounts(records: RecordStore): Promise<BannerAccount[]> {
  const demo = (await records.find('reviews')).find((r) => r.fictional);
  const admins = await records.find('users', { isAdmin: true });
  const members = demo ? await records.find('memberships', { reviewId: demo.id }) : [];
  const agencies = demo ? await records.find('agencies', { reviewId: demo.id }) : [];
  const out: BannerAccount[] = [];
  const seen = new Set<string>();
  const add = async (userId: string) => {
    if (seen.has(userId)) return;
    seen.add(userId);
    const user = await records.get('users', userId);
    if (!user || user.disabled) return;
    const m = members.find((x) => x.userId === userId);
    out.push({
      email: user.email,
      admin: user.isAdmin,
      role: m?.role ?? null,
      agency: m?.agencyId ? (agencies.find((a) => a.id === m.agencyId)?.shortCode ?? null) : null,
    });
  };
  for (const a of admins) await add(a.id);
  for (const m of members) await add(m.userId);
  return out;
}
