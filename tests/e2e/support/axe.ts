import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The serious and critical axe-core findings on the page as it stands (WCAG 2.1 A and AA rules). */
export async function seriousFindings(page: Page, screen: string): Promise<Finding[]> {
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

/**
 * The same findings in the light and the dark scheme (the app follows the system's), for a dialog or card
 * that only a flow reaches; the page is left in the light scheme.
 */
export async function seriousFindingsInBothSchemes(page: Page, screen: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    findings.push(...(await seriousFindings(page, `${screen} (${colorScheme})`)));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return findings;
}
