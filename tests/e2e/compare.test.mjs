// Issue 12's comparison (`#/compare/2,4`) and technology index (`#/tech`, `#/tech/Kubernetes`) in the built app:
// deep links, reload and history, the table's structure and words, the picker by keyboard, the column links, the
// ◆ marking, the ways in (detail, header, chips), bad links, phones, axe.
// Expected values come from content/generations.toml (content.mjs: ASPECTS, TECHNOLOGIES derived there) and the app's
// words kept once in content.mjs.
import { test, expect } from './fixtures.mjs';
import { AXE_TAGS, axeFailures, runAxe } from './axe.mjs';
import { ASPECTS, COMPARED_WORDS, GENERATIONS, TECHNOLOGIES, generation, words } from './content.mjs';

/** `hash` as a link in `lang` writes it: Korean is the browser's language here, English rides in the query. */
const inLang = (hash, lang) => (lang === 'en' ? `${hash}?lang=en` : hash);
const norm = (s) => s.replace(/\s+/g, ' ').trim();
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The comparison section, its picker and its table (by role and name, as a reader finds them). */
function compareView(page, lang, ids) {
  const w = words(lang);
  const section = page.getByRole('region', { name: w.ui.compare, exact: true });
  return {
    section,
    picker: section.getByRole('group', { name: w.ui.comparePick }),
    checkbox: (n) => section.getByRole('group', { name: w.ui.comparePick }).getByRole('checkbox', { name: w.label(n), exact: true }),
    region: section.getByRole('region', { name: w.compareCaption(ids), exact: true }),
    table: section.getByRole('table', { name: w.compareCaption(ids), exact: true }),
  };
}

/**
 * Exactly the comparison of `ids` (in that order) is shown in `lang`: hash, the named region and table (caption),
 * one column per generation in order, each linking to it, the picker's checked and disabled boxes (two must stay,
 * three at most), the compared timeline nodes (class, and a ✓ drawn before the label), no active generation, the
 * title. The state is read in one call per poll (this runs after every step of several tests).
 */
async function expectComparison(page, app, ids, lang, why) {
  const w = words(lang);
  await app.expectHash(inLang(`#/compare/${ids.join(',')}`, lang));
  const v = compareView(page, lang, ids);
  await expect(v.table, `${why}: the table, named by its caption, in its named region`).toBeVisible();
  await expect(v.region, `${why}: the region`).toBeVisible();
  await expect(v.table.locator('caption'), `${why}: caption`).toHaveText(w.compareCaption(ids), { useInnerText: true });
  const sorted = [...ids].sort();
  const all = GENERATIONS.map((g) => g.id);
  await expect.poll(() => app.probe(() => {
    const gens = (els) => [...els].map((el) => Number(el.dataset.gen ?? el.value));
    const boxes = [...document.querySelectorAll('section.compare fieldset input[type=checkbox]')];
    const nodes = [...document.querySelectorAll('.timeline-node')];
    return {
      columns: gens(document.querySelectorAll('.compare-table thead th[data-gen]')),
      checked: gens(boxes.filter((b) => b.checked)),
      disabled: gens(boxes.filter((b) => b.disabled)),
      compared: gens(nodes.filter((li) => li.classList.contains('compared'))),
      ticked: gens(nodes.filter((li) => getComputedStyle(li.querySelector('.node-label'), '::before').content.includes('\u2713'))),
      active: document.querySelector('a.node[aria-current]')?.dataset.gen ?? null,
      detailShown: !document.querySelector('article.detail')?.hidden,
      overviewShown: !document.querySelector('section.overview')?.hidden,
    };
  }), { message: `${why}: columns, picker, timeline` }).toEqual({
    columns: ids,
    checked: sorted,
    // Two: those two can't be removed; three: no fourth can be added.
    disabled: ids.length === 2 ? sorted : all.filter((n) => !ids.includes(n)),
    compared: sorted,
    ticked: sorted,
    active: null,
    detailShown: false,
    overviewShown: false,
  });
  for (const n of ids) {
    await expect(v.table.getByRole('columnheader').getByRole('link', { name: `${w.label(n)} ${w.nodeTitle(n)}`, exact: true }), `${why}: column ${n} links to it`)
      .toHaveAttribute('href', `#/gen/${n}`);
  }
  await expect(page, `${why}: title`).toHaveTitle(w.compareTitle(ids));
}

