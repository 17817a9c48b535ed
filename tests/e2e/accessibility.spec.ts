import { seriousFindings, type Finding } from './support/axe';
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

    // The command palette is a screen of its own; it opens once Today is drawn and listening.
    await app.open('today');
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog')).toBeVisible();
    findings.push(...(await seriousFindings(page, 'command palette')));

    expect(findings).toEqual([]);
  });
}
