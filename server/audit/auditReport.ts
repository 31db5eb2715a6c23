import type { AuditReport } from './auditChain.js';

/** The verification report as plain text for a terminal: verdict, head, checkpoint and each problem. No case content: ids only. */
export function formatAuditReport(r: AuditReport): string {
  const out = [
    r.ok ? `Audit log verified: ${r.lines} entries, chain intact.` : `Audit log BROKEN: ${r.lines} entries, ${r.problems.length} problem(s).`,
    `Chain head: entry ${r.head.seq}, hash ${r.head.hash}`,
    r.checkpoint ? `Last checkpoint: entry ${r.checkpoint.seq}, hash ${r.checkpoint.hash}, taken ${r.checkpoint.at}` : 'Last checkpoint: none yet',
  ];
  if (r.legacyLines > 0) out.push(`${r.legacyLines} entries predate the keyed chain and were checked as the old unkeyed chain.`);
  for (const p of r.problems) out.push(`  line ${p.line}: ${p.kind}: ${p.detail}`);
  return out.join('\n');
}