/** What each cell of the comparison should say, from the content: text, or chip names, or the missing words. */
function expectedCell(aspect, n, lang) {
  const value = aspect.value(generation(n));
  if (value == null) return { missing: true, text: words(lang).ui.notInPost };
  if (value.text) return { text: value.text[lang] };
  if (value.rich) return { text: value.rich[lang].replaceAll('**', '') };
  if (value.list) return { text: value.list.map((t) => t[lang]).join(' ') };
  return { names: value.names };
}

/** The table's body as shown: per row its header's words and per cell its data-gen, class, words and chips. */
function tableBody(table) {
  return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    th: `${tr.children[0].tagName} ${tr.children[0].getAttribute('scope')}`,
    head: tr.children[0].innerText,
    cells: [...tr.querySelectorAll('td')].map((td) => ({
      gen: Number(td.dataset.gen),
      missing: td.classList.contains('missing'),
      text: td.innerText,
      chips: [...td.querySelectorAll('li.chip')].map((li) => {
        const mark = li.querySelector('.differs-mark');
        const hidden = li.querySelector('.visually-hidden');
        return {
          name: li.querySelector('a').innerText,
          href: li.querySelector('a').getAttribute('href'),
          differs: li.classList.contains('differs'),
          mark: mark ? { text: mark.innerText.trim(), visible: mark.checkVisibility() && mark.getBoundingClientRect().width > 0, ariaHidden: mark.getAttribute('aria-hidden') } : null,
          words: hidden ? { text: hidden.innerText, ariaHidden: hidden.closest('[aria-hidden]') != null } : null,
        };
      }),
    })),
  })));
}

for (const lang of ['ko', 'en']) {
  test(`deep link #/compare/3,1 (${lang}): columns in the link's order, caption, th scope on both axes, ten aspects, every cell's words, the missing ones said`, async ({ page, app }) => {
    const w = words(lang);
    const ids = [3, 1];
    await app.open(inLang('#/compare/3,1', lang));
    await expectComparison(page, app, ids, lang, 'deep link');
    const { table, checkbox } = compareView(page, lang, ids);
    // Once by role and name: the picker's boxes, and the compared nodes' names, which say so (the ✓'s alternative text).
    for (const g of GENERATIONS) {
      const inIt = ids.includes(g.id);
      await expect(checkbox(g.id), `checkbox ${g.id}`).toBeChecked({ checked: inIt });
      await expect(checkbox(g.id), `checkbox ${g.id}: two must stay`)[inIt ? 'toBeDisabled' : 'toBeEnabled']();
      await expect(app.node(g.id, lang), `node ${g.id}'s name`).toHaveAccessibleName(new RegExp(`^${inIt ? `${COMPARED_WORDS[lang]}\\s*` : ''}${esc(w.label(g.id))}`));
    }
    expect(await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('scope'))), 'thead: th scope=col').toEqual(['col', 'col', 'col']);
    await expect(table.locator('thead th').first()).toHaveText(w.ui.aspect, { useInnerText: true });

    const body = await tableBody(table);
    expect(body.map((r) => r.th), 'ten rows, each headed by th scope=row').toEqual(ASPECTS.map(() => 'TH row'));
    expect(body.map((r) => norm(r.head)), 'the aspects and their sources, in order').toEqual(ASPECTS.map((a) => norm(`${a.name[lang]} ${a.source ? a.source[lang] : ''}`)));
    ASPECTS.forEach((aspect, r) => {
      const row = body[r];
      expect(row.cells.map((c) => c.gen), `row ${aspect.name[lang]}: a cell per generation`).toEqual(ids);
      ids.forEach((n, i) => {
        const want = expectedCell(aspect, n, lang);
        const cell = row.cells[i];
        const where = `${aspect.name[lang]} of ${n}`;
        expect(cell.missing, `${where}: td.missing`).toBe(!!want.missing);
        if (want.names) expect(cell.chips.map((c) => c.name), `${where}: its technologies`).toEqual(want.names);
        else expect(norm(cell.text), `${where}: its words`).toBe(norm(want.text));
      });
    });
    // The post gives no 단점 for 3 and no 대표 기술 (항목/내용) for 1: said in words, in the reader's language.
    const missing = table.locator('td.missing');
    await expect(missing).toHaveCount(2);
    for (const td of await missing.all()) await expect(td).toHaveText(w.ui.notInPost, { useInnerText: true });
    await expect(table.getByRole('row', { name: new RegExp(`^${esc(w.sections.cons)}`) }).locator('td.missing')).toHaveAttribute('data-gen', '3');
  });
}

