// Draws Rapport's icon (two linked rings on brand blue) as PNGs at the sizes Office asks for: the desktop ribbon's and
// the store's (16–128), Outlook mobile's buttons (25, 32, 48), the grey rings Outlook mobile asks of a button on its
// "Log" card (#919191, MobileLogEventAppointmentAttendee), and the unified manifest's app package icons (a 192 px colour
// icon and a 32 px white outline on transparency).
// Run once after changing the design: node scripts/make-icons.mjs; the PNGs are committed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const sizes = [16, 25, 32, 48, 64, 80, 128];
const out = path.resolve('addin/public/assets');
const brand = [15, 108, 189];
const grey = [0x91, 0x91, 0x91];
const white = [255, 255, 255];

// The rings alone, in one colour, on transparency: the log card's grey icon and the package's outline icon.
function ringsOnly(colour) {
  return (size, x, y) => {
    let ring = 0;
    for (let sy = 0; sy < 4; sy++) {
      for (let sx = 0; sx < 4; sx++) {
        const u = (x + (sx + 0.5) / 4) / size;
        const v = (y + (sy + 0.5) / 4) / size;
        const onRing = (cx) => Math.abs(Math.hypot(u - cx, v - 0.5) - 0.2) < 0.055;
        if (onRing(0.37) || onRing(0.63)) ring++;
      }
    }
    return [...colour, Math.round((ring / 16) * 255)];
  };
}

function pixel(size, x, y) {
  // Work in a 0..1 square with 4×4 supersampling for smooth edges.
  let cover = 0;
  let ring = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const u = (x + (sx + 0.5) / 4) / size;
      const v = (y + (sy + 0.5) / 4) / size;
      const r = 0.2; // corner radius of the rounded square
      const dx = Math.max(0, Math.abs(u - 0.5) - (0.5 - r));
      const dy = Math.max(0, Math.abs(v - 0.5) - (0.5 - r));
      if (dx * dx + dy * dy > r * r) continue;
      cover++;
      const onRing = (cx) => Math.abs(Math.hypot(u - cx, v - 0.5) - 0.2) < 0.055;
      if (onRing(0.37) || onRing(0.63)) ring++;
    }
  }
  const alpha = Math.round((cover / 16) * 255);
  const white = cover ? ring / cover : 0;
  return brand.map((channel) => Math.round(channel + (255 - channel) * white)).concat(alpha);
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, paint = pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(0); // no filter
    for (let x = 0; x < size; x++) rows.push(...paint(size, x, y));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(out, { recursive: true });
for (const size of sizes) fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size));
for (const size of [25, 32, 48]) fs.writeFileSync(path.join(out, `log-${size}.png`), png(size, ringsOnly(grey)));
fs.writeFileSync(path.join(out, 'color-192.png'), png(192));
fs.writeFileSync(path.join(out, 'outline-32.png'), png(32, ringsOnly(white)));
fs.copyFileSync(path.join(out, 'icon-32.png'), path.resolve('addin/public/favicon.png'));
console.log(`wrote ${sizes.map((size) => `icon-${size}.png`).join(', ')}, log-25/32/48.png, color-192.png and outline-32.png to ${out}`);
