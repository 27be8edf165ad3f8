/**
 * Template syntax that site generators expand before Markdown is rendered —
 * Hugo shortcodes (`{{< youtube id >}}`), Liquid tags (`{% highlight %}`,
 * `{{ site.url }}`), Docusaurus admonitions (`:::note`) and `{#id}` heading
 * ids — rendered to the Markdown the generator's output amounts to, or
 * removed and reported, so that none reaches a feed raw.
 *
 * Works on the source, line for line: every line stays on its line (a
 * removed line becomes empty), so positions of the Markdown parsed
 * afterwards are those of the file. Fenced code, inline code and Liquid
 * `{% raw %}` regions are left exactly as written: template syntax shown as
 * code is content.
 */

/** Something left out, at its place in the file. */
export interface TemplateProblem {
  line: number;
  column: number;
  reason: string;
}

/** Options for {@link renderTemplates}. */
export interface TemplateOptions {
  /** The site URL for `{{ site.url }}` (Jekyll); default: none, and the expression is reported. */
  siteUrl?: string | undefined;
  /** Only admonitions and heading ids (MDX: braces are JSX expressions there). Default: `false`. */
  markdownOnly?: boolean;
  /** The site's own variables (`{{ site.repository }}` in Jekyll: the top-level strings of `_config.yml`). Default: none. */
  site?: Readonly<Record<string, string>> | undefined;
}

/** A shortcode's or tag's arguments: positional and `name="value"` ones. */
function parseArgs(text: string): { positional: string[]; named: Record<string, string> } {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (const match of text.matchAll(/(?:([A-Za-z_][\w-]*)=)?(?:"([^"]*)"|'([^']*)'|`([^`]*)`|(\S+))/g)) {
    const value = match[2] ?? match[3] ?? match[4] ?? match[5] ?? '';
    if (match[1]) named[match[1]] = value;
    else positional.push(value);
  }
  return { positional, named };
}

