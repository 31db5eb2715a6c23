// Prints the plain closing line CI reads: "N passed, N failed" (", N skipped" when any were skipped).
import fs from 'node:fs';
const file = process.argv[2];
if (!fs.existsSync(file)) { console.log('0 passed, 1 failed'); process.exit(1); }
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(r.numFailedTests === 0 && r.numTotalTests > 0 ? 0 : 1);
