// Draws the toolbar/notification icons (a white handset on a blue rounded square) as PNGs, so
// no binary asset comes from outside. Run: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};

// Coverage of the shapes at a point in unit coordinates (0..1), by signed distance.
function shade(x, y) {
  const r = 0.2;
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  const square = Math.hypot(qx, qy) - r;
  // Handset: a thick arc from upper-left to lower-right, with round ends.
  const cx = 0.64,
    cy = 0.36,
    R = 0.34,
    w = 0.075;
  const a = Math.atan2(y - cy, x - cx);
  const inArc = a > Math.PI * 0.5 && a < Math.PI;
  const ring = Math.abs(Math.hypot(x - cx, y - cy) - R) - w;
  const end1 = Math.hypot(x - cx, y - (cy + R)) - w * 1.55;
  const end2 = Math.hypot(x - (cx - R), y - cy) - w * 1.55;
  const handset = Math.min(inArc ? ring : Infinity, end1, end2);
  return { square, handset };
}

function icon(size) {
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = [0];
    for (let px = 0; px < size; px++) {
      let bg = 0,
        fg = 0;
      const n = 4;
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const { square, handset } = shade((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (square <= 0) bg++;
          if (square <= 0 && handset <= 0) fg++;
        }
      const cover = bg / (n * n),
        white = fg / Math.max(1, bg);
      row.push(
        Math.round(29 + (255 - 29) * white),
        Math.round(78 + (255 - 78) * white),
        Math.round(216 + (255 - 216) * white),
        Math.round(255 * cover),
      );
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, icon(size));