test('reload, back and forward bring back exactly the comparison; the column links move and remove', async ({ page, app }) => {
  await app.open('#/compare/2,4');
  await expectComparison(page, app, [2, 4], 'ko', 'deep link');
  await page.reload();
  await app.ready();
  await expectComparison(page, app, [2, 4], 'ko', 'after reload');

  const { table } = compareView(page, 'ko', [2, 4]);
  const ko = words('ko');
  await table.getByRole('link', { name: `${ko.ui.moveLeft} ${ko.label(4)}`, exact: true }).click();
  await expectComparison(page, app, [4, 2], 'ko', 'after Move left');
  await compareView(page, 'ko', [4, 2]).checkbox(6).check();
  await expectComparison(page, app, [4, 2, 6], 'ko', 'after adding 6');

  await page.goBack();
  await expectComparison(page, app, [4, 2], 'ko', 'back once');
  await page.goBack();
  await expectComparison(page, app, [2, 4], 'ko', 'back twice');
  await page.goForward();
  await expectComparison(page, app, [4, 2], 'ko', 'forward');
  await page.reload();
  await app.ready();
  await expectComparison(page, app, [4, 2], 'ko', 'reload after forward');
  await page.goForward();
  await expectComparison(page, app, [4, 2, 6], 'ko', 'forward after the reload');

  // Three columns: "Move left" from the second column on, "Remove" on each; the links say where they lead.
  await app.open('#/compare/1,3,6?lang=en');
  const en = words('en');
  const three = compareView(page, 'en', [1, 3, 6]).table;
  const left = (n) => three.getByRole('link', { name: `${en.ui.moveLeft} ${en.label(n)}`, exact: true });
  const remove = (n) => three.getByRole('link', { name: `${en.ui.remove} ${en.label(n)}`, exact: true });
  await expect(left(1), 'no Move left on the first column').toHaveCount(0);
  await expect(left(3)).toHaveAttribute('href', '#/compare/3,1,6');
  await expect(left(6)).toHaveAttribute('href', '#/compare/1,6,3');
  for (const [n, rest] of [[1, '3,6'], [3, '1,6'], [6, '1,3']]) await expect(remove(n)).toHaveAttribute('href', `#/compare/${rest}`);
  await left(6).click();
  await expectComparison(page, app, [1, 6, 3], 'en', 'Move left on 6');
  await compareView(page, 'en', [1, 6, 3]).table.getByRole('link', { name: `${en.ui.remove} ${en.label(1)}`, exact: true }).click();
  await expectComparison(page, app, [6, 3], 'en', 'Remove 1');
  const two = compareView(page, 'en', [6, 3]).table;
  await expect(two.getByRole('link', { name: new RegExp(`^${en.ui.remove}`) }), 'two columns: nothing to remove').toHaveCount(0);
  await expect(two.getByRole('link', { name: new RegExp(`^${en.ui.moveLeft}`) }), 'two columns: one Move left').toHaveCount(1);
});

