// Draws the ribbon and manifest icons (a gold thread through three tiers) as real PNGs, with no
// image library: run `node assets/make-icons.js` after changing the drawing.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** RGBA pixels (size*size*4) -> PNG file bytes. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const NAVY = [0x1f, 0x2a, 0x44];
const GOLD = [0xd4, 0xa0, 0x17];
const CREAM = [0xff, 0xf4, 0xd6];

/** Coverage of one point in unit coordinates: background tile, gold thread, three tier knots. */
function paint(x, y, px) {
  const r = 0.18; // corner radius of the tile
  const dx = Math.max(r - x, x - (1 - r), 0);
  const dy = Math.max(r - y, y - (1 - r), 0);
  if (Math.hypot(dx, dy) > r) return null;
  const knots = [[0.22, 0.22], [0.5, 0.5], [0.78, 0.78]];
  for (const [kx, ky] of knots) {
    const d = Math.hypot(x - kx, y - ky);
    if (d < 0.09) return CREAM;
    if (d < 0.13) return GOLD;
  }
  // The thread: a gentle S-curve from corner to corner.
  const t = (x + y) / 2;
  const offset = 0.12 * Math.sin(t * Math.PI * 2);
  const dist = Math.abs((x - y) / Math.SQRT2 - offset);
  if (dist < Math.max(0.055, 1.2 * px)) return GOLD;
  return NAVY;
}

/** The same tile, so the three buttons read as one group, each with its own mark. */
function tile(x, y) {
  const r = 0.18;
  const dx = Math.max(r - x, x - (1 - r), 0);
  const dy = Math.max(r - y, y - (1 - r), 0);
  return Math.hypot(dx, dy) <= r;
}

/** Distance from a point to the segment a-b. */
function segment(x, y, [ax, ay], [bx, by]) {
  const [vx, vy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

/** Check plan: a gold tick. */
function paintCheck(x, y, px) {
  if (!tile(x, y)) return null;
  const w = Math.max(0.07, 1.4 * px);
  if (segment(x, y, [0.24, 0.52], [0.43, 0.71]) < w || segment(x, y, [0.43, 0.71], [0.78, 0.3]) < w) return GOLD;
  return NAVY;
}

/** Refresh statuses: a gold ring broken at the top right, with an arrowhead. */
function paintRefresh(x, y, px) {
  if (!tile(x, y)) return null;
  const w = Math.max(0.06, 1.3 * px);
  const [cx, cy, radius] = [0.5, 0.52, 0.26];
  const angle = Math.atan2(y - cy, x - cx); // -pi..pi, 0 = right, -pi/2 = up
  const onRing = Math.abs(Math.hypot(x - cx, y - cy) - radius) < w;
  const gap = angle > -Math.PI / 2 && angle < -Math.PI / 8;
  if (onRing && !gap) return GOLD;
  // Arrowhead at the ring's end (top), pointing right.
  const [ax, ay] = [cx + 0.02, cy - radius];
  if (x >= ax - 0.02 && x <= ax + 0.16 && Math.abs(y - ay) <= 0.14 * (1 - (x - (ax - 0.02)) / 0.18)) return GOLD;
  return NAVY;
}

/** Record the quarter: a gold ring with one quarter filled in, the quarter being recorded. */
function paintRecord(x, y, px) {
  if (!tile(x, y)) return null;
  const w = Math.max(0.05, 1.2 * px);
  const [cx, cy, radius] = [0.5, 0.5, 0.29];
  const d = Math.hypot(x - cx, y - cy);
  if (Math.abs(d - radius) < w) return GOLD;
  // The top-right quarter, filled: a gap of the ring's width keeps it apart from the ring at 16 px.
  if (x >= cx + w && y <= cy - w && d < radius - w) return GOLD;
  return NAVY;
}

function draw(size, painter = paint) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4; // 4x4 supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [rr, gg, bb, aa] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = painter((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size, 1 / size);
          if (c) {
            rr += c[0];
            gg += c[1];
            bb += c[2];
            aa += 255;
          }
        }
      }
      const n = samples * samples;
      const covered = aa / 255 || 1;
      const i = (y * size + x) * 4;
      rgba[i] = Math.round(rr / covered);
      rgba[i + 1] = Math.round(gg / covered);
      rgba[i + 2] = Math.round(bb / covered);
      rgba[i + 3] = Math.round(aa / n);
    }
  }
  return encodePng(size, rgba);
}

const SIZES = [16, 32, 64, 80, 128];
/** Ribbon button icons: the pane button uses the add-in icon; Check plan, Refresh statuses and Record the quarter have their own. */
const BUTTONS = { check: paintCheck, refresh: paintRefresh, record: paintRecord };
const BUTTON_SIZES = [16, 32, 80];
if (require.main === module) {
  const written = [];
  for (const size of SIZES) {
    fs.writeFileSync(path.join(__dirname, `icon-${size}.png`), draw(size));
    written.push(`icon-${size}.png`);
  }
  for (const [name, painter] of Object.entries(BUTTONS)) {
    for (const size of BUTTON_SIZES) {
      fs.writeFileSync(path.join(__dirname, `${name}-${size}.png`), draw(size, painter));
      written.push(`${name}-${size}.png`);
    }
  }
  console.log(`wrote ${written.join(", ")}`);
}
module.exports = { encodePng, draw, SIZES, BUTTONS, BUTTON_SIZES };
