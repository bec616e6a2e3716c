import { getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'
import { submitSignInPlaceholder } from './sign-in-placeholder.action'

const inputClass =
  'mt-1.5 block min-h-11 w-full rounded border border-slate-400 bg-white px-3 text-base text-slate-900 focus:border-navy-700'

export async function SignInForm({ next }: { next?: string }) {
  const t = await getTranslations('SignIn')
  return (
    <form action={submitSignInPlaceholder} className="space-y-5">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <div>
        <label htmlFor="dinh-danh" className="block font-semibold text-slate-800">
          {t('identifier')}
        </label>
        <input
          id="dinh-danh"
          name="identifier"
          type="text"
          required
          maxLength={64}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby="dinh-danh-goi-y"
          className={inputClass}
        />
        <p id="dinh-danh-goi-y" className="mt-1.5 text-sm text-slate-600">
          {t('identifierHint')}
        </p>
      </div>
      <div>
        <label htmlFor="mat-khau" className="block font-semibold text-slate-800">
          {t('password')}
        </label>
        <input
          id="mat-khau"
          name="password"
          type="password"
          required
          maxLength={128}
          autoComplete="current-password"
          className={inputClass}
        />
      </div>
      <button type="submit" className={`${buttonStyles.primary} w-full`}>
        {t('submit')}
      </button>
    </form>
  )
}
