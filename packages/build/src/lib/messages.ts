import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/**
 * A diagnostic as plain data, so it can cross from a worker thread and be
 * kept in the cache: a cached article reports the same warnings on every
 * build, not only on the one that converted it.
 */
export interface StoredMessage {
  reason: string;
  /** `true` error, `false` warning, `null` info (vfile's `fatal`). */
  fatal: boolean | null;
  ruleId?: string;
  source?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

/** A file's messages as plain data. */
export function storeMessages(file: VFile): StoredMessage[] {
  return storeMessageList(file.messages);
}

/** Messages as plain data. */
export function storeMessageList(messages: readonly VFileMessage[]): StoredMessage[] {
  return messages.map((message: VFileMessage) => {
    const stored: StoredMessage = { reason: message.reason, fatal: message.fatal ?? null };
    if (message.ruleId) stored.ruleId = message.ruleId;
    if (message.source) stored.source = message.source;
    if (message.line !== undefined) stored.line = message.line;
    if (message.column !== undefined) stored.column = message.column;
    const end = message.place && 'end' in message.place ? message.place.end : undefined;
    if (end) {
      stored.endLine = end.line;
      stored.endColumn = end.column;
    }
    return stored;
  });
}

/** Put stored messages back on a file, as if they had just been reported. */
export function restoreMessages(file: VFile, messages: readonly StoredMessage[]): void {
  if (messages.length === 0) return;
  // A vfile message is an Error: without this, each would capture a stack trace that says only "here",
  // which costs more than everything else a cached article needs.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    restore(file, messages);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function restore(file: VFile, messages: readonly StoredMessage[]): void {
  for (const stored of messages) {
    const start = stored.line === undefined ? undefined : { line: stored.line, column: stored.column ?? 1 };
    const place = start && stored.endLine !== undefined ? { start, end: { line: stored.endLine, column: stored.endColumn ?? 1 } } : start;
    const message = file.message(stored.reason, { place, ruleId: stored.ruleId, source: stored.source });
    message.fatal = stored.fatal === null ? undefined : stored.fatal;
  }
}
