import type { ReportOptions } from '@syndikit/core';
import type { Root } from 'hast';
import type { Schema } from 'hast-util-sanitize';
import { htmlRules } from './rules.js';
import { walkElements } from './urls.js';

/** How adapters receive problems: `ArticleRenderContext.report`. */
export type Reporter = (reason: string, options: ReportOptions) => void;

/**
 * Report what sanitising with `schema` is about to remove from the tree:
 * disallowed elements, event handlers and styles, and URLs with unsafe
 * schemes. hast-util-sanitize removes silently; the author should hear
 * which line of the article lost what.
 */
export function reportUnsafe(tree: Root, schema: Readonly<Schema>, report: Reporter): void {
  const allowedTags = new Set(schema.tagNames ?? []);
  const protocols = schema.protocols ?? {};
  walkElements(tree, (element) => {
    const place = element.position ? { position: element.position } : undefined;
    if (!allowedTags.has(element.tagName)) {
      report(`Removed \`<${element.tagName}>\`: not allowed in article HTML`, { rule: htmlRules.elementRemoved, place });
      return;
    }
    for (const [key, value] of Object.entries(element.properties)) {
      if (/^on[a-z]/i.test(key) || key === 'style') {
        report(`Removed \`${attributeName(key)}\` from \`<${element.tagName}>\``, { rule: htmlRules.attributeRemoved, place });
        continue;
      }
      const allowed = protocols[key];
      if (allowed && typeof value === 'string' && !isSafeUrl(value, allowed)) {
        report(`Removed unsafe URL \`${printable(value)}\` from \`<${element.tagName}>\``, { rule: htmlRules.urlRemoved, place });
      }
    }
  });
}

/** Whether `value` is relative or uses one of `protocols`, judged as browsers do. */
export function isSafeUrl(value: string, protocols: readonly string[]): boolean {
  // Browsers strip leading/trailing C0 controls and spaces, and tabs/newlines anywhere.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore exactly these
  const url = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const colon = url.indexOf(':');
  if (colon === -1) return true;
  const slash = url.search(/[/?#]/);
  if (slash !== -1 && slash < colon) return true;
  return protocols.includes(url.slice(0, colon).toLowerCase());
}

function attributeName(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/^on-/, 'on');
}

function printable(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: made visible in the message
  const shown = value.replace(/[\u0000-\u001f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}
