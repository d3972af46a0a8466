// Draws the add-in icon (a green sheet with rows and an import arrow) as PNGs in assets/, with no image library:
// each pixel is 4×4 supersampled from a vector description in an 80×80 design grid, then written through zlib.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
const GREEN: Rgba = [16, 124, 65, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const NONE: Rgba = [0, 0, 0, 0];

function inRoundRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The colour at a point of the 80×80 design. */
function design(x: number, y: number): Rgba {
  if (!inRoundRect(x, y, 2, 2, 78, 78, 12)) return NONE;
  const bars: [number, number][] = [
    [14, 66],
    [14, 50],
    [14, 40],
  ];
  for (const [i, [from, to]] of bars.entries()) {
    const cy = 26 + i * 16;
    if (inRoundRect(x, y, from, cy - 3, to, cy + 3, 3)) return WHITE;
  }
  // Arrow pointing right, bottom right: shaft plus head.
  if (x >= 46 && x <= 56 && y >= 55 && y <= 63) return WHITE;
  if (x >= 56 && x <= 70 && Math.abs(y - 59) <= (70 - x) * 0.8) return WHITE;
  return GREEN;
}

function render(size: number): Buffer {
  const samples = 4;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const c = design(((px + (sx + 0.5) / samples) * 80) / size, ((py + (sy + 0.5) / samples) * 80) / size);
          for (let k = 0; k < 3; k++) sum[k] += c[k] * c[3];
          sum[3] += c[3];
        }
      const alpha = sum[3] / (samples * samples);
      const at = py * (size * 4 + 1) + 1 + px * 4;
      for (let k = 0; k < 3; k++) raw[at + k] = sum[3] ? Math.round(sum[k] / sum[3]) : 0;
      raw[at + 3] = Math.round(alpha);
    }
  }
  return png(size, raw);
}

function png(size: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(join(__dirname, '..', 'assets', `icon-${size}.png`), render(size));
