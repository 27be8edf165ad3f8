import type { IndexEntry } from './cache.js';

/**
 * Strings that recur across a build's articles, kept once in the main
 * thread. A task's result crosses from its worker as a structured clone,
 * which copies every string, and an index read from disk parses each line
 * anew: 10,000 articles brought 30,000 copies of three media types, and a
 * copy of each message's text, rule id and source, of each language,
 * section, tag and author name, all kept until the index is written at the
 * end of the build. Only fields whose values repeat are interned: a map
 * entry for a string that occurs once (a slug, a hash) would cost more than
 * it saves.
 */
export type Intern = (value: string) => string;

/** A fresh interner, one per build: what it keeps goes when the build does. */
export function interner(): Intern {
  const known = new Map<string, string>();
  return (value) => {
    const kept = known.get(value);
    if (kept !== undefined) return kept;
    known.set(value, value);
    return value;
  };
}

/** Replace an entry's recurring strings, in place, by the interned ones (equal values: its JSON is unchanged). */
export function internEntry(entry: IndexEntry, intern: Intern): void {
  for (const output of entry.outputs) output.mediaType = intern(output.mediaType);
  for (const message of entry.messages) {
    message.reason = intern(message.reason);
    if (message.ruleId !== undefined) message.ruleId = intern(message.ruleId);
    if (message.source !== undefined) message.source = intern(message.source);
  }
  for (const { summary } of entry.articles ?? []) {
    if (summary.language !== undefined) summary.language = intern(summary.language);
    if (summary.section !== undefined) summary.section = intern(summary.section);
    for (const [index, tag] of summary.tags.entries()) summary.tags[index] = intern(tag);
    for (const author of summary.authors) author.name = intern(author.name);
  }
}
