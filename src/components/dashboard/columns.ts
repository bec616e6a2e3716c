import type { DashboardFigures, DashboardMeasure, DashboardSortKey } from '@/domain/stats/dashboard-metrics-types'

/**
 * The figure columns of a ranking (issue 8's list, in its order) and how each is shown: a count, a ratio or a
 * number of working days, and the list of dossiers its number opens (a ratio opens the dossiers it is counted
 * over or of). Presentation only: the figures themselves come from the data layer.
 */
export type FigureKind = 'count' | 'percent' | 'days'
export type FigureColumn = { key: keyof DashboardFigures & DashboardSortKey; kind: FigureKind; measure: DashboardMeasure; count: keyof DashboardFigures }

export const RANKING_COLUMNS: readonly FigureColumn[] = [
  { key: 'received', kind: 'count', measure: 'received', count: 'received' },
  { key: 'resolved', kind: 'count', measure: 'resolved', count: 'resolved' },
  { key: 'inProgress', kind: 'count', measure: 'inProgress', count: 'inProgress' },
  { key: 'resolvedEarly', kind: 'count', measure: 'resolvedEarly', count: 'resolvedEarly' },
  { key: 'resolvedOnTime', kind: 'count', measure: 'resolvedOnTime', count: 'resolvedOnTime' },
  { key: 'resolvedLate', kind: 'count', measure: 'resolvedLate', count: 'resolvedLate' },
  { key: 'onTimeRate', kind: 'percent', measure: 'resolved', count: 'resolved' },
  { key: 'overdueNow', kind: 'count', measure: 'overdueNow', count: 'overdueNow' },
  { key: 'awaitingSupplement', kind: 'count', measure: 'awaitingSupplement', count: 'awaitingSupplement' },
  { key: 'onlineShare', kind: 'percent', measure: 'receivedOnline', count: 'receivedOnline' },
  { key: 'onlinePaymentShare', kind: 'percent', measure: 'feePaidOnline', count: 'feePaidOnline' },
  { key: 'avgProcessingWorkingDays', kind: 'days', measure: 'resolved', count: 'resolved' },
  { key: 'satisfaction', kind: 'percent', measure: 'ratingsSatisfied', count: 'ratingsSatisfied' },
]