test('the picker by keyboard only: Tab to a checkbox, Space adds or removes; two must stay, three at most', async ({ page, app }) => {
  await app.open('#/compare/2,4');
  /** Tabs forward until `n`'s checkbox has focus; never stops on a disabled one. */
  const tabTo = async (ids, n) => {
    const box = compareView(page, 'ko', ids).checkbox(n);
    // From the view's heading (focus stays on a checkbox after Space, which may be after the one wanted).
    await page.locator('#compare-heading').focus();
    for (let i = 0; i < 40; i++) {
      if (await box.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.matches('input[type=checkbox]') ? { value: el.value, disabled: el.disabled } : null;
      });
      expect(focused?.disabled ?? false, `Tab reached a disabled checkbox (${focused?.value})`).toBe(false);
    }
    throw new Error(`Tab did not reach the checkbox of ${n}`);
  };
  await expectComparison(page, app, [2, 4], 'ko', 'start: 2 and 4 can\'t be removed');
  await tabTo([2, 4], 3);
  await page.keyboard.press('Space');
  await expectComparison(page, app, [2, 4, 3], 'ko', 'Space on 3 adds it; a fourth can\'t be added');
  await tabTo([2, 4, 3], 2);
  await page.keyboard.press('Space');
  await expectComparison(page, app, [4, 3], 'ko', 'Space on 2 removes it');
  await tabTo([4, 3], 6);
  await page.keyboard.press('Space');
  await expectComparison(page, app, [4, 3, 6], 'ko', 'Space on 6 adds it');
});

test('several generations picked on the timeline itself: Shift+click and Shift+Enter compare, add and take out', async ({ page, app }) => {
  await app.open('#/gen/2');
  const node = (n) => page.locator(`.timeline-node[data-gen="${n}"] .node`);
  await node(4).focus();
  await page.keyboard.press('Shift+Enter');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/compare/2,4');
  await expect(page.locator('.timeline-node.compared')).toHaveCount(2);
  await node(6).click({ modifiers: ['Shift'] });
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/compare/2,4,6');
  await node(2).click({ modifiers: ['Shift'] });
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/compare/4,6');
  // Shift+click opened no window: still one page.
  expect(page.context().pages()).toHaveLength(1);
  // The hint says how, in the comparison.
  await expect(page.locator('.compare-key').filter({ hasText: 'Shift+클릭' })).toBeVisible();
  await page.goBack();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/compare/2,4,6');
});

test('the compare picker keeps focus on the checkbox that was toggled', async ({ page, app }) => {
  // WCAG 3.2.2 (on input) and 2.4.3: toggling a checkbox does not move focus elsewhere.
  await app.open('#/compare/2,4');
  await compareView(page, 'ko', [2, 4]).checkbox(3).focus();
  await page.keyboard.press('Space');
  await expectComparison(page, app, [2, 4, 3], 'ko', 'Space on 3');
  expect(await page.evaluate(() => document.activeElement?.matches('input[type=checkbox][value="3"]')), 'focus on the checkbox of 3').toBe(true);
});

