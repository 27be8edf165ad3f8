import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Adapter,
  version as coreVersion,
  fingerprint,
  type Ingester,
  type PipelineOptions,
  type ResolvedPipeline,
  resolvePipeline,
} from '@syndikit/core';
import { packageVersion } from '../generated/package.js';

/**
 * How every thread of a build makes the same pipeline: an ES module that
 * exports `createPipeline(options)`, returning the options `convert` takes
 * (adapters, ingesters, site, …) and optionally a `fingerprint` of whatever
 * they were made from. Adapters hold functions and cannot be sent to a
 * worker thread, so each worker imports the module and calls it with the
 * same `options`, which must survive `structuredClone`.
 *
 * @example
 * // pipeline.mjs
 * export function createPipeline({ siteUrl }) {
 *   return { formats: [markdownAdapter(), rssAdapter()], site: { url: siteUrl } }
 * }
 */
export interface PipelineModule {
  /** URL or absolute path of the module. */
  module: string | URL;
  /** Passed to `createPipeline` in every thread. Default `undefined`. */
  options?: unknown;
  /**
   * The pipeline the calling thread already made from this module and
   * `options`, used in this thread instead of making it again. Optional.
   */
  created?: CreatedPipeline;
}

/** What `createPipeline` returns. */
export interface CreatedPipeline extends PipelineOptions {
  /**
   * Stands for everything the pipeline was made from that its adapters'
   * and ingesters' own cache keys do not cover (a config file's contents).
   * Part of every cache key. Optional.
   */
  fingerprint?: string;
}

/** A pipeline resolved in this thread, with the key its cached articles are valid for. */
export interface LoadedPipeline {
  resolved: ResolvedPipeline;
  /** Changes whenever any article could convert differently: part of every article's cache key. */
  key: string;
}

/** This package's version (embedded at build time): part of every cache key, and of the cache index's header. */
export const engineVersion = packageVersion;

/** Whether a build's `pipeline` option is a module to load in every thread. */
export function isPipelineModule(value: unknown): value is PipelineModule {
  return typeof value === 'object' && value !== null && 'module' in value;
}

/** Import a pipeline module and create its pipeline. Throws a `TypeError` for a module without `createPipeline`. */
export async function importPipeline(spec: PipelineModule): Promise<CreatedPipeline> {
  const href = spec.module instanceof URL ? spec.module.href : isAbsolute(spec.module) ? pathToFileURL(spec.module).href : spec.module;
  const imported = (await import(href)) as { createPipeline?: (options: unknown) => CreatedPipeline | Promise<CreatedPipeline> };
  if (typeof imported.createPipeline !== 'function') {
    throw new TypeError(`Expected the pipeline module ${href} to export a \`createPipeline\` function`);
  }
  return imported.createPipeline(spec.options);
}

/** Resolve a created pipeline and compute its cache key. */
export function loadPipeline(
  created: CreatedPipeline,
  overrides: Pick<PipelineOptions, 'now' | 'cwd' | 'root' | 'cacheDir'>,
): LoadedPipeline {
  const resolved = resolvePipeline({ ...created, ...withoutUndefined(overrides) });
  return { resolved, key: pipelineKey(resolved, created.fingerprint) };
}

/**
 * Everything an article's conversion depends on besides its own bytes and
 * the files it references. `now` is left out: only embargoed articles
 * depend on it, and the cache checks those one by one. Collection adapters
 * are left out too: they run on every build.
 */
function pipelineKey(resolved: ResolvedPipeline, given: string | undefined): string {
  const perArticle = resolved.adapters.filter((adapter) => adapter.scope === 'article' || adapter.prepare);
  return fingerprint({
    engine: engineVersion,
    core: coreVersion,
    given: given ?? null,
    site: resolved.site,
    limits: resolved.limits,
    permalink: resolved.permalink,
    timeZone: resolved.timeZone,
    root: resolved.root ?? null,
    imageFacts: resolved.imageFacts ?? null,
    remarkPlugins: resolved.remarkPlugins,
    ingesters: resolved.ingesters.map(ingesterKey),
    adapters: perArticle.map(adapterKey),
  });
}

function ingesterKey(ingester: Ingester): unknown {
  return ingester.cacheKey ?? [ingester.name, ingester.extensions, ingester.ingest.toString()];
}

function adapterKey(adapter: Adapter): unknown {
  return adapter.cacheKey ?? [adapter.name, adapter.scope, adapter.prepare?.toString() ?? null, adapter.render.toString()];
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined && entry !== null)) as Partial<T>;
}
