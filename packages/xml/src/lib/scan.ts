/**
 * A linear pre-scan of XML text, run before any tree is built: the tree
 * builders recurse once per element, so depth must be bounded first, and
 * DOCTYPEs are judged here so that entity declarations are refused with a
 * message of their own rather than a parse error far away.
 *
 * It is not a parser: it skips comments, CDATA, processing instructions and
 * quoted attribute values, and counts start and end tags. Malformed input
 * is left for the parser to report.
 */

/** What the pre-scan found. */
export interface ScanResult {
  /** Offset of the first start tag that went deeper than the limit. */
  tooDeepAt?: number;
  /** Offset of `<!ENTITY` in an internal DTD subset. */
  entityAt?: number;
  /** Offset of a DOCTYPE that names an external DTD (`SYSTEM` or `PUBLIC`). */
  externalDtdAt?: number;
  /** Elements still open at the end of the text, outermost first, with their offsets. */
  open: Array<{ name: string; offset: number }>;
}

const nameStart = /[A-Za-z_:\u00C0-\uFFFF]/;

/** Scan `text`, stopping at the first element deeper than `maxDepth`. */
export function scanXml(text: string, maxDepth: number): ScanResult {
  const open: ScanResult['open'] = [];
  const result: ScanResult = { open };
  let index = 0;
  const length = text.length;
  while (index < length) {
    const lt = text.indexOf('<', index);
    if (lt === -1) break;
    if (text.startsWith('<!--', lt)) {
      index = skipPast(text, '-->', lt + 4);
    } else if (text.startsWith('<![CDATA[', lt)) {
      index = skipPast(text, ']]>', lt + 9);
    } else if (text.startsWith('<?', lt)) {
      index = skipPast(text, '?>', lt + 2);
    } else if (/^<!DOCTYPE/i.test(text.slice(lt, lt + 9))) {
      index = scanDoctype(text, lt, result);
    } else if (text[lt + 1] === '/') {
      open.pop();
      index = skipPast(text, '>', lt + 2);
    } else if (nameStart.test(text[lt + 1] ?? '')) {
      const end = tagEnd(text, lt + 1);
      const selfClosing = end > 0 && text[end - 1] === '/';
      if (!selfClosing) {
        const name = /^[^\s/>]+/.exec(text.slice(lt + 1, lt + 200))?.[0] ?? '';
        open.push({ name, offset: lt });
        if (open.length > maxDepth) {
          result.tooDeepAt = lt;
          return result;
        }
      }
      index = end === -1 ? length : end + 1;
    } else {
      index = lt + 1;
    }
  }
  return result;
}

function skipPast(text: string, marker: string, from: number): number {
  const found = text.indexOf(marker, from);
  return found === -1 ? text.length : found + marker.length;
}

/** Offset of the `>` ending a start tag, skipping quoted attribute values; -1 when there is none. */
function tagEnd(text: string, from: number): number {
  let quote = '';
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return index;
  }
  return -1;
}

/** Judge a DOCTYPE: an external identifier, and `<!ENTITY` in the internal subset. */
function scanDoctype(text: string, start: number, result: ScanResult): number {
  let index = start + 9;
  let quote = '';
  let subset = false;
  for (; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = '';
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '[') subset = true;
    else if (char === ']') subset = false;
    else if (subset && text.startsWith('<!ENTITY', index)) result.entityAt ??= index;
    else if (subset && text.startsWith('<!--', index)) index = skipPast(text, '-->', index + 4) - 1;
    else if (!subset && char === '>') break;
  }
  const head = text.slice(start, index);
  if (/\s(SYSTEM|PUBLIC)\s/.test(head.replace(/\[[\s\S]*$/, ''))) result.externalDtdAt = start;
  return index + 1;
}
