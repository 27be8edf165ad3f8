import { environmentErrorOf } from '@syndikit/build';
import { escapeControlCharacters, OutputLockedError } from '@syndikit/core';
import { Command, CommanderError, Option } from 'commander';
import { packageVersion as version } from '../generated/package.js';
import { buildCommand } from './commands/build.js';
import { convertCommand } from './commands/convert.js';
import { initCommand } from './commands/init.js';
import { inspectCommand } from './commands/inspect.js';
import { exitCodes, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { printable } from './reporter.js';

const exitHelp = `
Exit codes:
  0  everything converted
  1  content errors (reported as file:line:col: error message [rule-id])
  2  usage errors (bad flags, missing inputs, invalid config, output folder in use by another build,
     inputs, output folder and cache overlapping)
  3  the machine stopped it (disk full, read-only or unwritable folder, unreadable input folder,
     a symbolic link in the output folder); the output folder was left as it was
  70 internal error (a bug in syndikit; please report it)
  130 interrupted (Ctrl-C); the output folder was left as it was`;

/**
 * Run the `syndikit` command with `argv` (without the node and script
 * names) and return its exit code. Never throws for a user's mistake.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let code: number = exitCodes.ok;
  // Each command's action hands its exit code back here.
  const done = (exitCode: number) => {
    code = exitCode;
  };
  const program = new Command('syndikit');
  configured(program, io)
    .description('Turn news articles into every format they are syndicated in.')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', exitHelp);
  addBuildCommand(program, io, done);
  addConvertCommand(program, io, done);
  addInspectCommand(program, io, done);
  addInitCommand(program, io, done);
  addPreviewCommand(program, io, done);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

/** Every command throws instead of exiting, writes through `io`, and points at --help after a mistake. */
function configured(command: Command, io: CliIo): Command {
  return command
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Commander quotes what it did not understand (`unknown option '…'`): user text.
      writeErr: (text) => io.stderr.write(printable(text)),
    })
    .showHelpAfterError('(run with --help for usage)');
}

/** The options every command shares. */
function withCommonOptions(command: Command): Command {
  return command
    .option(
      '-c, --config <file>',
      'config file (default: syndikit.config.{yaml,yml,json,js,mjs,cjs,ts,mts,cts} in the working directory, else a YAML or JSON one in the one input folder named; code there is never run)',
    )
    .option('--site-url <url>', 'absolute URL of the site; article URLs are made under it (feeds and AMP pages need it)')
    .option(
      '--site-title <title>',
      "the site's title, which feeds and AMP pages carry (default: `site.title` from the config, else the site's own config, else syndikit)",
    )
    .option('--root <dir>', 'content root: image references may not leave it (default: the common folder of the inputs)')
    .option('--time-zone <zone>', 'time zone for dates without an offset: IANA name, UTC or ±HH:MM (default: UTC)')
    .option('--now <date-time>', 'the reference time for embargoes, RFC 3339 (default: now); give it for reproducible output')
    .option('--drafts', 'include Markdown drafts (`draft: true`, `published: false`), as Hugo --buildDrafts')
    .option('--future', 'include Markdown posts dated after --now, as Hugo --buildFuture')
    .option(
      '--strict',
      'a missing local image is an error that fails its article (default: a warning, and the image is left out; config `strict: true`)',
    );
}

/** `syndikit build`. */
function addBuildCommand(program: Command, io: CliIo, done: (code: number) => void): void {
  withCommonOptions(configured(program.command('build'), io))
    .description('convert every input to every format and write the outputs')
    .argument('[inputs...]', 'article files or folders (default: `inputs` from the config)')
    .option('-o, --out <dir>', 'output folder, apart from the inputs and the cache (default: `out` from the config, else ./out)')
    .option(
      '-f, --formats <list>',
      'comma-separated formats: markdown, rss, atom, jsonfeed, amp, ninjs, newsml-g2, images (default: from the config, else every format whose requirements are met: rss, atom, jsonfeed and amp need the site URL, images only when named)',
    )
    .option('-k, --keep-going', 'write what converted even when some articles fail (exit code is still 1)')
    .option('-q, --quiet', 'print only diagnostics, no summary')
    .option('--verbose', 'also print info messages (each line the wire ingester removed or guessed)')
    .option('--json', 'print progress events as JSON lines on standard output, for build tools')
    .option('-w, --watch', 'build, then rebuild what changed whenever an input or the config changes (Ctrl-C stops, exit 130)')
    .option(
      '--cache-dir <dir>',
      'the build cache, safe to keep between CI runs (default: `cacheDir` from the config, else .syndikit-cache)',
    )
    .option('--no-cache', 'convert every article and keep no cache (a temporary one is removed afterwards)')
    .option(
      '--threads <n>',
      'worker threads converting articles: a number (0: the main thread) or auto (default: auto, one per core from 100 articles)',
    )
    .addHelpText('after', buildHelp)
    .action(async (inputs: string[], flags) => {
      done(await buildCommand(inputs, flags, io));
    });
}

const buildHelp = `
Inputs: Markdown (.md, .markdown), scraped wire copy (.txt) and IPTC ninjs (.json).
Outputs are written under --out: markdown/<slug>.md, feed.xml, atom.xml, feed.json,
amp/<slug>.html, ninjs/<slug>.json, images/... Articles convert in worker threads;
each result is kept in the cache, so a rebuild converts only what changed, writes
only files that changed, and removes the outputs of deleted inputs. With any content
error the output folder is left as it was, unless --keep-going. Writes are atomic;
the folder is locked while a build runs; Ctrl-C stops a build cleanly (exit 130).
Without --formats (or formats: in the config) every format whose requirements are
met is built: markdown, ninjs and newsml-g2 always, rss, atom, jsonfeed and amp with
a site URL (naming one of those without a site URL is a usage error, exit 2); one
line says what was skipped and why. images is built only when named.
${exitHelp}`;

