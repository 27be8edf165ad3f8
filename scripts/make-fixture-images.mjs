// Regenerates the synthetic photos under fixtures/articles/images with sharp.
// The photos are original: flat-colour scenes drawn from SVG, so the fixtures
// carry no third-party imagery. Run: node scripts/make-fixture-images.mjs
import { mkdir } from 'node:fs/promises';
import sharp from 'sharp';

const out = new URL('../fixtures/articles/images/', import.meta.url);
await mkdir(out, { recursive: true });

const scenes = [
  ['harbor-bridge.jpg', 1200, 800, '#4a6fa5', '#d9e4f0', 'bridge'],
  ['grain-silo.jpg', 1200, 800, '#c9a227', '#f3e6b3', 'silo'],
  ['orchestra.jpg', 1200, 675, '#5b2a86', '#e6d5f2', 'hall'],
  ['bundestag.jpg', 1000, 750, '#2f4f4f', '#dfe9e9', 'dome'],
  ['rail-depot.jpg', 1200, 800, '#7a3e1d', '#f1dccd', 'rails'],
  ['rail-picket.jpg', 800, 1000, '#1d5e7a', '#cde8f1', 'people'],
  ['election-night.jpg', 1600, 900, '#8b1e3f', '#f5d5df', 'stage'],
  ['book-fair.jpg', 1200, 800, '#1e6b52', '#d3efe5', 'shelves'],
];

for (const [name, width, height, dark, light, motif] of scenes) {
  const shapes = {
    bridge: `<path d="M0 ${height * 0.7} Q ${width / 2} ${height * 0.2} ${width} ${height * 0.7}" stroke="${dark}" stroke-width="24" fill="none"/>`,
    silo: `<rect x="${width * 0.3}" y="${height * 0.2}" width="${width * 0.15}" height="${height * 0.6}" fill="${dark}"/><rect x="${width * 0.5}" y="${height * 0.3}" width="${width * 0.15}" height="${height * 0.5}" fill="${dark}"/>`,
    hall: `<circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="${dark}"/>`,
    dome: `<ellipse cx="${width / 2}" cy="${height * 0.6}" rx="${width / 4}" ry="${height / 4}" fill="${dark}"/>`,
    rails: `<path d="M${width * 0.4} ${height} L${width / 2} ${height * 0.3} L${width * 0.6} ${height}" stroke="${dark}" stroke-width="16" fill="none"/>`,
    people: `<circle cx="${width * 0.3}" cy="${height * 0.4}" r="60" fill="${dark}"/><circle cx="${width * 0.7}" cy="${height * 0.45}" r="60" fill="${dark}"/>`,
    stage: `<rect x="0" y="${height * 0.75}" width="${width}" height="${height * 0.25}" fill="${dark}"/>`,
    shelves: `<rect x="${width * 0.1}" y="${height * 0.3}" width="${width * 0.8}" height="20" fill="${dark}"/><rect x="${width * 0.1}" y="${height * 0.6}" width="${width * 0.8}" height="20" fill="${dark}"/>`,
  }[motif];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 70, mozjpeg: true }).toFile(new URL(name, out).pathname);
  console.log(name, width, height);
}
