import * as encoding from 'lib0/encoding';

/** y-websocket message types (the first varUint of every frame). */
export const MESSAGE_SYNC = 0;
/** Awareness (presence) update. */
export const MESSAGE_AWARENESS = 1;
/** Auth message; y-websocket clients never send it to us, and we ignore it. */
export const MESSAGE_AUTH = 2;
/** A client asking for every awareness state. */
export const MESSAGE_QUERY_AWARENESS = 3;

/** Builds a frame: the message type followed by whatever `write` adds. */
export function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}
