// Which sharp crop strategy keeps the subject of our fixture photos in the 16:9, 4:3 and 1:1 crops that
// @syndikit/images makes for Google's NewsArticle images: centre, entropy or attention.
//
// The measure: the share of a photo's subject pixels that stay inside the crop window. The fixture
// photos (scripts/make-fixture-images.mjs) are a vertical gradient with a flat-coloured subject, so a
// subject pixel is one far from the gradient (estimated from the top and bottom rows). A crop that keeps
// 100% keeps the whole subject; a lower share means part of it was cut off. Also printed: where the
// window is (left,top in the photo's pixels).
//
// Run: node scripts/crop-strategy.mjs [folder]   (default fixtures/articles/images)
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

const folder = process.argv[2] ?? new URL('../fixtures/articles/images/', import.meta.url).pathname;
const ratios = [
  ['16:9', 16, 9],
  ['4:3', 4, 3],
  ['1:1', 1, 1],
];
const strategies = [
  ['centre', 'centre'],
  ['entropy', sharp.strategy.entropy],
  ['attention', sharp.strategy.attention],
];

/**
 * Subject mask: 1 where a pixel is far (sum of channel differences > 60) from the background, the
 * vertical gradient the photo is drawn on, estimated from the median colours of its top and bottom rows.
 */
async function subjectMask(path) {
  const { data, info } = await sharp(path).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const rowMedian = (y) =>
    [0, 1, 2].map((c) => {
      const values = [];
      for (let x = 0; x < info.width; x++) values.push(data[(y * info.width + x) * 3 + c]);
      values.sort((a, b) => a - b);
      return values[values.length >> 1];
    });
  const top = rowMedian(0);
  const bottom = rowMedian(info.height - 1);
  const mask = new Uint8Array(info.width * info.height);
  for (let y = 0; y < info.height; y++) {
    const background = top.map((value, c) => value + ((bottom[c] - value) * y) / (info.height - 1));
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * 3;
      const distance = [0, 1, 2].reduce((sum, c) => sum + Math.abs(data[i + c] - background[c]), 0);
      if (distance > 60) mask[y * info.width + x] = 1;
    }
  }
  return { mask, width: info.width, height: info.height };
}

const totals = Object.fromEntries(strategies.map(([name]) => [name, { kept: 0, count: 0, worst: 100 }]));
const rows = [];
for (const name of (await readdir(folder)).filter((file) => /\.(jpe?g|png|webp)$/i.test(file)).sort()) {
  const path = join(folder, name);
  const { mask, width, height } = await subjectMask(path);
  const subject = mask.reduce((sum, value) => sum + value, 0);
  for (const [ratio, w, h] of ratios) {
    // The largest window of the ratio inside the photo, cropped at its own size (no scaling), so that the
    // offsets sharp reports are in the photo's pixels.
    const windowWidth = Math.min(width, Math.floor((height * w) / h));
    const windowHeight = Math.min(height, Math.floor((width * h) / w));
    const cells = [];
    for (const [strategy, position] of strategies) {
      const { info } = await sharp(path)
        .resize(windowWidth, windowHeight, { fit: 'cover', position })
        .raw()
        .toBuffer({ resolveWithObject: true });
      const left = -(info.cropOffsetLeft ?? 0) || Math.round((width - windowWidth) / 2) * (strategy === 'centre' ? 1 : 0);
      const top = -(info.cropOffsetTop ?? 0) || Math.round((height - windowHeight) / 2) * (strategy === 'centre' ? 1 : 0);
      let inside = 0;
      for (let y = top; y < top + windowHeight; y++) for (let x = left; x < left + windowWidth; x++) inside += mask[y * width + x];
      const kept = subject === 0 ? 100 : (100 * inside) / subject;
      totals[strategy].kept += kept;
      totals[strategy].count++;
      totals[strategy].worst = Math.min(totals[strategy].worst, kept);
      cells.push(`${strategy} ${kept.toFixed(1)}% @${left},${top}`);
    }
    rows.push(`${name.padEnd(20)} ${`${width}x${height}`.padEnd(10)} ${ratio.padEnd(5)} ${cells.join(' | ')}`);
  }
}
console.log(rows.join('\n'));
console.log('\nsubject kept, mean over photos and ratios (worst case):');
for (const [strategy, total] of Object.entries(totals))
  console.log(`  ${strategy.padEnd(10)} ${(total.kept / total.count).toFixed(1)}% (${total.worst.toFixed(1)}%)`);
