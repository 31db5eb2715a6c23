import { Notice } from './Notice.js';

/** The sentence for `count` unreadable records in `place` ("the people register"): what is missing, that it is kept, whom to ask. */
export function skippedRecordsText(count: number, place: string): string {
  const one = count === 1;
  return `${one ? '1 record' : `${count.toLocaleString('en-GB')} records`} in ${place} could not be read and ${one ? 'is' : 'are'} not shown. ${
    one ? 'It is' : 'They are'
  } kept; ask the lead reviewer or your partnership\u2019s administrator to look at ${place}\u2019s history.`;
}

/**
 * Says that stored records of a shared document were skipped because they did not parse (a crafted or
 * malformed update), so a shorter list is never mistaken for the whole. Renders nothing when none were.
 */
export function SkippedRecordsNotice({ count, place }: { count: number; place: string }) {
  if (count <= 0) return null;
  return (
    <Notice tone="error" title="Some records could not be read" role="status">
      <p>{skippedRecordsText(count, place)}</p>
    </Notice>
  );
}
