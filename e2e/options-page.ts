/** Driving the options page's sections like a person: open one by its address, fill its fields. */
import type { Locator, Page } from 'playwright-core';
import type { Harness } from './harness';

/** The options page opened at a section (`#fomo`, `#vault`, `#setup`…). */
export async function openSection(h: Pick<Harness, 'openExtensionPage'>, section: string) {
  const page = await h.openExtensionPage(`src/options/index.html#${section}`);
  await page.locator(`nav a[data-nav="${section}"][aria-current="page"]`).waitFor();
  return page;
}

/** Go to another section of an open options page (a click in the nav). */
export async function goToSection(page: Page, section: string): Promise<void> {
  await page.locator(`nav a[data-nav="${section}"]`).click();
  await page.locator(`nav a[data-nav="${section}"][aria-current="page"]`).waitFor();
}

/** Type (or choose, for a select) a credential field's value in a platform's form. */
export async function fillField(form: Locator, key: string, value: string): Promise<void> {
  const field = form.locator(`[name="${key}"]`);
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
  else await field.fill(value);
}
