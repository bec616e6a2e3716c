/**
 * Where a load phase's CPU went: the app server (its process tree), the PostgreSQL backends connected to the
 * benchmark database, this process (the load generator), and the machine as a whole — on a shared machine the
 * difference is other people's work.
 */
import pg from 'pg'
import { machineCpuSeconds, ownCpuSeconds, pidsCpuSeconds, treeCpuSeconds } from './proc-cpu'

export type CpuSnapshot = { at: number; server: number; backends: Map<number, number>; own: number; machine: { busy: number; total: number } }

export type CpuUse = {
  wallSeconds: number
  /** CPU seconds in the phase. */
  server: number
  postgres: number
  loadGenerator: number
  machineBusy: number
  /** Cores' worth of time in the phase (wall × cores). */
  machineTotal: number
}

/** Backends of the database (the server's pool, this benchmark's own connection), by pid. */
export async function backendPids(sql: pg.Client, database: string, applicationName?: string): Promise<number[]> {
  const { rows } = await sql.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND ($2::text IS NULL OR application_name = $2)`,
    [database, applicationName ?? null],
  )
  return rows.map((row) => row.pid)
}

export async function cpuSnapshot(sql: pg.Client, database: string, serverPid: number | null): Promise<CpuSnapshot> {
  return {
    at: performance.now(),
    server: serverPid ? treeCpuSeconds(serverPid) : 0,
    backends: pidsCpuSeconds(await backendPids(sql, database)),
    own: ownCpuSeconds(),
    machine: machineCpuSeconds(),
  }
}

/** Between two snapshots; a backend that appeared in between counts from 0, one that went away is lost. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  let postgres = 0
  for (const [pid, seconds] of after.backends) postgres += seconds - (before.backends.get(pid) ?? 0)
  return {
    wallSeconds: (after.at - before.at) / 1000,
    server: after.server - before.server,
    postgres,
    loadGenerator: after.own - before.own,
    machineBusy: after.machine.busy - before.machine.busy,
    machineTotal: after.machine.total - before.machine.total,
  }
}

/** "server 61 % · PostgreSQL 30 % · load generator 12 % · machine 100 % busy" — as shares of ONE core, machine of all. */
export function describeCpu(use: CpuUse): string {
  const core = (seconds: number) => `${Math.round((100 * seconds) / Math.max(use.wallSeconds, 1e-9))} %`
  const machine = use.machineTotal > 0 ? `${Math.round((100 * use.machineBusy) / use.machineTotal)} %` : '–'
  return `app server ${core(use.server)} · PostgreSQL backends ${core(use.postgres)} · load generator ${core(use.loadGenerator)} of a core; machine ${machine} busy`
}
