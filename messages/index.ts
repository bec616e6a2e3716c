/**
 * All user-facing text, by locale. Each feature keeps its namespaces in its own pair of files
 * (`<feature>/vi.json`, `<feature>/en.json`) so features can be added without touching one big file.
 */
import type { Locale } from '@/i18n/config'
import coreVi from './vi.json'
import coreEn from './en.json'
import accountVi from './account/vi.json'
import accountEn from './account/en.json'
import dossierVi from './dossier/vi.json'
import dossierEn from './dossier/en.json'
import adminVi from './admin/vi.json'
import adminEn from './admin/en.json'
import adminCommunesVi from './admin-communes/vi.json'
import adminCommunesEn from './admin-communes/en.json'
import vneidVi from './vneid/vi.json'
import vneidEn from './vneid/en.json'
import workflowVi from './workflow/vi.json'
import workflowEn from './workflow/en.json'
import documentsVi from './documents/vi.json'
import documentsEn from './documents/en.json'
import receptionVi from './reception/vi.json'
import receptionEn from './reception/en.json'
import attachmentsVi from './attachments/vi.json'
import attachmentsEn from './attachments/en.json'
import dueVi from './due/vi.json'
import dueEn from './due/en.json'
import formsVi from './forms/vi.json'
import formsEn from './forms/en.json'
import lookupVi from './lookup/vi.json'
import lookupEn from './lookup/en.json'
import uploadsVi from './uploads/vi.json'
import uploadsEn from './uploads/en.json'
import submissionVi from './submission/vi.json'
import submissionEn from './submission/en.json'
import paymentsVi from './payments/vi.json'
import paymentsEn from './payments/en.json'
import staffPaymentsVi from './staff-payments/vi.json'
import staffPaymentsEn from './staff-payments/en.json'

export const MESSAGES = {
  vi: { ...coreVi, ...accountVi, ...dossierVi, ...vneidVi, ...adminVi, ...adminCommunesVi, ...documentsVi, ...receptionVi, ...attachmentsVi, ...dueVi, ...workflowVi, ...formsVi, ...lookupVi, ...submissionVi, ...uploadsVi, ...paymentsVi, ...staffPaymentsVi },
  en: { ...coreEn, ...accountEn, ...dossierEn, ...vneidEn, ...adminEn, ...adminCommunesEn, ...documentsEn, ...receptionEn, ...attachmentsEn, ...dueEn, ...workflowEn, ...formsEn, ...lookupEn, ...submissionEn, ...uploadsEn, ...paymentsEn, ...staffPaymentsEn },
} satisfies Record<Locale, Record<string, unknown>>
