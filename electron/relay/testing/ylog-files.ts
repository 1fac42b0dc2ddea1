/** A record as the relay before Hocuspocus wrote it to `<name>.ylog`: [u32 LE length][update]. For import tests. */
export const encodeYlogRecord = (update: Uint8Array): Uint8Array => {
  const out = new Uint8Array(4 + update.length);
  new DataView(out.buffer).setUint32(0, update.length, true);
  out.set(update, 4);
  return out;
};
