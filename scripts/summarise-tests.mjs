// Prints the plain closing line CI reads: "N passed, N failed" (", N skipped" when any were skipped),
// summed over every vitest JSON report given (the embedded run and the PostgreSQL run). A missing
// report counts as one failure: that run did not happen.
import fs from 'node:fs';
const files = process.argv.slice(2);
let passed = 0,
  failed = 0,
  skipped = 0,
  total = 0;
for (const file of files) {
  if (!fs.existsSync(file)) {
    failed += 1;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  total += r.numTotalTests;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && total > 0 ? 0 : 1);
