// Step "compress" (release only): .br and .gz next to every text file and the wasm, for servers that serve
// precompressed files (nginx gzip_static / brotli_static; most CDNs compress by themselves). Siblings from an
// earlier run are removed first; a sibling that saves less than 5 % is not written.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { NOT_APP_FILES } from '../../deploy/headers.mjs';
import { listFiles } from './files.mjs';

const COMPRESSIBLE = /\.(html|css|js|mjs|wasm|svg|webmanifest|json|txt)$/;
const SIBLING = /\.(br|gz)$/;

export function compress({ dir }) {
  for (const f of listFiles(dir)) if (SIBLING.test(f)) rmSync(join(dir, f));
  let count = 0;
  for (const f of listFiles(dir)) {
    if (!COMPRESSIBLE.test(f) || NOT_APP_FILES.test(f)) continue;
    const buf = readFileSync(join(dir, f));
    if (buf.length < 256) continue;
    const br = zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
        [zlib.constants.BROTLI_PARAM_MODE]: f.endsWith('.wasm') ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = zlib.gzipSync(buf, { level: 9 });
    if (br.length < buf.length * 0.95) writeFileSync(join(dir, `${f}.br`), br);
    if (gz.length < buf.length * 0.95) writeFileSync(join(dir, `${f}.gz`), gz);
    count += 1;
  }
  return `${count} files precompressed (.br, .gz)`;
}
