import { signOutAction } from './sign-out.action'

/** A plain form posting to a Server Action: works without JavaScript and ships none of its own. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button
        type="submit"
        className="rounded border border-white/60 px-2.5 py-1.5 text-sm font-semibold whitespace-nowrap text-white hover:bg-white/10 sm:px-3"
      >
        {label}
      </button>
    </form>
  )
}
