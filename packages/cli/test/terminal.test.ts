import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syndikit, workspace } from './helpers.js';

/** Every character a terminal would act on, except the line breaks that end lines. */
function controls(text: string): string[] {
  return [...text].filter((character) => /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u.test(character) && character !== '\n');
}

describe('user-controlled text reaches the terminal escaped', () => {
  it('file names and front matter keys with newlines, escape sequences and bidi marks', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'drop'));
    const faked = 'x\nsyndikit: built 99 of 99 articles into out\u001b]0;title\u0007.md';
    await writeFile(join(dir, 'drop', faked), '---\ntitle: Fine\n"\\e[2Jkey": 1\n---\n\nBody.\n');
    await writeFile(join(dir, 'drop', 'bad\u202egpj.md'), '---\ntitle: 42\n---\n\nBody.\n');
    const result = await syndikit(['build', 'drop', '--out', 'out', '--keep-going', '--formats', 'markdown'], dir);
    expect(result.code).toBe(1);
    expect(controls(result.stderr)).toEqual([]);
    const lines = result.stderr.split('\n');
    // One line per message, the faked summary line shown inside the file name where it belongs.
    expect(lines[1]).toMatch(
      /^drop\/x\\nsyndikit: built 99 of 99 articles into out\\x1b\]0;title\\x07\.md:3:\d+: warning Unknown front matter field `\\x1b\[2Jkey` is ignored \[[a-z-]+\]$/,
    );
    expect(lines.filter((_, index) => index !== 1)).toEqual([
      'drop/bad\\u202egpj.md:2:8: error Expected a string for `title` but received 42 of type number [front-matter-type]',
      'syndikit: built 1 of 2 articles into out (markdown 1; 1 written, 0 unchanged; 0 from cache, 2 converted; 1 error, 1 warning)',
      'syndikit: not converted: drop/bad\\u202egpj.md',
      '',
    ]);
  });

  it('paths in usage errors', async () => {
    const dir = await workspace();
    const result = await syndikit(['build', 'no\u001b[2Jwhere\n.md'], dir);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'syndikit: Input no\\x1b[2Jwhere\\n.md does not exist\n' });
  });

  it('keys of an invalid config file', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'bad.yaml'), 'site:\n  "\\e]0;pwned\\a": 1\n');
    const result = await syndikit(['build', 'articles', '--config', 'bad.yaml'], dir);
    expect(result.code).toBe(2);
    expect(controls(result.stderr)).toEqual([]);
    expect(result.stderr).toContain('site: Unrecognized key: "\\x1b]0;pwned\\x07"');
  });
});
