import type { Workshop } from '../../shared/workshop/workshop.js';
import type { RecordStore } from '../storage/types.js';

/**
 * The one filter every piece of workshop text passes through before it leaves the server: the
 * participant view (agenda, phase titles, lessons, prompts) and every staff listing and export of
 * answers (GET …/responses, the .csv and .docx downloads, the report). Today it returns the text as it
 * is; the pseudonymisation pipeline (issue 15 item 7) plugs in here, with the review's register.
 */
export async function workshopTextFilter(_deps: { records: RecordStore }, _w: Workshop): Promise<(text: string) => string> {
  return (text) => text;
}
