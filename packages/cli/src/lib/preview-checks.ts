/**
 * What `syndikit preview` says about each output: the official AMP validator
 * for AMP pages (only with its engine on this machine: it is never fetched),
 * well-formedness for XML feeds and NewsML-G2 items, the JSON Feed 1.1 schema
 * for JSON Feeds, well-formed JSON for ninjs, and "not checked" for the rest.
 */
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSafeXml } from '@syndikit/xml';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import amphtmlValidator from 'amphtml-validator';

/** The outcome of one check. */
export interface CheckResult {
  status: 'pass' | 'fail' | 'not checked';
  /** What was checked (`AMP validator`, `well-formed XML`), or why nothing was. */
  check: string;
  /** The first problems found, one line each. */
  problems: string[];
}

/** At most this many problems are listed for one output. */
const shownProblems = 5;

/** Where scripts/fetch-amp-validator.mjs keeps the engine, below a project root. */
const enginePath = join('.cache', 'amp-validator', 'validator_wasm.js');

/** Checks for one preview server: the AMP engine and the schema are loaded once, on first use. */
export interface OutputChecker {
  check(path: string, contents: string): Promise<CheckResult>;
}

/**
 * A checker that looks for the AMP validator engine in `cwd` and the
 * folders above it, then above the installed CLI (a clone of this project).
 */
export function createOutputChecker(cwd: string): OutputChecker {
  let amp: Promise<AmpValidator | undefined> | undefined;
  let jsonFeed: ((data: unknown) => string[]) | undefined;
  return {
    async check(path, contents) {
      const name = path.split('/').pop() ?? path;
      if (path.startsWith('amp/') && name.endsWith('.html')) {
        amp ??= loadAmpValidator(cwd);
        return checkAmp(await amp, contents);
      }
      if (name.endsWith('.xml')) return checkXml(contents);
      if (name === 'feed.json') {
        jsonFeed ??= compileJsonFeedSchema();
        return checkJson(contents, 'JSON Feed 1.1 schema', jsonFeed);
      }
      if (name.endsWith('.json')) return checkJson(contents, 'well-formed JSON', () => []);
      return { status: 'not checked', check: 'no validator for this format', problems: [] };
    },
  };
}

interface AmpValidator {
  validateString(html: string): { status: string; errors: { severity: string; line: number; col: number; message: string }[] };
}

async function loadAmpValidator(cwd: string): Promise<AmpValidator | undefined> {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const start of [cwd, here]) {
    for (let dir = start; ; dir = dirname(dir)) {
      const candidate = join(dir, enginePath);
      if (
        await access(candidate).then(
          () => true,
          () => false,
        )
      )
        return (await amphtmlValidator.getInstance(candidate)) as AmpValidator;
      if (dirname(dir) === dir) break;
    }
  }
  return undefined;
}

function checkAmp(validator: AmpValidator | undefined, html: string): CheckResult {
  if (!validator) {
    return {
      status: 'not checked',
      check: 'AMP validator engine not on this machine (node scripts/fetch-amp-validator.mjs caches it)',
      problems: [],
    };
  }
  const result = validator.validateString(html);
  const problems = result.errors
    .filter((error) => error.severity === 'ERROR')
    .map((error) => `${error.line}:${error.col}: ${error.message}`);
  return { status: result.status === 'PASS' ? 'pass' : 'fail', check: 'AMP validator', problems: problems.slice(0, shownProblems) };
}

function checkXml(text: string): CheckResult {
  const { tree, problems } = parseSafeXml(text);
  const errors = problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => `${problem.place.line}:${problem.place.column}: ${problem.reason}`);
  return {
    status: tree && errors.length === 0 ? 'pass' : 'fail',
    check: 'well-formed XML',
    problems: errors.slice(0, shownProblems),
  };
}

function checkJson(text: string, check: string, validate: (data: unknown) => string[]): CheckResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { status: 'fail', check, problems: [(error as Error).message] };
  }
  const problems = validate(data);
  return { status: problems.length === 0 ? 'pass' : 'fail', check, problems: problems.slice(0, shownProblems) };
}

/** The JSON Feed 1.1 schema of the `jsonfeed-schema` package, with ajv. */
function compileJsonFeedSchema(): (data: unknown) => string[] {
  const require = createRequire(import.meta.url);
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is CommonJS: its default export arrives wrapped under ESM.
  const wrapped = addFormatsModule as unknown as { default?: unknown };
  const addFormats = (wrapped.default ?? addFormatsModule) as (ajv: Ajv) => void;
  addFormats(ajv);
  const validate = ajv.compile(require('jsonfeed-schema/schema-v1.1.json') as object);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`));
}
