import { getTranslations } from 'next-intl/server'
import { z } from 'zod'
import { CatalogueSection } from '@/components/catalogue/catalogue-section'
import { ProcedureSearchForm } from '@/components/catalogue/procedure-search-form'
import { SignInCard } from '@/components/home/sign-in-card'
import { HomeSteps } from '@/components/home/steps'
import { requestCommuneChoices } from '@/server/catalogue/commune-choices'
import { listProcedures } from '@/server/catalogue/list-procedures'

const MAX_QUERY_LENGTH = 100
const MAX_FIELD_LENGTH = 200

/** `?q=a&q=b` arrives as an array: the first value wins. */
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value)
const optionalText = (max: number) =>
  z.preprocess(
    firstValue,
    z
      .string()
      .trim()
      .max(max)
      .optional()
      .transform((text) => text || undefined),
  )

const QueryParam = optionalText(MAX_QUERY_LENGTH)
const FieldParam = optionalText(MAX_FIELD_LENGTH)
const CommuneParam = z.preprocess(firstValue, z.string().regex(/^\d{5}$/))

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const params = await searchParams
  const parsedQuery = QueryParam.safeParse(params.q)
  const query = parsedQuery.success ? parsedQuery.data : undefined
  // A field that is not one of ours simply matches nothing; an absurdly long one is ignored.
  const field = FieldParam.safeParse(params.field).data
  const [t, app, catalogue, communes] = await Promise.all([
    getTranslations('Home'),
    getTranslations('App'),
    listProcedures({ query, field }),
    requestCommuneChoices(),
  ])
  // Every procedure of the catalogue is handled by every commune (two-level government): the chosen commune
  // does not narrow the list, it goes with the citizen to the procedure and the application.
  const requested = CommuneParam.safeParse(params.xa)
  const commune = requested.success ? communes.find((choice) => choice.code === requested.data) : undefined

  return (
    <>
      <section aria-labelledby="trang-chu-tieu-de" className="border-b border-navy-100 bg-navy-50">
        <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:px-6 sm:py-14 lg:grid-cols-[1fr_20rem] lg:items-end">
          <div>
            <p className="text-sm font-semibold tracking-wide text-gov-red-700 uppercase">{t('kicker')}</p>
            <h1 id="trang-chu-tieu-de" className="mt-2 text-3xl font-bold tracking-tight text-navy-900 sm:text-4xl">
              {app('name')}
            </h1>
            <p className="mt-1 text-lg font-medium text-navy-800">{app('tagline')}</p>
            <p className="mt-3 max-w-2xl text-slate-700">{t('lead')}</p>
            <div className="mt-8 max-w-3xl">
              <ProcedureSearchForm query={query} maxLength={MAX_QUERY_LENGTH} tooLong={!parsedQuery.success} communes={communes} commune={commune?.code} />
            </div>
          </div>
          {/* Phones have the header's sign-in button; the card would only push the catalogue down. */}
          <div className="hidden lg:block">
            <SignInCard />
          </div>
        </div>
      </section>
      <CatalogueSection catalogue={catalogue} query={query} field={field} commune={commune} />
      <HomeSteps />
    </>
  )
}
