/** Stored keys as people say them, for messages: "the time it happened", not "occurredAt". */
export const FIELD_WORDS: Record<string, string> = {
  occurredAt: 'time it happened',
  recordedAt: 'time it was recorded',
  editedAt: 'time it was changed',
  editedBy: 'person who changed it',
  postedAt: 'time it was posted',
  postedBy: 'person who posted it',
  createdAt: 'time it was created',
  createdBy: 'person who created it',
  assignedAt: 'time it was assigned',
  assignedBy: 'person who assigned it',
  doneAt: 'time it was done',
  doneBy: 'person who did it',
  skipReason: 'reason for skipping',
  deviceId: 'device id',
  due: 'due date',
  at: 'time',
  by: 'person',
};

/** "occurredAt" → "time it happened"; a key without words of its own is split at its capitals. */
export const fieldWord = (key: string): string => FIELD_WORDS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