/** `syndikit convert`. */
function addConvertCommand(program: Command, io: CliIo, done: (code: number) => void): void {
  withCommonOptions(configured(program.command('convert'), io))
    .description('convert one article and print it to standard output')
    .argument('<file>', 'the article')
    .addOption(
      new Option('-t, --to <format>', 'the output format: markdown, rss, atom, jsonfeed, amp, ninjs or newsml-g2').makeOptionMandatory(),
    )
    .option('-o, --out <dir>', 'write the outputs under this folder instead of printing (for formats with several files)')
    .addHelpText('after', exitHelp)
    .action(async (file: string, flags) => {
      done(await convertCommand(file, flags, io));
    });
}

/** `syndikit inspect`. */
function addInspectCommand(program: Command, io: CliIo, done: (code: number) => void): void {
  withCommonOptions(configured(program.command('inspect'), io))
    .description(
      'print the article model as JSON (an array when the file holds several, as a news message does); diagnostics, with what was read and dropped, go to standard error',
    )
    .argument('<file>', 'the article')
    .option('--positions', 'keep source positions on body nodes')
    .addHelpText('after', exitHelp)
    .action(async (file: string, flags) => {
      done(await inspectCommand(file, flags, io));
    });
}

/** `syndikit init`. */
function addInitCommand(program: Command, io: CliIo, done: (code: number) => void): void {
  configured(program.command('init'), io)
    .description('write a commented syndikit.config.yaml for the site or the folder of articles here (never overwrites one)')
    .argument('[dir]', 'the site root or folder of articles (default: the working directory)')
    .option('-y, --yes', 'ask nothing, take what was found (the default without a terminal)')
    .option('--title <title>', "the site's title (default: from the site's own config)")
    .option('--site-url <url>', "the site's absolute URL (default: from the site's own config); feeds and AMP pages need it")
    .addHelpText('after', initHelp)
    .action(async (dir: string | undefined, flags) => {
      done(await initCommand(dir, flags, io));
    });
}

const initHelp = `
Detects a Hugo, Jekyll, Astro, Eleventy, Docusaurus, Zola or Next.js site (its config is
read as data, never run) and writes its title, URL and content folders into the config,
with the output folder the generator serves as it is (static/syndication for Hugo, Zola
and Docusaurus; public/syndication for Astro and Next.js; _site/syndication for Eleventy
and Jekyll; out elsewhere) and every format whose requirements are met (feeds and AMP
pages need the site URL; images need images). Exit code 2 when a config is already there.`;

/** `syndikit preview`. */
function addPreviewCommand(program: Command, io: CliIo, done: (code: number) => void): void {
  withCommonOptions(configured(program.command('preview'), io))
    .description('build, then serve the output folder with an index of every article, its outputs, their checks and warnings')
    .argument('[inputs...]', 'article files or folders (default: `inputs` from the config)')
    .option('-o, --out <dir>', 'output folder (default: `out` from the config, else ./out)')
    .option('-f, --formats <list>', 'comma-separated formats (default: from the config, else every format whose requirements are met)')
    .option('-w, --watch', 'rebuild whenever an input or the config changes, and reload the index page')
    .option('-p, --port <n>', 'port to listen on; 0 picks a free one (default: 5170)')
    .option('--host <host>', 'interface to listen on (default: 127.0.0.1, this machine only)')
    .option('-k, --keep-going', 'write what converted even when some articles fail')
    .option('--verbose', 'also print info messages')
    .option('--cache-dir <dir>', 'the build cache (default: `cacheDir` from the config, else .syndikit-cache)')
    .option('--no-cache', 'convert every article and keep no cache')
    .addHelpText('after', previewHelp)
    .action(async (inputs: string[], flags) => {
      // The preview's server and checkers (sirv, ajv, the AMP validator) load only for this command.
      const { previewCommand } = await import('./commands/preview.js');
      done(await previewCommand(inputs, flags, io));
    });
}

const previewHelp = `
Serves http://127.0.0.1:5170/ until Ctrl-C (exit 130; SIGTERM exits 0). The index page
lists every article with links to each output and its check (the AMP validator when its
engine is cached in .cache/amp-validator/, well-formed XML for feeds and NewsML-G2, the
JSON Feed 1.1 schema) and the build's warnings; feeds are served as application/rss+xml,
application/atom+xml and application/feed+json. Only files inside the output folder are
served. With --watch the index page reloads itself after each rebuild.
${exitHelp}`;

/** The exit code for what a command threw, after saying what went wrong. */
function exitCodeFor(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return exitCodes.ok;
    }
    return exitCodes.usage;
  }
  // Messages name paths and config keys: user text, so each is one line with control characters escaped.
  if (error instanceof OutputLockedError) {
    io.stderr.write(`syndikit: ${escapeControlCharacters(error.message)}\n`);
    return exitCodes.usage;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`syndikit: ${escapeControlCharacters(error.message)}\n`);
    for (const problem of error.problems) io.stderr.write(`  ${escapeControlCharacters(problem)}\n`);
    return exitCodes.usage;
  }
  // The machine's faults (a full disk, a read-only folder, permissions) name the path and what to do.
  const environment = environmentErrorOf(error);
  if (environment) {
    io.stderr.write(`syndikit: ${escapeControlCharacters(environment.message)}\n`);
    return exitCodes.environment;
  }
  // Anything else is a bug in syndikit, not the user's mistake: say so, with the stack.
  io.stderr.write(
    `syndikit: internal error; please report it with the input that caused it\n${printable((error as Error)?.stack ?? String(error))}\n`,
  );
  return exitCodes.internal;
}
