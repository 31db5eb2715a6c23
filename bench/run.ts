import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** `npm run bench`: runs every benchmark in its own process, so one's memory does not skew another. */
const BENCHES = [
  'docBytes.ts',
  'syncFanout.ts',
  'syncCpu.ts',
  'presenceIdle.ts',
  'ackLatency.ts',
  'workshopLoad.ts',
  'reportExport.ts',
  'chronologyImport.ts',
  'chronologyRender.ts',
  'genogram.ts',
  'genogramDrag.ts',
  'textFieldEdit.ts',
];
let failed = 0;
for (const b of BENCHES) {
  process.stdout.write(`\n=== ${b} ===\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, b)], { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
