import { themeCss } from '../generated/assets.js';
import { maxCustomCssBytes } from './boilerplate.js';

/** The default theme shipped with this package (`assets/theme.css`, embedded at build time). */
export function defaultThemeCss(): string {
  return themeCss;
}

/** Size of CSS as AMP counts it: UTF-8 bytes. */
export function cssBytes(css: string): number {
  return Buffer.byteLength(css, 'utf8');
}

/**
 * Why a stylesheet cannot be a page's `<style amp-custom>`, or `undefined`.
 * AMP rejects CSS over 75,000 bytes, `!important`, `@import`, and anything
 * that would close the style element early.
 */
export function themeProblem(css: string): string | undefined {
  const bytes = cssBytes(css);
  if (bytes > maxCustomCssBytes) return `it is ${bytes} bytes, over AMP's limit of ${maxCustomCssBytes}`;
  if (/<\/style/i.test(css)) return 'it contains `</style`';
  if (/!important/i.test(css)) return 'it uses `!important`, which AMP does not allow';
  if (/@import/i.test(css)) return 'it uses `@import`, which AMP does not allow';
  if (/i-amphtml-/i.test(css)) return 'it styles `i-amphtml-` internals, which AMP does not allow';
  return undefined;
}
