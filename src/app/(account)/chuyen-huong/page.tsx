import { redirect } from 'next/navigation'
import { ROLE_HOME } from '@/domain/access/home'
import { getActor } from '@/server/auth/session'

// After sign-in: each role lands on its own home.
export default async function RoleHomeRedirect() {
  const actor = await getActor()
  redirect(actor ? ROLE_HOME[actor.role] : '/dang-nhap')
}