test('◆ marks a technology not named for every other compared generation: class, visible sign, words', async ({ page, app }) => {
  for (const [ids, lang] of [[[2, 4], 'ko'], [[1, 3, 6], 'en']]) {
    const w = words(lang);
    await app.open(inLang(`#/compare/${ids.join(',')}`, lang));
    await expectComparison(page, app, ids, lang, 'open');
    const { table } = compareView(page, lang, ids);
    const body = await tableBody(table);
    let chips = 0;
    ASPECTS.forEach((aspect, r) => {
      ids.forEach((n, i) => {
        const names = aspect.value(generation(n))?.names;
        if (!names) return;
        for (const chip of body[r].cells[i].chips) {
          const differs = ids.some((o) => o !== n && !(aspect.value(generation(o))?.names ?? []).includes(chip.name));
          const where = `${aspect.name[lang]}, ${n}: ${chip.name}`;
          chips += 1;
          expect(chip.href, `${where}: links to its index entry`).toBe(`#/tech/${encodeURIComponent(chip.name)}`);
          expect(chip.differs, `${where}: class differs`).toBe(differs);
          if (differs) {
            expect(chip.mark, `${where}: the sign`).toEqual({ text: '◆', visible: true, ariaHidden: 'true' });
            expect(chip.words && norm(chip.words.text), `${where}: the words for it`).toBe(`(${w.ui.onlyHere})`);
            expect(chip.words.ariaHidden, `${where}: the words are read`).toBe(false);
          } else {
            expect(chip.mark, `${where}: no sign`).toBeNull();
          }
        }
      });
    });
    expect(chips, 'chips checked').toBeGreaterThan(0);
    // What a screen reader gets from a cell: each technology, then the words (the sign itself is hidden from it).
    const cell = table.locator('tbody tr').nth(1).locator('td').first();
    const first = ASPECTS[1].value(generation(ids[0])).names[0];
    await expect(cell).toHaveAccessibleName(new RegExp(`^${esc(first)}\\s*\\(\\s*${esc(w.ui.onlyHere)}\\s*\\)`));
  }
});

test('reached from the detail ("compare with others") and from the header, whose links keep ?lang=', async ({ page, app }) => {
  const ko = words('ko');
  const en = words('en');
  await app.open('#/gen/3');
  await page.locator('article.detail').getByRole('link', { name: ko.ui.compareWith, exact: true }).click();
  await expectComparison(page, app, [3, 4], 'ko', 'from the detail of 3');
  const views = page.getByRole('navigation', { name: ko.ui.views });
  await expect(views.getByRole('link', { name: ko.ui.compare, exact: true }), 'the header marks the comparison').toHaveAttribute('aria-current', 'page');

  await app.open('#/gen/6?lang=en');
  await page.locator('article.detail').getByRole('link', { name: en.ui.compareWith, exact: true }).click();
  await expectComparison(page, app, [6, 5], 'en', 'from the detail of 6 (the last: with the one before)');

  await app.open('#/');
  await page.getByRole('navigation', { name: ko.ui.views }).getByRole('link', { name: ko.ui.compare, exact: true }).click();
  await expectComparison(page, app, [1, 2], 'ko', 'from the header on the overview');

  await app.open('#/gen/5?lang=en');
  const enViews = page.getByRole('navigation', { name: en.ui.views });
  await enViews.getByRole('link', { name: en.ui.compare, exact: true }).click();
  await expectComparison(page, app, [5, 6], 'en', 'from the header on 5');
  await enViews.getByRole('link', { name: en.ui.techIndex, exact: true }).click();
  await app.expectHash('#/tech?lang=en');
  await expect(page.getByRole('heading', { level: 2, name: en.ui.techIndex, exact: true })).toBeVisible();
  await expect(enViews.getByRole('link', { name: en.ui.techIndex, exact: true }), 'the header marks the index').toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle(en.techTitle());
});

