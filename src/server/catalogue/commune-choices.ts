import 'server-only'
import { cache } from 'react'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import { db } from '@/server/db'

type Client = PrismaClient | Prisma.TransactionClient

export type CommuneChoice = { code: string; name: string }

/** The communes a citizen may address an application to, by name (Vietnamese order). */
export async function communeChoices(client: Client): Promise<CommuneChoice[]> {
  const rows = await client.commune.findMany({ where: { isActive: true }, select: { code: true, name: true } })
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'vi'))
}

/** Once per request for pages (the catalogue's commune picker and the commune it was asked for). */
export const requestCommuneChoices = cache(() => communeChoices(db()))
