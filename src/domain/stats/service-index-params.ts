import { DEFAULT_PERIOD_DAYS, type DashboardPeriod } from './dashboard-metrics-types'
import type { SimulationMode } from './service-index'

/**
 * The simulator's options as search parameters of a commune's index page (GET form, shareable URL):
 * - `mo`: 'target' (default: what it takes to reach each criterion's full points) or 'step' (raise each ratio by
 *   `buoc` percentage points);
 * - `buoc`: whole percentage points, 1…100, default 10 (used by 'step' only).
 * Anything else falls back to the default: a mistyped URL still shows a page.
 */
export type SimulationParams = { mo?: string | readonly string[] | null; buoc?: string | readonly string[] | null }
export type SimulationChoice = { mode: SimulationMode; stepPercent: number }

export const DEFAULT_STEP_PERCENT = 10
export const SIMULATION_STEP_CHOICES = [5, 10, 20, 30, 50] as const

export function parseSimulationParams(params: SimulationParams): SimulationChoice {
  const mo = typeof params.mo === 'string' ? params.mo : params.mo?.[0]
  const buoc = (typeof params.buoc === 'string' ? params.buoc : params.buoc?.[0])?.trim() ?? ''
  const mode: SimulationMode = mo === 'step' ? 'STEP' : 'TARGET'
  const step = /^\d{1,3}$/.test(buoc) ? Number(buoc) : DEFAULT_STEP_PERCENT
  return { mode, stepPercent: step >= 1 && step <= 100 ? step : DEFAULT_STEP_PERCENT }
}

/** The search parameters that reproduce a period (a preset stays a preset, so a link keeps meaning "the last 30 days"). */
export function periodParams(period: DashboardPeriod): Record<string, string> {
  if (period.preset !== null) return period.preset === DEFAULT_PERIOD_DAYS ? {} : { ky: String(period.preset) }
  return { tu: period.from, den: period.to }
}

/** The parameters of a simulation choice, defaults left out. */
export function simulationParams(choice: SimulationChoice): Record<string, string> {
  if (choice.mode === 'TARGET') return {}
  return { mo: 'step', ...(choice.stepPercent === DEFAULT_STEP_PERCENT ? {} : { buoc: String(choice.stepPercent) }) }
}

/** `path?query` with empty values left out ('path' alone without any). */
export function hrefWith(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')).toString()
  return query ? `${path}?${query}` : path
}
