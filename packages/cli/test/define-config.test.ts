/**
 * defineConfig types format names and each format's options: a typo fails
 * in the editor. Checked with the TypeScript compiler on configs as a user
 * writes them (and `define-config-types.ts` beside this file is checked by
 * `npm run typecheck` with `@ts-expect-error`).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** The compiler's errors for a config module in this package's folder (so `@syndikit/cli` resolves to the built package). */
async function errorsOf(source: string): Promise<string[]> {
  const file = join(packageDir, 'test', `.define-config-${process.pid}-${Math.random().toString(36).slice(2)}.ts`);
  await writeFile(file, source);
  try {
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
    });
    return ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file?.fileName === file)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  } finally {
    await import('node:fs/promises').then(({ rm }) => rm(file, { force: true }));
  }
}

const header = "import { defineConfig } from '@syndikit/cli';\n";

describe('defineConfig', () => {
  it('accepts the built-in formats and their options', async () => {
    expect(
      await errorsOf(
        `${header}export default defineConfig({ formats: ['markdown', 'rss', 'amp', 'newsml-g2'], adapters: { rss: { limit: 20 }, amp: { cssFile: 'theme.css' } } });\n`,
      ),
    ).toEqual([]);
  }, 120_000);

  it("refuses formats: ['rsss'] and a misspelt option", async () => {
    const format = await errorsOf(`${header}export default defineConfig({ formats: ['rsss'] });\n`);
    expect(format.join('\n')).toMatch(/'"rsss"' is not assignable/);
    const option = await errorsOf(`${header}export default defineConfig({ adapters: { rss: { limt: 20 } } });\n`);
    expect(option.join('\n')).toMatch(/'limt' does not exist/);
  }, 120_000);

  it('knows the formats a config adds under plugins.formats, and their options', async () => {
    const source = `${header}const headlines = (options?: { dir?: string } | null) => ({ name: 'headlines', scope: 'article' as const, render: () => [] });
export default defineConfig({ formats: ['markdown', 'headlines'], adapters: { headlines: { dir: 'h' } }, plugins: { formats: { headlines } } });
`;
    expect(await errorsOf(source)).toEqual([]);
    expect((await errorsOf(source.replace("{ dir: 'h' }", '{ dri: 1 }'))).join('\n')).toMatch(/'dri' does not exist/);
  }, 120_000);
});
