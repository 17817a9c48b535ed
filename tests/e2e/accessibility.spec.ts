import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, startDemoWorkspace, test } from './support/fixtures';

test.use({ clock: '2026-10-15T09:00:00Z' });

/** Every screen of the main navigation, by its route and its level-1 heading. */
const SCREENS: Array<{ path: string; heading: string }> = [
  { path: 'today', heading: 'Today' },
  { path: 'pipeline', heading: 'Pipeline' },
  { path: 'contacts', heading: 'Leads & contacts' },
  { path: 'cadences', heading: 'Cadences' },
  { path: 'plans', heading: 'Plans' },
  { path: 'campaigns', heading: 'Campaigns' },
  { path: 'calendar', heading: 'Calendar' },
  { path: 'orders', heading: 'Orders' },
  { path: 'results', heading: 'Results' },
  { path: 'imports', heading: 'Imports' },
  { path: 'reports', heading: 'Reports' },
  { path: 'settings', heading: 'Settings' },
];

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The serious and critical axe-core findings on the page as it stands (WCAG 2.1 A and AA rules). */
async function seriousFindings(page: Page, screen: string): Promise<Finding[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      screen,
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen passes axe-core with no serious or critical violations (${scheme})`, async ({
    page,
    app,
  }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: scheme });
    await app.open();
    const findings: Finding[] = [];
    await expect(page.getByRole('button', { name: /Explore the demo business/ })).toBeVisible();
    findings.push(...(await seriousFindings(page, 'first start')));
    await startDemoWorkspace(page);

    for (const screen of SCREENS) {
      await app.open(screen.path);
      await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
      // Let queries settle and charts draw before the page is judged.
      await page.waitForLoadState('networkidle');
      findings.push(...(await seriousFindings(page, screen.path)));
    }

    // The command palette and the shortcut help are screens of their own.
    await app.open('today');
    // The page loads anew: the shortcut only works once the app is there to hear it.
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog')).toBeVisible();
    findings.push(...(await seriousFindings(page, 'command palette')));

    expect(findings).toEqual([]);
  });
}
