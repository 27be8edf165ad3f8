import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { Options as MessageOptions, VFileMessage } from 'vfile-message';
import type { Rule } from './rules.js';

/** Where a message points: a point, a range, or a node with a position. */
export type Place = Point | Position | { position?: Position | undefined } | undefined;

/** The `source` of every message syndikit itself reports. */
export const messageSource = 'syndikit';

function toPlace(place: Place): Point | Position | undefined {
  if (!place) return undefined;
  if ('line' in place) return place;
  if ('start' in place) return place;
  return place.position;
}

/**
 * Report a content problem on `file` as a vfile message with a place and a
 * stable rule id. Errors are `fatal: true` but do not throw: the pipeline
 * decides what a fatal message means for the article.
 */
export function report(
  file: VFile,
  severity: 'error' | 'warning' | 'info',
  reason: string,
  rule: Rule | string,
  place?: Place,
  cause?: unknown,
): VFileMessage {
  const ruleId = typeof rule === 'string' ? rule : rule.id;
  const options: MessageOptions = { ruleId, source: messageSource };
  const where = toPlace(place);
  if (where) options.place = where;
  if (cause instanceof Error) options.cause = cause;
  const message = file.message(reason, options);
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  return message;
}

/** Whether a file has an error (a fatal message). */
export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}

/** Severity of a message as a word. */
export function severityOf(message: VFileMessage): 'error' | 'warning' | 'info' {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/**
 * Characters a terminal acts on instead of showing: C0 controls (newline and
 * tab included: one message is one line), DEL, C1 controls, the line and
 * paragraph separators and the bidirectional formatting marks that reorder
 * what follows them (`U+202E` shows `exe.txt` as `txt.exe`).
 */
// `Cc` is exactly C0, DEL and C1; `Bidi_Control` is U+061C, U+200E/F, U+202A–E and U+2066–9.
const controlCharacters = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;

const namedEscapes: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Make user-controlled text safe to print on a terminal: every control
 * character is shown as an escape (`\n`, `\x1b`, `\u202e`) instead of
 * clearing the screen, setting the window title or faking an extra line.
 * Everything else, backslashes included, is kept as it is, so applying it
 * twice changes nothing.
 *
 * Node's `util.inspect` escapes C0 and C1 but not the bidirectional marks,
 * and quotes the whole string, hence this small table.
 *
 * @example
 * escapeControlCharacters('a\u001b[2Jb') // => 'a\\x1b[2Jb'
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(controlCharacters, (character) => {
    const code = character.charCodeAt(0);
    return (
      namedEscapes[character] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
    );
  });
}

/**
 * Format a message as `file:line:col: severity message [rule-id]`, the one
 * format syndikit prints diagnostics in. Line and column are 1-based; a
 * message without a place points at `1:1`. The file and the reason carry
 * user-controlled text (file names, front matter keys), so their control
 * characters are escaped ({@link escapeControlCharacters}).
 */
export function formatMessage(message: VFileMessage, path?: string): string {
  const file = escapeControlCharacters(path ?? message.file ?? '<input>');
  const line = message.line ?? 1;
  const column = message.column ?? 1;
  const rule = message.ruleId ? ` [${message.ruleId}]` : '';
  return `${file || '<input>'}:${line}:${column}: ${severityOf(message)} ${escapeControlCharacters(message.reason)}${rule}`;
}
