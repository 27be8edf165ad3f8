/**
 * What every AMP page must carry, exactly as the AMP specification gives it.
 * https://amp.dev/documentation/guides-and-tutorials/learn/spec/amp-boilerplate
 */

/** The AMP runtime. */
export const runtimeUrl = 'https://cdn.ampproject.org/v0.js';

/** The viewport AMP requires. */
export const viewport = 'width=device-width,minimum-scale=1,initial-scale=1';

/** The required `<style amp-boilerplate>` (hides the body until the runtime has laid it out). */
export const boilerplateCss =
  'body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-moz-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-ms-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}@-webkit-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-moz-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-ms-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-o-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}';

/** The required `<noscript><style amp-boilerplate>` (shows the body without JavaScript). */
export const noscriptBoilerplateCss = 'body{-webkit-animation:none;-moz-animation:none;-ms-animation:none;animation:none}';

/** Largest `<style amp-custom>` AMP accepts, in bytes (UTF-8). */
export const maxCustomCssBytes = 75_000;

/** URL of an AMP extension's script. */
export function extensionUrl(name: string): string {
  return `https://cdn.ampproject.org/v0/${name}-0.1.js`;
}
