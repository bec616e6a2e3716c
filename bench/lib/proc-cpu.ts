/**
 * CPU time from Linux /proc, to say where a load phase spent the machine: the app server's process tree, the
 * PostgreSQL backends serving the benchmark database, this process (the load generator), and the machine as a
 * whole (other work on a shared machine shows there). Returns zeros where /proc is not readable.
 */
import { readdirSync, readFileSync } from 'node:fs'

/** Clock ticks per second of /proc's times (USER_HZ: 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100

type ProcStat = { pid: number; ppid: number; ticks: number }

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may contain spaces: split after its closing one.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    // Fields from 3 on: state(3) ppid(4) … utime(14) stime(15).
    return { pid, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }
  } catch {
    return null
  }
}

function allStats(): ProcStat[] {
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return []
  }
  return entries
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== null)
}

/** CPU seconds used so far by `root` and all its descendants (those alive now). */
export function treeCpuSeconds(root: number): number {
  const stats = allStats()
  const children = new Map<number, ProcStat[]>()
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat])
  let ticks = 0
  const visit = (pid: number) => {
    const own = stats.find((stat) => stat.pid === pid)
    if (own) ticks += own.ticks
    for (const child of children.get(pid) ?? []) visit(child.pid)
  }
  visit(root)
  return ticks / TICKS_PER_SECOND
}

/** CPU seconds per process id (processes that are gone count 0). */
export function pidsCpuSeconds(pids: readonly number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, (readStat(pid)?.ticks ?? 0) / TICKS_PER_SECOND]))
}

/** Busy and total CPU seconds of the whole machine (all cores) since boot, from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!
    const values = line.trim().split(/\s+/).slice(1).map(Number)
    const total = values.reduce((sum, value) => sum + value, 0)
    const idle = (values[3] ?? 0) + (values[4] ?? 0)
    return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND }
  } catch {
    return { busy: 0, total: 0 }
  }
}

/** This process's own CPU seconds (user + system). */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1e6
}
