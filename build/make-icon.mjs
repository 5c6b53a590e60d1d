// Renders build/icon.png (512×512), from which electron-builder derives the .ico and .icns.
// Shapes only, no text: the result must not depend on the fonts of the machine that runs this.
// Usage: node build/make-icon.mjs
import { Buffer } from 'node:buffer';
import { stdout } from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import sharp from 'sharp';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#23303f"/><stop offset="1" stop-color="#111820"/>
    </linearGradient>
  </defs>
  <rect x="16" y="16" width="480" height="480" rx="96" fill="url(#bg)"/>
  <g stroke="#3c4d60" stroke-width="6">
    ${[112, 176, 240, 304, 368].map((v) => `<line x1="${v}" y1="80" x2="${v}" y2="432"/><line x1="80" y1="${v}" x2="432" y2="${v}"/>`).join('')}
  </g>
  <rect x="188" y="160" width="120" height="96" rx="10" fill="none" stroke="#ff5a4e" stroke-width="14"/>
  <path d="M214 214 l34 -22 l22 30 l18 -12" fill="none" stroke="#ff5a4e" stroke-width="10" stroke-linecap="round" stroke-linejoin="round"/>
  <circle cx="236" cy="212" r="118" fill="none" stroke="#e8eef5" stroke-width="26"/>
  <line x1="322" y1="298" x2="410" y2="386" stroke="#e8eef5" stroke-width="40" stroke-linecap="round"/>
  <circle cx="392" cy="120" r="34" fill="#37c47a"/>
  <path d="M376 120 l12 12 l22 -24" fill="none" stroke="#111820" stroke-width="10" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const out = fileURLToPath(new URL('./icon.png', import.meta.url));
await sharp(Buffer.from(svg)).resize(512, 512).png({ compressionLevel: 9 }).toFile(out);
stdout.write(`wrote ${out}\n`);
