// The preview images are drawn once per change to what they show, not once per change to the data.
import { describe, expect, it, vi } from 'vitest';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { buildTestApp } from '../helpers/test-app.js';

const drawn = vi.hoisted(() => ({ titles: [] as string[] }));
vi.mock('../../src/previews/preview-image.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/previews/preview-image.js')>();
  return {
    ...original,
    renderPreviewPng: async (card: Parameters<typeof original.renderPreviewPng>[0]) => {
      drawn.titles.push(card.title);
      return original.renderPreviewPng(card);
    },
  };
});

const SLUG = 'pilots-with-startups-norway';

describe('the preview image cache', () => {
  it('draws again after a change to the webinar, but not after a change to another one', async () => {
    const ctx = await buildTestApp();
    const etag = async () => (await ctx.app.request(`/webinars/${SLUG}/preview.png`)).headers.get('etag');
    const first = await etag();
    expect(await etag()).toBe(first);
    expect(drawn.titles).toHaveLength(1);

    await updateWebinar(ctx.db, ctx.clock, 'open-innovation-platforms-china', { title: 'Another webinar, renamed' });
    expect(await etag()).toBe(first);
    expect(drawn.titles).toHaveLength(1);

    await updateWebinar(ctx.db, ctx.clock, SLUG, { title: 'Pilots, renamed' });
    expect(await etag()).not.toBe(first);
    expect(drawn.titles).toEqual([drawn.titles[0], 'Pilots, renamed']);
  });
});
