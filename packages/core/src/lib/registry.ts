import type { Adapter, AdapterFactory } from './adapter.js';

/**
 * Maps format names (`--formats markdown,rss`) to adapter factories.
 * The CLI fills one with the built-in adapters and any from the config.
 */
export interface Registry {
  /** Add a format. Throws a `TypeError` if the name is taken or not kebab-case. */
  register(name: string, factory: AdapterFactory<never>): Registry;
  has(name: string): boolean;
  /** Registered names, sorted. */
  names(): string[];
  /** Create the adapter for `name` with its options. Throws a `TypeError` for an unknown name. */
  create(name: string, options?: unknown): Adapter;
}

/**
 * Create a registry, optionally filled from `{ name: factory }`.
 *
 * @example
 * const registry = createRegistry({ markdown: markdownAdapter })
 * registry.create('markdown', { frontMatter: true })
 */
export function createRegistry(entries?: Readonly<Record<string, AdapterFactory<never>>>): Registry {
  const factories = new Map<string, AdapterFactory<unknown>>();
  const registry: Registry = {
    register(name, factory) {
      if (!/^[a-z][a-z0-9-]*$/.test(name)) {
        throw new TypeError(`Expected a kebab-case format name but received ${JSON.stringify(name)}`);
      }
      if (typeof factory !== 'function') {
        throw new TypeError(`Expected an adapter factory function for format \`${name}\` but received ${typeof factory}`);
      }
      if (factories.has(name)) throw new TypeError(`Format \`${name}\` is already registered`);
      factories.set(name, factory as AdapterFactory<unknown>);
      return registry;
    },
    has: (name) => factories.has(name),
    names: () => [...factories.keys()].sort(),
    create(name, options) {
      const factory = factories.get(name);
      if (!factory) {
        const known = registry.names();
        throw new TypeError(`Unknown format \`${name}\`; expected one of: ${known.join(', ') || '(none registered)'}`);
      }
      const adapter = factory(options as never);
      if (!adapter || typeof adapter.render !== 'function' || (adapter.scope !== 'article' && adapter.scope !== 'collection')) {
        throw new TypeError(`Expected the factory for \`${name}\` to return an adapter with a scope and render()`);
      }
      return adapter;
    },
  };
  if (entries) for (const [name, factory] of Object.entries(entries)) registry.register(name, factory);
  return registry;
}
