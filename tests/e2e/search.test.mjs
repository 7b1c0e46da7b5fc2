// Search (issue 12): the field, matching, the timeline's marks, the link's ?q=, and Korean typed through an input
// method — composed with Chromium's own IME events (CDP Input.imeSetComposition / Input.insertText), not fill().
import { test, expect } from './fixtures.mjs';
import { generation } from './content.mjs';
import { AXE_TAGS, axeFailures, runAxe } from './axe.mjs';

const field = (page) => page.getByRole('searchbox', { name: /글에서 찾기|Search the post/ });
const query = (page) => page.evaluate(() => {
  const q = (location.hash.split('?')[1] || '').split('&').filter((p) => p.startsWith('q=')).pop();
  return q ? decodeURIComponent(q.slice(2)) : '';
});
const found = (page) => page.locator('.timeline-node.found').evaluateAll((nodes) => nodes.map((n) => Number(n.dataset.gen)));
const dimmed = (page) => page.locator('.timeline-node.dimmed').count();

test('typing finds the generations, marks them on the timeline, dims the others, and lists the matches in context', async ({ page, app }) => {
  await app.open('#/');
  await page.keyboard.press('/');
  await expect(field(page), '/ focuses the field').toBeFocused();
  await page.keyboard.type('docker');
  await expect.poll(() => found(page)).toEqual([3]);
  expect(await dimmed(page)).toBe(5);
  // The diagram keeps its shape: all six nodes are still there.
  await expect(page.locator('.timeline-node')).toHaveCount(6);
  const result = page.locator('.search-list > li[data-gen="3"]');
  await expect(result.getByRole('link')).toHaveText(`${generation(3).label.ko}: ${generation(3).node_title.ko}`);
  await expect(result.locator('mark').first()).toHaveText('Docker');
  await expect(page.locator('.search-count').filter({ hasText: '1개 세대에서 찾았습니다' })).toBeVisible();
  await expect.poll(() => query(page)).toBe('docker');
  // Case and width do not matter.
  await field(page).fill('ＤＯＣＫＥＲ');
  await expect.poll(() => found(page)).toEqual([3]);
  // Enter opens the first match.
  await field(page).press('Enter');
  await app.expectActive(3, 'Enter on the field');
  await expect.poll(() => query(page), { message: 'the query stays in the link' }).toBe('ＤＯＣＫＥＲ');
});

test('the query rides in the link: a shared link and reload bring it back; Esc clears it', async ({ page, app }) => {
  await app.open('#/?lang=en&q=kubernetes');
  await expect(field(page)).toHaveValue('kubernetes');
  await expect.poll(() => found(page)).toEqual([4]);
  await expect(page.locator('.search-count').filter({ hasText: 'Found in 1 generation' })).toBeVisible();
  await page.reload();
  await app.ready();
  await expect(field(page)).toHaveValue('kubernetes');
  await field(page).focus();
  await page.keyboard.press('Escape');
  await expect(field(page)).toHaveValue('');
  await expect.poll(() => query(page)).toBe('');
  expect(await dimmed(page)).toBe(0);
  await expect(page.locator('.search-results')).toBeEmpty();
  // Esc in the field cleared it; it did not also leave for the overview's Esc (it was there already) or anything else.
  expect(await page.evaluate(() => location.hash)).toBe('#/?lang=en');
});

test('back and forward go through searches, not keystrokes: a search begun and a search cleared are steps', async ({ page, app }) => {
  await app.open('#/gen/2');
  await field(page).focus();
  await page.keyboard.type('helm');
  await expect.poll(() => found(page)).toEqual([4]);
  // The query goes into the link once typing pauses (not on every key).
  await expect.poll(() => query(page)).toBe('helm');
  await page.keyboard.press('Escape');
  await expect.poll(() => query(page)).toBe('');
  await page.goBack();
  await expect(field(page), 'back: the cleared search comes back whole').toHaveValue('helm');
  await expect.poll(() => found(page)).toEqual([4]);
  await page.goBack();
  await expect(field(page), 'back again: the page before the search, not "hel"').toHaveValue('');
  expect(await dimmed(page)).toBe(0);
  await app.expectActive(2, 'the generation read before searching');
  await page.goForward();
  await expect(field(page)).toHaveValue('helm');
  await expect.poll(() => query(page)).toBe('helm');
});