test('technology chips (comparison, detail, the post\'s tables) lead to their index entry and keep ?lang=en', async ({ page, app }) => {
  const en = words('en');
  const expectFocused = async (name, lang, why) => {
    const w = words(lang);
    await app.expectHash(inLang(`#/tech/${encodeURIComponent(name)}`, lang));
    const entry = page.locator(`li.tech-entry#tech-${name.replace(/ /g, '-')}`);
    await expect(entry, `${why}: entry marked`).toHaveClass(/\bfocused\b/);
    await expect(entry, `${why}: entry current`).toHaveAttribute('aria-current', 'true');
    await expect(page.locator('li.tech-entry.focused'), `${why}: only one`).toHaveCount(1);
    await expect(page, `${why}: title`).toHaveTitle(w.techTitle(name));
  };
  await app.open('#/compare/2,4?lang=en');
  await compareView(page, 'en', [2, 4]).table.getByRole('link', { name: 'Kubernetes', exact: true }).first().click();
  await expectFocused('Kubernetes', 'en', 'a chip of the comparison');

  await app.open('#/gen/3?lang=en');
  await page.locator('article.detail').getByRole('link', { name: 'Docker', exact: true }).click();
  await expectFocused('Docker', 'en', 'a chip of the detail');

  await app.open('#/');
  const name = GENERATIONS[4].summary.technologies.find((t) => t.includes(' ')) ?? GENERATIONS[4].summary.technologies[0];
  await page.getByRole('table', { name: words('ko').summaryCaption }).getByRole('link', { name, exact: true }).click();
  await expectFocused(name, 'ko', 'a chip of the summary table');
});

test(`the technology index: every technology the post names (${TECHNOLOGIES.length}, from the content file), alphabetically, with its generations and places; then by generation`, async ({ page, app }) => {
  for (const lang of ['ko', 'en']) {
    const w = words(lang);
    await app.open(inLang('#/tech', lang));
    const section = page.getByRole('region', { name: w.ui.techIndex, exact: true });
    await expect(section.getByRole('heading', { level: 2, name: w.ui.techIndex, exact: true })).toBeVisible();
    await expect(page).toHaveTitle(w.techTitle());
    await expect(section.getByRole('heading', { level: 3, name: w.ui.alphabetical, exact: true })).toBeVisible();
    await expect(section.getByRole('heading', { level: 3, name: w.ui.byGeneration, exact: true })).toBeVisible();
    await expect(page.locator('li.tech-entry.focused'), 'nothing in focus on #/tech').toHaveCount(0);

    const entries = await section.locator('li.tech-entry').evaluateAll((lis) => lis.map((li) => ({
      id: li.id,
      name: li.querySelector('.tech-name').innerText,
      href: li.querySelector('.tech-name').getAttribute('href'),
      mentions: [...li.querySelectorAll('.mentions > li')].map((m) => ({
        gen: Number(m.dataset.gen),
        label: m.querySelector('a').innerText,
        href: m.querySelector('a').getAttribute('href'),
        places: [...m.querySelectorAll('.places li')].map((p) => p.innerText.trim()),
      })),
    })));
    const want = TECHNOLOGIES.map(({ name, mentions }) => {
      const gens = [...new Set(mentions.map((m) => m.gen))];
      return {
        id: `tech-${name.replace(/ /g, '-')}`,
        name,
        href: `#/tech/${encodeURIComponent(name)}`,
        mentions: gens.map((gen) => ({
          gen,
          label: w.label(gen),
          href: `#/gen/${gen}`,
          places: mentions.filter((m) => m.gen === gen).map((m) => w.place(m.place)),
        })),
      };
    });
    expect(entries, `${lang}: the alphabetical list`).toEqual(want);

    const byGen = await section.locator('.tech-by-gen > li').evaluateAll((lis) => lis.map((li) => ({
      gen: Number(li.dataset.gen),
      chips: [...li.querySelectorAll('li.chip a')].map((a) => a.innerText),
    })));
    expect(byGen, `${lang}: by generation`).toEqual(GENERATIONS.map((g) => ({
      gen: g.id,
      chips: TECHNOLOGIES.filter((t) => t.mentions.some((m) => m.gen === g.id)).map((t) => t.name),
    })));
  }
  // A few read as a person would: Kubernetes is named in all four places of generation 4.
  const k8s = TECHNOLOGIES.find((t) => t.name === 'Kubernetes');
  expect(k8s.mentions.map((m) => `${m.gen} ${m.place}`)).toEqual(['4 node', '4 diagram', '4 summary', '4 items']);
});

