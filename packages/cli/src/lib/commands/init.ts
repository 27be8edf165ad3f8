import { stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { configFileNames } from '../config.js';
import { exitCodes, UsageError } from '../errors.js';
import { formatsOf, type InitPlan, planInit, renderInitConfig, siteName } from '../init-config.js';
import { shownPath } from '../inputs.js';
import type { CliIo } from '../io.js';
import { detectSite } from '../site-detect.js';

/** Flags of `syndikit init`. */
export interface InitFlags {
  /** Ask nothing; take what was found (the default without a terminal). */
  yes?: boolean;
  /** The site's title, over what the site's own config gives. */
  title?: string;
  /** The site's URL, over what the site's own config gives. */
  siteUrl?: string;
}

/**
 * `syndikit init [dir]`: write a commented `syndikit.config.yaml` in `dir`
 * (default: the working directory) for the site detected there (Hugo,
 * Jekyll, Astro, Eleventy, Docusaurus, Zola, Next.js) or the folders of
 * articles in it. Never overwrites a config (usage error, exit 2). On a
 * terminal without `--yes`, asks for the title and URL it could not read.
 */
export async function initCommand(dir: string | undefined, flags: Readonly<InitFlags>, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, dir ?? '.');
  if (!(await stat(root).catch(() => undefined))?.isDirectory()) throw new UsageError(`${shownPath(root, io.cwd)} is not a folder`);
  for (const name of configFileNames) {
    if (await stat(join(root, name)).catch(() => undefined)) {
      throw new UsageError(
        `${shownPath(join(root, name), io.cwd)} already exists; syndikit init never overwrites a config (edit it, or remove it to start again)`,
      );
    }
  }
  if (flags.siteUrl !== undefined && !/^https?:\/\/[^/\s]+/i.test(flags.siteUrl)) {
    throw new UsageError(`Expected an absolute http(s) URL for --site-url but received ${JSON.stringify(flags.siteUrl)}`);
  }
  const site = await detectSite(root);
  let plan = await planInit(root, site, { title: flags.title, url: flags.siteUrl });
  if (plan.articles === 0) {
    throw new UsageError(
      `No articles found in ${shownPath(root, io.cwd)}${site ? ` (${siteName(site.generator)}; looked in its content folders)` : ''}: run syndikit init in the folder that holds them, or in the site's root`,
    );
  }
  if (!flags.yes && isInteractive(io)) plan = await ask(plan);
  const target = join(root, 'syndikit.config.yaml');
  // `wx`: a config that appeared since the check above is still never overwritten.
  await writeFile(target, renderInitConfig(plan), { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST')
      throw new UsageError(`${shownPath(target, io.cwd)} already exists; syndikit init never overwrites a config`);
    throw error;
  });
  io.stderr.write(`${summary(plan, shownPath(target, io.cwd))}\n`);
  return exitCodes.ok;
}

function summary(plan: InitPlan, shown: string): string {
  const { on, off } = formatsOf(plan);
  return [
    `syndikit: wrote ${shown} for ${siteName(plan.generator)}`,
    `  inputs:  ${plan.inputs.join(', ')} (${plan.articles} article${plan.articles === 1 ? '' : 's'})`,
    `  out:     ${plan.out}`,
    `  formats: ${on.join(', ')}${off.length > 0 ? ` (not: ${off.map(({ name, why }) => `${name}, ${why}`).join('; ')})` : ''}`,
    `  site:    ${plan.title ?? '(no title)'}, ${plan.url ?? '(no URL)'}`,
    'next: npx syndikit build, then npx syndikit preview --watch',
  ].join('\n');
}

/** Prompts only on a real terminal: pipes and CI behave as --yes. */
function isInteractive(io: CliIo): boolean {
  return io.stdout === process.stdout && Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

/** Ask for the title and URL, what was found being the default (Enter keeps it). */
async function ask(plan: InitPlan): Promise<InitPlan> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const title = (await prompt.question(`Site title${plan.title ? ` (${plan.title})` : ''}: `)).trim() || plan.title;
    let url = plan.url;
    for (;;) {
      const answer = (await prompt.question(`Site URL, for feeds and AMP pages${url ? ` (${url})` : ' (Enter for none)'}: `)).trim();
      if (answer === '' || /^https?:\/\/[^/\s]+/i.test(answer)) {
        url = answer || url;
        break;
      }
      process.stdout.write('An absolute http(s) URL, such as https://news.example\n');
    }
    return { ...plan, title, url };
  } finally {
    prompt.close();
  }
}
