import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

/** The rules of WCAG 2.1 level AA, as axe tags them (issue 6: every citizen page is scanned against them). */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** What blocks a release. Moderate and minor findings are printed with them, for whoever fixes the page. */
const BLOCKING_IMPACTS: ReadonlySet<string> = new Set(['serious', 'critical'])

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>

function describe(violations: AxeResults['violations']): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    ${node.target.join(' ')}${node.failureSummary ? ` — ${node.failureSummary.replaceAll('\n', ' ')}` : ''}`)
      return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${targets.join('\n')}`
    })
    .join('\n')
}

/**
 * Runs axe (WCAG 2.1 A and AA rules) on the page as it is now and fails when any violation is serious or
 * critical, listing every violation with its elements. Lesser findings do not fail the test: they are noted
 * on it (an `axe` annotation, in the report). Scan after the page has settled: wait for what the test wants
 * checked (a result, an error message) to be visible first. The page must come from a browser context (the
 * `page` fixture does).
 */
export async function expectNoSeriousViolations(page: Page, { exclude = [] }: { exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA_TAGS)
  for (const selector of exclude) builder = builder.exclude(selector)
  const { violations } = await builder.analyze()
  const blocking = violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
  if (violations.length > blocking.length) test.info().annotations.push({ type: 'axe', description: `${page.url()}\n${describe(violations)}` })
  expect(blocking.map((violation) => violation.id), `axe found on ${page.url()}:\n${describe(violations)}`).toEqual([])
}