/** The index entry of `name` is the one marked (class, aria-current), and the title names it; `inView`: on screen. */
async function expectTechFocus(page, name, lang, why, { inView = true } = {}) {
  const w = words(lang);
  const entry = page.locator(`li.tech-entry#tech-${name.replace(/ /g, '-')}`);
  await expect(entry, `${why}: marked`).toHaveClass(/\bfocused\b/);
  await expect(entry, `${why}: aria-current`).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('li.tech-entry[aria-current], li.tech-entry.focused'), `${why}: only that one`).toHaveCount(1);
  await expect(page, `${why}: title`).toHaveTitle(w.techTitle(name));
  if (inView) await expect(entry, `${why}: brought into view`).toBeInViewport();
}

test('#/tech/kubernetes (any case, %-escapes) marks that entry and names it in the title; a hash change brings it into view', async ({ page, app }) => {
  await app.open('#/tech/kubernetes');
  await expectTechFocus(page, 'Kubernetes', 'ko', 'lower case, by a full load', { inView: false });
  await page.evaluate(() => { location.hash = '#/tech/aws%20LAMBDA?lang=en'; });
  await expectTechFocus(page, 'AWS Lambda', 'en', 'a %-escape and mixed case, by a hash change');
  await page.evaluate(() => { location.hash = '#/tech/WebRTC?lang=en'; });
  await expectTechFocus(page, 'WebRTC', 'en', 'another entry: the first unmarked');
  await page.reload();
  await app.ready();
  await expectTechFocus(page, 'WebRTC', 'en', 'after reload', { inView: false });
});

test('#/tech/<name> brings its entry into view on a full load and after a chip\'s click too', async ({ page, app }) => {
  // Reported to the lead: on a full load nothing scrolls (the page stays at the top), and after a click on a chip
  // the heading's focus (focus::reveal_detail) scrolls back up past the entry; a hash change alone works.
  await app.open('#/tech/kubernetes');
  await expectTechFocus(page, 'Kubernetes', 'ko', 'full load');
  await app.open('#/gen/3');
  await page.locator('article.detail').getByRole('link', { name: 'Docker', exact: true }).click();
  await expectTechFocus(page, 'Docker', 'ko', 'a chip of the detail');
});

// Each bad link: what the app shows instead, and the notice's words ("nearest view" or "the overview").
const BAD = [
  ['#/compare/2', { gen: 2 }],
  ['#/compare/2,2', { gen: 2 }],
  ['#/compare/0,7', { overview: true }],
  ['#/compare/x;y', { overview: true }],
  ['#/compare/1,2,3,4', { compare: [1, 2, 3] }],
  ['#/tech/nope', { tech: true }],
];

for (const lang of ['ko', 'en']) {
  test(`bad compare and tech links (${lang}): a polite notice in the link's language, the nearest view, Dismiss keeps it`, async ({ page, app }) => {
    const w = words(lang);
    for (const [i, [path, shows]] of BAD.entries()) {
      const hash = inLang(path, lang);
      if (i === 0) await app.open(hash);
      else await page.evaluate((h) => { location.hash = h; }, hash);
      const notice = page.getByRole('status').filter({ has: page.locator('.notice-text') });
      await expect(notice, `${hash}: the notice`).toBeVisible();
      const text = norm(await notice.locator('.notice-text').innerText());
      expect(text, `${hash}: repeats the link`).toContain(`“${hash}”`);
      expect(text, `${hash}: says what is shown`).toContain(shows.overview ? w.ui.noticeOverview : w.ui.noticeNearest);
      let view;
      if (shows.gen) {
        await app.expectActive(shows.gen, hash);
        view = `#/gen/${shows.gen}`;
      } else if (shows.overview) {
        await app.expectActive(null, hash);
        view = '#/';
      } else if (shows.compare) {
        view = `#/compare/${shows.compare.join(',')}`;
        await expect(compareView(page, lang, shows.compare).table, `${hash}: the first three compared`).toBeVisible();
        await expect(page).toHaveTitle(w.compareTitle(shows.compare));
      } else {
        view = '#/tech';
        await expect(page.getByRole('heading', { level: 2, name: w.ui.techIndex, exact: true }), `${hash}: the index`).toBeVisible();
        await expect(page.locator('li.tech-entry.focused')).toHaveCount(0);
        await expect(page).toHaveTitle(w.techTitle());
      }
      await notice.getByRole('button', { name: w.ui.dismiss, exact: true }).click();
      await expect(notice, `${hash}: dismissed`).toHaveCount(0);
      await app.expectHash(inLang(view, lang));
      if (shows.compare) await expectComparison(page, app, shows.compare, lang, `${hash} dismissed`);
    }
  });
}