const quote = (text: string): string => text.replace(/["\\]/g, '\\$&');
const bracket = (text: string): string => text.replace(/[[\]\\]/g, '\\$&');

/** Hugo's built-in shortcodes as the Markdown of what they show; `undefined` for any other. */
function hugoShortcode(name: string, args: string): string | undefined {
  const { positional, named } = parseArgs(args);
  const first = named.id ?? positional[0];
  switch (name) {
    case 'youtube':
      return first ? `[Watch the video on YouTube](https://www.youtube.com/watch?v=${encodeURIComponent(first)})` : undefined;
    case 'vimeo':
      return first ? `[Watch the video on Vimeo](https://vimeo.com/${encodeURIComponent(first)})` : undefined;
    case 'gist': {
      const [user, id] = [named.user ?? positional[0], named.id ?? positional[1]];
      return user && id ? `[View the gist](https://gist.github.com/${encodeURIComponent(user)}/${encodeURIComponent(id)})` : undefined;
    }
    case 'x':
    case 'twitter':
    case 'tweet': {
      const user = named.user;
      const id = named.id ?? positional.at(-1);
      if (!id) return undefined;
      return `[View the post on X](https://x.com/${user ? encodeURIComponent(user) : 'i'}/status/${encodeURIComponent(id)})`;
    }
    case 'instagram':
      return first ? `[View the post on Instagram](https://www.instagram.com/p/${encodeURIComponent(first)}/)` : undefined;
    case 'figure': {
      const src = named.src ?? positional[0];
      if (!src) return undefined;
      const caption = named.caption ?? named.title;
      const image = `![${bracket(named.alt ?? caption ?? '')}](<${src}>${caption ? ` "${quote(caption)}"` : ''})`;
      return named.link ? `[${image}](<${named.link}>)` : image;
    }
    case 'ref':
    case 'relref':
      return first;
    default:
      return undefined;
  }
}

/** Liquid output and tags (Jekyll) as text; `undefined` for any other. */
function liquid(kind: '{{' | '{%', inner: string, options: TemplateOptions): string | undefined {
  const text = inner.trim().replace(/^-|-$/g, '').trim();
  if (kind === '{{') {
    const [variable, ...filters] = text.split('|').map((part) => part.trim());
    if (filters.some((filter) => !/^(?:relative_url|absolute_url|escape|xml_escape|strip)$/.test(filter))) return undefined;
    if (variable === 'site.baseurl') return '';
    if (variable === 'site.url' && options.siteUrl) return options.siteUrl;
    const own = variable?.startsWith('site.') ? options.site?.[variable.slice(5)] : undefined;
    if (own !== undefined && filters.length === 0) return own;
    const literal = /^(["'])(.*)\1$/.exec(variable ?? '');
    if (literal && filters.length > 0) return `${options.siteUrl ?? ''}/${(literal[2] ?? '').replace(/^\//, '')}`;
    return undefined;
  }
  const [name, ...rest] = text.split(/\s+/);
  const arg = rest.join(' ').replace(/^["']|["']$/g, '');
  // A relative link to the post's file: the Markdown link pass makes it the post's URL.
  if (name === 'post_url' && arg) return `${arg.replace(/^\/+/, '')}.md`;
  if (name === 'link' && arg) return arg;
  return undefined;
}

// Hugo's escaped shortcode (a shortcode whose inside is wrapped in a slash-star comment) as what Hugo shows:
// the shortcode as written (`{{< figure >}}`), in text and in code alike; documentation of shortcodes uses it.

// Zola's are `{{/* youtube(id="x") */}}` and `{%/* note() */%}`.
function unescapeShortcodes(text: string): string {
  if (!text.includes('/*')) return text;
  return text.replace(/\{\{([<%]?)\/\*([\s\S]*?)\*\/([>%]?)\}\}/g, '{{$1$2$3}}').replace(/\{%\/\*([\s\S]*?)\*\/%\}/g, '{%$1%}');
}

/** A Zola shortcode call, `{{ name(key="value", …) }}`; quoted values may hold code spans and parentheses. */
const zolaCall = /\{\{\s*([A-Za-z_]\w*)\s*\(((?:[^()"'`]|"[^"]*"|'[^']*'|`[^`]*`)*)\)\s*\}\}/g;

/**
 * What a Zola shortcode shows, for the shapes themes share (Zola has no
 * built-in ones): one with a `text` argument (admonitions, asides, notes)
 * as that text after its `title` in bold; one with a `src` (or `*_src`)
 * argument (images in their theme's frame) as the image with its `alt`.
 * `undefined` for any other.
 */
function zolaShortcode(args: string): string | undefined {
  const { named } = parseArgs(args.replace(/,\s*(?=[A-Za-z_][\w-]*=)/g, ' '));
  if (named.text) return named.title ? `**${named.title}** ${named.text}` : named.text;
  const src = named.src ?? Object.entries(named).find(([key]) => key.endsWith('_src'))?.[1];
  if (src) return `![${bracket(named.alt ?? '')}](<${src}>)`;
  return undefined;
}

/** Zola shortcode calls of one line rendered, or removed with a problem at their place. */
function renderZolaCalls(line: string, lineNumber: number, problems: TemplateProblem[]): string {
  if (!line.includes('(')) return line;
  const leftOut = (match: string, offset: number) => {
    const shown = match.length > 60 ? `${match.slice(0, 57)}...` : match;
    problems.push({ line: lineNumber, column: offset + 1, reason: `Template syntax \`${shown}\` is not rendered and was left out` });
    return '';
  };
  const rendered = line.replace(
    zolaCall,
    (match, _name: string, args: string, offset: number) => zolaShortcode(args) ?? leftOut(match, offset),
  );
  // A call whose quotes do not pair (`text='l'estació'`) cannot be read: left out whole, never shown raw.
  return rendered.replace(/\{\{\s*[A-Za-z_]\w*\s*\([\s\S]*?\)\s*\}\}/g, (match, offset: number) => leftOut(match, offset));
}

/** Inline template syntax of one line (outside code), rendered or removed with a problem. */
function renderInline(line: string, lineNumber: number, options: TemplateOptions, problems: TemplateProblem[]): string {
  // Keep inline code spans, `{% raw %}…{% endraw %}` (without the raw markers) and escaped shortcodes as written:
  // split them out, render between.
  const parts = line.split(/(`+[^`]*`+|\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}|\{\{[<%]\/\*[\s\S]*?\*\/[>%]\}\})/);
  let column = 1;
  const out = parts.map((part, index) => {
    const start = column;
    column += part.length;
    // `{% raw %}…{% endraw %}` shows what is between, a `{% raw %}` in it too.
    if (index % 2 === 1) return unescapeShortcodes(part.replace(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g, '$1'));
    return part.replace(
      /\{\{([<%])\s*(\/?)\s*([\w.-]+)([\s\S]*?)\s*[>%]\}\}|\{\{([^{}]*)\}\}|\{%([^{}]*?)%\}/g,
      (match, _delim, close, name, args, output, tag, offset: number) => {
        let rendered: string | undefined;
        // The closing tag of a paired shortcode (Zola's `{% end %}` too) goes with its opening one, which was rendered or reported.
        if ((name !== undefined && close) || (tag !== undefined && tag.trim() === 'end')) return '';
        if (name !== undefined) rendered = hugoShortcode(name, args ?? '');
        else rendered = liquid(output !== undefined ? '{{' : '{%', output ?? tag ?? '', options);
        if (rendered !== undefined) return rendered;
        const shown = match.length > 60 ? `${match.slice(0, 57)}...` : match;
        problems.push({
          line: lineNumber,
          column: start + offset,
          reason: `Template syntax \`${shown}\` is not rendered and was left out`,
        });
        return '';
      },
    );
  });
  return out.join('');
}

/** Docusaurus admonition types, as their default titles. */
const admonitionTitles: Readonly<Record<string, string>> = {
  note: 'Note',
  tip: 'Tip',
  info: 'Info',
  warning: 'Warning',
  caution: 'Caution',
  danger: 'Danger',
  important: 'Important',
  success: 'Success',
  secondary: 'Note',
};

interface LineState {
  fence?: RegExp;
  raw: boolean;
  skipDepth: number;
  skipStart?: TemplateProblem;
  admonitions: number;
}

const blockOpen = /^\s*\{%-?\s*(for|if|unless|case|capture|comment|tablerow)\b.*%\}\s*$/;
const blockClose = /^\s*\{%-?\s*end(for|if|unless|case|capture|comment|tablerow)\s*-?%\}\s*$/;
const highlightOpen = /^\s*(?:\{\{<\s*highlight\s+([\w+#.-]+)[^>]*>\}\}|\{%-?\s*highlight\s+([\w+#.-]+)[^%]*%\})\s*$/;

/** Lines that open or close a block: code fences, highlight blocks, raw regions, Liquid loops. Returns the line to emit, or `undefined` to go on. */
function blockLine(line: string, lineNumber: number, state: LineState, problems: TemplateProblem[]): string | undefined {
  if (state.fence) {
    if (state.fence.test(line)) {
      state.fence = undefined;
      return /^\s*(?:`{3,}|~{3,})\s*$/.test(line) ? line : '```';
    }
    return unescapeShortcodes(line);
  }
  const fence = /^\s*(`{3,}|~{3,})/.exec(line);
  if (fence) {
    state.fence = new RegExp(`^\\s*${fence[1]}\\s*$`);
    return line;
  }
  const highlight = highlightOpen.exec(line);
  if (highlight) {
    state.fence = /^\s*(?:\{\{<\s*\/highlight\s*>\}\}|\{%-?\s*endhighlight\s*-?%\})\s*$/;
    return `\`\`\`${highlight[1] ?? highlight[2] ?? ''}`;
  }
  if (/^\s*\{%-?\s*endraw\s*-?%\}\s*$/.test(line) && state.raw) {
    state.raw = false;
    return '';
  }
  if (state.raw) return line;
  if (/^\s*\{%-?\s*raw\s*-?%\}\s*$/.test(line)) {
    state.raw = true;
    return '';
  }
  const open = blockOpen.exec(line);
  if (open || state.skipDepth > 0) {
    if (open) {
      if (state.skipDepth === 0 && open[1] !== 'comment') {
        state.skipStart = {
          line: lineNumber,
          column: line.indexOf('{%') + 1,
          reason: `Liquid \`${open[1]}\` block is not rendered and was left out`,
        };
      }
      state.skipDepth++;
    } else if (blockClose.test(line)) {
      state.skipDepth--;
      if (state.skipDepth === 0 && state.skipStart) {
        problems.push(state.skipStart);
        state.skipStart = undefined;
      }
    }
    return '';
  }
  return undefined;
}

/** `:::type[title]` / `:::type title` … `:::` as a block quote headed by the title in bold. */
function admonitionLine(line: string, state: LineState): string | undefined {
  const open = /^\s*:{3,}\s*([a-z]+)\s*(?:\[(.*)\]|(.*))?$/.exec(line);
  if (open?.[1] && Object.hasOwn(admonitionTitles, open[1])) {
    const title = (open[2] ?? open[3] ?? '').trim() || admonitionTitles[open[1]];
    const prefix = '> '.repeat(state.admonitions + 1);
    state.admonitions++;
    return `${prefix}**${title}**`;
  }
  if (state.admonitions > 0 && /^\s*:{3,}\s*$/.test(line)) {
    state.admonitions--;
    return state.admonitions > 0 ? '>'.repeat(state.admonitions) : '';
  }
  return undefined;
}

/**
 * Render or remove the template syntax in `text`.
 *
 * @returns the text, line for line, and what was left out
 */
export function renderTemplates(text: string, options: Readonly<TemplateOptions> = {}): { text: string; problems: TemplateProblem[] } {
  if (!/\{[{%#]|^\s*:::/m.test(text)) return { text, problems: [] };
  // A tag broken over two lines of one paragraph (`{{ site.repository\n}}`) is joined onto one: the lines
  // after it move up by one, the price of rendering it (the file's other positions stay true).
  if (!options.markdownOnly)
    text = text.replace(/\{([{%])([^{}\n]*)\n([^{}\n]*?)([}%])\}/g, (match, open, before, after, close) =>
      /^\s*$/.test(before) && /^\s*$/.test(after) ? match : `{${open}${before} ${after}${close}}`,
    );
  const problems: TemplateProblem[] = [];
  const state: LineState = { raw: false, skipDepth: 0, admonitions: 0 };
  const lines = text.split('\n');
  const out = lines.map((line, index) => {
    const lineNumber = index + 1;
    const quoted = (body: string): string => {
      if (state.admonitions === 0) return body;
      const prefix = '> '.repeat(state.admonitions);
      return body.trim() === '' ? prefix.trimEnd() : `${prefix}${body}`;
    };
    if (!state.fence && !state.raw) {
      const admonition = admonitionLine(line, state);
      if (admonition !== undefined) return admonition;
    }
    const block =
      options.markdownOnly && !state.fence && !/^\s*(`{3,}|~{3,})/.test(line) ? undefined : blockLine(line, lineNumber, state, problems);
    if (block !== undefined) return quoted(block);
    // `## Title {#custom-id}`: the id is the anchor's, not the heading's text.
    let body = line.replace(/^(\s{0,3}#{1,6}\s.*?)\s*\{#[\w:.-]+\}\s*$/, '$1');
    if (!options.markdownOnly) body = renderInline(renderZolaCalls(body, lineNumber, problems), lineNumber, options, problems);
    return quoted(body);
  });
  if (state.skipStart) problems.push(state.skipStart);
  return { text: out.join('\n'), problems };
}
