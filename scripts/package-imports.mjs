/**
 * Which package an import specifier names, shared by scripts/check-deps.mjs (imports of the sources) and
 * scripts/pack-check.mjs (imports of the packed files).
 */
import { builtinModules } from 'node:module';

const builtins = new Set(builtinModules);

/** The package a bare specifier names, `'node:'` for Node builtins, or undefined for relative paths. */
export function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#')) return undefined;
  if (specifier.startsWith('node:') || builtins.has(specifier) || builtins.has(specifier.split('/')[0])) return 'node:';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** `hast` → `@types/hast`, `@scope/x` → `@types/scope__x`. */
export function typesPackageOf(name) {
  return name.startsWith('@') ? `@types/${name.slice(1).replace('/', '__')}` : `@types/${name}`;
}
