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
 * Format a message as `file:line:col: severity message [rule-id]`, the one
 * format syndikit prints diagnostics in. Line and column are 1-based; a
 * message without a place points at `1:1`.
 */
export function formatMessage(message: VFileMessage, path?: string): string {
  const file = path ?? message.file ?? '<input>';
  const line = message.line ?? 1;
  const column = message.column ?? 1;
  const rule = message.ruleId ? ` [${message.ruleId}]` : '';
  return `${file || '<input>'}:${line}:${column}: ${severityOf(message)} ${message.reason}${rule}`;
}
