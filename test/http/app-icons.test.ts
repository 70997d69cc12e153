// Home-screen icons and the web manifest: real PNGs of the announced sizes, and every page names them.
import { describe, expect, it } from 'vitest';
import { all, parse } from '../helpers/dom.js';
import { buildTestApp } from '../helpers/test-app.js';

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(bytes.slice(12, 16))).toBe('IHDR');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('home-screen icons and the web manifest', () => {
  it.each([
    ['/apple-touch-icon.png', 180],
    ['/assets/icon-192.png', 192],
    ['/assets/icon-512.png', 512],
  ])('%s is a %i px square PNG, answered 304 when unchanged', async (path, size) => {
    const { app } = await buildTestApp();
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: size, height: size });
    expect((await app.request(path, { headers: { 'if-none-match': res.headers.get('etag')! } })).status).toBe(304);
  });

  it('the manifest names the programme and icons that exist', async () => {
    const { app } = await buildTestApp();
    const res = await app.request('/manifest.webmanifest');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/manifest+json; charset=utf-8');
    const manifest = (await res.json()) as { name: string; start_url: string; icons: Array<{ src: string; sizes: string }> };
    expect(manifest.name).toBe('Innovation collaboration between small and large companies');
    expect(manifest.start_url).toBe('/');
    for (const icon of manifest.icons) {
      const png = await app.request(icon.src);
      const { width, height } = pngSize(new Uint8Array(await png.arrayBuffer()));
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
  });

  it('every page links the touch icon and the manifest', async () => {
    const { app } = await buildTestApp();
    const head = parse(await (await app.request('/')).text());
    expect(all(head, 'link[rel="apple-touch-icon"]').map((l) => l.getAttribute('href'))).toEqual(['/apple-touch-icon.png']);
    expect(all(head, 'link[rel="manifest"]').map((l) => l.getAttribute('href'))).toEqual(['/manifest.webmanifest']);
  });
});