test('nothing found: a way on to the technology index; junk shows as text without errors', async ({ page, app }) => {
  await app.open('#/');
  await field(page).fill('없는말입니다');
  await expect(page.locator('.search-none')).toContainText('찾는 말이 글에 없습니다');
  await page.locator('.search-none').getByRole('link').click();
  await expect(page.getByRole('heading', { name: '기술 찾아보기' })).toBeVisible();
  for (const junk of ['<script>alert(1)</script>', 'x'.repeat(1000), '🏗️👨‍👩‍👧', '\u202eRTL\u202c', '%%%', 'javascript:alert(1)']) {
    await field(page).fill(junk);
    await expect(page.locator('.search-none')).toBeVisible();
    await expect(field(page)).toHaveValue(junk);
  }
  expect(await page.locator('.search-results script').count()).toBe(0);
});

test('Korean through an input method: nothing runs mid-composition, no syllable lost or doubled, Enter ends it once', async ({ page, app }) => {
  await app.open('#/');
  await field(page).focus();
  const cdp = await page.context().newCDPSession(page);
  const compose = (text) => cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  // 컨: ㅋ → 커 → 컨, then 테: ㅌ → 테 (the way a 2-beolsik IME composes), each committed.
  let committed = '';
  for (const steps of [['ㅋ', '커', '컨'], ['ㅌ', '테']]) {
    // What was committed goes into the link once typing pauses (400 ms): wait for it, so that the link is not
    // written while the next syllable is composed (on a slow machine the composition outlasts the pause).
    await expect.poll(() => query(page)).toBe(committed);
    const [before, marked] = [await query(page), await found(page)];
    for (const step of steps) {
      await compose(step);
      await page.waitForTimeout(50);
      // Under composition the app searches nothing and writes nothing into the link.
      expect(await query(page), `the link during "${step}"`).toBe(before);
      expect(await found(page), `the timeline during "${step}"`).toEqual(marked);
    }
    await cdp.send('Input.insertText', { text: steps.at(-1) });
    committed += steps.at(-1);
  }
  await expect(field(page)).toHaveValue('컨테');
  await expect.poll(() => query(page)).toBe('컨테');
  await expect.poll(() => found(page)).toEqual([3, 4]);
  // Mid-composition of a third syllable nothing changes, and the caret stays at the end.
  await compose('ㅇ');
  await page.waitForTimeout(100);
  await expect.poll(() => query(page)).toBe('컨테');
  // Enter that ends the composition is the IME's (keyCode 229, isComposing): it does not open a result.
  await page.evaluate(() => {
    const el = document.activeElement;
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, isComposing: true, bubbles: true }));
  });
  await cdp.send('Input.insertText', { text: '이' });
  await expect(field(page)).toHaveValue('컨테이');
  await expect.poll(() => query(page)).toBe('컨테이');
  expect(await page.evaluate(() => location.hash.startsWith('#/gen/')), 'the composing Enter opened nothing').toBe(false);
  const caret = await field(page).evaluate((el) => [el.selectionStart, el.value.length]);
  expect(caret[0]).toBe(caret[1]);
  // The next, plain Enter opens the first match (one press is enough).
  await page.keyboard.press('Enter');
  await app.expectActive(3, 'Enter after the composition');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  test('the field and results fit: no sideways scrolling', async ({ page, app }) => {
    await app.open('#/?q=%EC%BB%A8%ED%85%8C');
    await expect.poll(() => found(page)).toEqual([3, 4]);
    await app.expectNoHorizontalScroll('320 px with results');
  });
});

for (const colorScheme of ['light', 'dark']) {
  test.describe(`axe, ${colorScheme}`, () => {
    test.use({ colorScheme });
    test(`axe-core: search results and the empty state, ko and en, ${colorScheme}: no violations`, async ({ page, app }) => {
      for (const [i, hash] of ['#/?q=%EC%BB%A8%ED%85%8C', '#/?lang=en&q=docker', '#/?lang=en&q=zzz'].entries()) {
        if (i === 0) await app.open(hash);
        else await page.evaluate((h) => { location.hash = h; }, hash);
        await expect(page.locator('.search-count')).not.toBeEmpty();
        await app.settle();
        const failures = axeFailures(await runAxe(page));
        expect(failures, `axe-core (${AXE_TAGS.join(' ')}) on ${hash} ${colorScheme}`).toEqual([]);
      }
    });
  });
}