/** Opens each of `hashes` in turn (a load, then hash changes) and checks that the page does not scroll sideways. */
async function expectNoSidewaysScroll(page, app, width, hashes) {
  for (const [i, hash] of hashes.entries()) {
    if (i === 0) await app.open(hash);
    else await page.evaluate((h) => { location.hash = h; }, hash);
    await app.expectHash(hash);
    await app.settle();
    await app.expectNoHorizontalScroll(`${width} px ${hash}`);
  }
}

for (const width of [320, 375]) {
  test.describe(`phone ${width} px`, () => {
    test.use({ viewport: { width, height: 740 }, hasTouch: true, isMobile: true });

    test(`${width} px: the technology index does not scroll sideways`, async ({ page, app }) => {
      await expectNoSidewaysScroll(page, app, width, ['#/tech', '#/tech/Azure%20Functions?lang=en']);
    });

    test(`${width} px: the comparison does not scroll the page sideways; its table scrolls in its named region`, async ({ page, app }) => {
      // Reported to the lead: the visually-hidden words of the table (position: absolute, "Move left 3세대",
      // "(not in every other generation compared)") are not contained by the scrolling region (.table-wrap has no
      // position), so they widen the page: 550 px at 320/375 (ko), 652 px (en). `position: relative` on the region
      // fixes it (tried in the page).
      for (const lang of ['ko', 'en']) {
        const hash = inLang('#/compare/1,3,6', lang);
        await app.open(hash);
        const { region } = compareView(page, lang, [1, 3, 6]);
        await expect(region, 'the region can be scrolled by keyboard').toHaveAttribute('tabindex', '0');
        const r = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflowX: getComputedStyle(el).overflowX }));
        expect(['auto', 'scroll'], `${hash}: the region scrolls (${JSON.stringify(r)})`).toContain(r.overflowX);
      }
      await expectNoSidewaysScroll(page, app, width, ['#/compare/1,3,6', '#/compare/1,3,6?lang=en', '#/compare/5,2?lang=en']);
    });
  });
}

for (const colorScheme of ['light', 'dark']) {
  test.describe(`axe, ${colorScheme}`, () => {
    test.use({ colorScheme });
    for (const lang of ['ko', 'en']) {
      test(`axe-core: #/compare/1,3,6 and #/tech, ${lang}, ${colorScheme}: no violations`, async ({ page, app }) => {
        for (const [i, path] of ['#/compare/1,3,6', '#/tech'].entries()) {
          const hash = inLang(path, lang);
          if (i === 0) await app.open(hash);
          else await page.evaluate((h) => { location.hash = h; }, hash);
          await app.expectHash(hash);
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
          await app.settle();
          const failures = axeFailures(await runAxe(page));
          expect(failures, `axe-core (${AXE_TAGS.join(' ')}) on ${hash} ${colorScheme}`).toEqual([]);
        }
      });
    }
  });
}
