import { z } from 'zod';
import { apiRequest } from '../api/client.js';

/** One version of a doc as the history list shows it (docs/api.md, "History"). */
export const VersionSchema = z.object({
  seq: z.number(),
  firstSeq: z.number(),
  userName: z.string(),
  fromText: z.string(),
  toText: z.string(),
  edits: z.number(),
});

/** A named version in the list. */
export const NamedSchema = z.object({ id: z.string(), seq: z.number(), label: z.string(), createdBy: z.string(), createdAtText: z.string(), available: z.boolean() });

/** A doc's history list. */
export const HistorySchema = z.object({
  oldestSeq: z.number().nullable(),
  /** Whether this member may restore (write the doc) and name versions (the review team): read-only members see neither button. */
  mayRestore: z.boolean(),
  mayName: z.boolean(),
  versions: z.array(VersionSchema),
  named: z.array(NamedSchema),
});

/** One version of one item. */
export const ItemVersionSchema = z.object({ seq: z.number(), atText: z.string().nullable(), userName: z.string().nullable(), fields: z.array(z.string()), value: z.unknown() });

/** An item's history. */
export const ItemHistorySchema = z.object({ root: z.string(), key: z.string(), mayRestore: z.boolean(), versions: z.array(ItemVersionSchema) });

/** A version's content. */
export const PreviewSchema = z.object({ seq: z.number(), content: z.record(z.string(), z.record(z.string(), z.unknown())) });

const base = (reviewId: string, doc: string) => `/api/reviews/${encodeURIComponent(reviewId)}/history/${encodeURIComponent(doc)}`;

/** Fetches a doc's versions. */
export const fetchHistory = (reviewId: string, doc: string) => apiRequest('GET', base(reviewId, doc), { schema: HistorySchema });

/** Fetches one item's versions. */
export const fetchItemHistory = (reviewId: string, doc: string, root: string, key: string) =>
  apiRequest('GET', `${base(reviewId, doc)}/items/${encodeURIComponent(root)}/${encodeURIComponent(key)}`, { schema: ItemHistorySchema });

/** Fetches a version's content. */
export const fetchPreview = (reviewId: string, doc: string, seq: number) => apiRequest('GET', `${base(reviewId, doc)}/versions/${seq}`, { schema: PreviewSchema });

/** Restores the doc, or one item, to version `seq`. */
export const restore = (reviewId: string, doc: string, seq: number, item?: { root: string; key: string }) =>
  apiRequest('POST', `${base(reviewId, doc)}/restore`, { body: item ? { seq, item } : { seq }, schema: z.object({ restored: z.boolean() }) });

/** Names version `seq`. */
export const nameVersion = (reviewId: string, doc: string, seq: number, label: string) => apiRequest('POST', `${base(reviewId, doc)}/named`, { body: { seq, label } });
