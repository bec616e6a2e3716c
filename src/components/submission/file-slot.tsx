'use client'

import { useEffect, useId, useRef, useState, useSyncExternalStore, type ChangeEvent } from 'react'
import { safeDownloadName } from '@/domain/attachments/download-name'
import { EXTENSIONS_BY_TYPE, fileTypeLabel, isAcceptedMimeType } from '@/domain/attachments/file-type'
import { formatFileSize } from '@/domain/attachments/format-file-size'
import { ATTACHMENT_LIMITS, megabytes } from '@/domain/attachments/limits'

/**
 * FileSlot — one upload slot of the submission form (a `file` field of the form definition).
 *
 * With JavaScript, each chosen file is uploaded at once to POST /api/drafts/:draftId/files (XMLHttpRequest,
 * for the upload progress), one request per file, with a <progress> and its percentage, a cancel button,
 * and the server's refusal in the reader's language. Uploaded files are listed (name, size, a preview link
 * to /api/attachments/:id, a remove button) and posted with the form as `<input type="hidden" name={name}
 * value={id}>`, one per file; the file input itself then has no name, so the bytes are never posted twice.
 * After each change the slot dispatches a bubbling `change` event, for a form that saves its draft on change;
 * while uploads run, the slot carries `data-uploading="true"` (a form may wait before it submits).
 *
 * Without JavaScript it is a plain `<input type="file" name={name}>` (multiple when maxFiles > 1) of the
 * multipart form: the form's server action stores those files (server/drafts/draft-files.ts addDraftFiles)
 * and reads the ids of files uploaded before from checked "keep" boxes of the same name.
 *
 * Texts come from the server in the page's language (fileSlotTexts() in ./file-slot-texts.ts); `{name}`,
 * `{percent}`, `{maxFiles}`, `{maxFileMb}`, `{maxDossierMb}` and `{types}` in them are filled in here.
 */

export type UploadedFile = { id: string; fileName: string; mimeType: string; sizeBytes: number }

export type FileSlotTexts = {
  locale: 'vi' | 'en'
  /** After the label of a required slot, for screen readers ("bắt buộc"). */
  required: string
  choose: string
  /** Accepted types and the size limit: `{types}`, `{maxFileMb}`, `{maxDossierMb}`. */
  hint: string
  /** How many files the slot takes: one, or up to `{maxFiles}`. */
  countOne: string
  countMany: string
  /** Joins the last two accepted types ("PDF, JPEG hoặc PNG"). */
  or: string
  /** The slot is full: `{maxFiles}`. */
  full: string
  uploadedTitle: string
  /** Announced and shown while a file uploads: `{name}`. */
  uploading: string
  /** `{percent}`. */
  percent: string
  /** Accessible name of the progress bar: `{name}`. */
  progressLabel: string
  uploaded: string
  cancel: string
  cancelLabel: string
  cancelled: string
  /** Accessible name of the link that opens an uploaded file: `{name}`. */
  previewLabel: string
  remove: string
  removeLabel: string
  removed: string
  /** Without JavaScript: the box that keeps an uploaded file with the form. */
  keep: string
  dismiss: string
  dismissLabel: string
  /** A refused file: `{name}` and `{message}`. */
  failed: string
  /** By code: upload refusals (FILE_TYPE, TYPE_NOT_ACCEPTED, SLOT_FULL, FILE_TOO_LARGE…), NETWORK, INTERNAL… */
  errors: Record<string, string>
}

export type FileSlotProps = {
  draftId: string
  /** The form field's name; its value is the list of attachment ids. */
  name: string
  /** The file input's id (for the field's label and errors elsewhere); generated when omitted. */
  inputId?: string
  documentKey: string
  label: string
  required: boolean
  /** Accepted MIME types of the slot (as the form definition says; the server decides by content). */
  accept: readonly string[]
  /** Files this slot (or this group entry's slot) takes. */
  maxFiles: number
  initialFiles: readonly UploadedFile[]
  /** Ids of further descriptions (the field's hint and error lines). */
  describedBy?: string
  invalid?: boolean
  texts: FileSlotTexts
  /** Per-file limit checked before uploading (the server checks again); default ATTACHMENT_LIMITS. */
  maxFileBytes?: number
}

type Item =
  | { key: string; state: 'done'; file: UploadedFile; busy: boolean }
  | { key: string; state: 'uploading'; name: string; sizeBytes: number; percent: number | null }
  | { key: string; state: 'failed'; name: string; message: string }

type UploadAnswer = { files?: UploadedFile[]; error?: string; fieldErrors?: Record<string, string[]> }

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole))

const subscribeNothing = () => () => {}

/** True once React runs in the browser (false in the server's HTML and before hydration). */
function useEnhanced(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  )
}

function typesText(accept: readonly string[], or: string): string {
  const labels = [...new Set(accept.map((type) => fileTypeLabel(type)))]
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} ${or} ${labels.at(-1)}`
}

/** For the picker only: the MIME types and their usual extensions. */
function acceptAttribute(accept: readonly string[]): string {
  return accept.flatMap((type) => [type, ...(isAcceptedMimeType(type) ? EXTENSIONS_BY_TYPE[type].map((extension) => `.${extension}`) : [])]).join(',')
}

let itemSequence = 0
const nextKey = () => `tep-${(itemSequence += 1)}`

export function FileSlot(props: FileSlotProps) {
  const { texts, maxFiles, name } = props
  const enhanced = useEnhanced()
  const generatedId = useId()
  const inputId = props.inputId ?? `tep-${generatedId}`
  const limitsId = `${inputId}-gioi-han`
  const statusId = `${inputId}-trang-thai`
  const fullId = `${inputId}-da-du`
  const maxFileBytes = props.maxFileBytes ?? ATTACHMENT_LIMITS.maxFileBytes

  const [items, setItems] = useState<Item[]>(() => props.initialFiles.map((file) => ({ key: file.id, state: 'done', file, busy: false })))
  const [announcement, setAnnouncement] = useState('')
  const requests = useRef(new Map<string, XMLHttpRequest>())
  const inputRef = useRef<HTMLInputElement>(null)
  const rootRef = useRef<HTMLDivElement>(null)

  const values = { maxFiles, maxFileMb: megabytes(maxFileBytes), maxDossierMb: megabytes(ATTACHMENT_LIMITS.maxDossierBytes), types: typesText(props.accept, texts.or) }
  const doneIds = items.flatMap((item) => (item.state === 'done' ? [item.file.id] : []))
  const uploadingCount = items.filter((item) => item.state === 'uploading').length
  const taken = doneIds.length + uploadingCount
  const full = taken >= maxFiles

  // Tell the form its value changed (hidden inputs fire no events of their own): after the DOM has them.
  const idsKey = doneIds.join(',')
  const firstIds = useRef(idsKey)
  useEffect(() => {
    if (idsKey === firstIds.current) return
    firstIds.current = idsKey
    rootRef.current?.dispatchEvent(new Event('change', { bubbles: true }))
  }, [idsKey])

  // Uploads still running when the page goes away are cancelled.
  useEffect(() => {
    const running = requests.current
    return () => running.forEach((request) => request.abort())
  }, [])

  const update = (key: string, change: (item: Item) => Item | null) =>
    setItems((current) => current.flatMap((item) => (item.key === key ? (change(item) ?? []) : [item])))

  const messageOf = (codes: readonly string[]) => codes.map((code) => fill(texts.errors[code] ?? texts.errors.INTERNAL ?? code, values)).join(' ')

  const fail = (key: string, fileName: string, codes: readonly string[]) => {
    const message = messageOf(codes)
    update(key, () => ({ key, state: 'failed', name: fileName, message }))
    setAnnouncement(fill(texts.failed, { name: fileName, message }))
  }

  const upload = (file: File) => {
    const key = nextKey()
    setItems((current) => [...current, { key, state: 'uploading', name: file.name, sizeBytes: file.size, percent: 0 }])
    setAnnouncement(fill(texts.uploading, { name: file.name }))

    const request = new XMLHttpRequest()
    requests.current.set(key, request)
    request.open('POST', `/api/drafts/${encodeURIComponent(props.draftId)}/files`)
    request.responseType = 'json'
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) update(key, (item) => (item.state === 'uploading' ? { ...item, percent: Math.min(100, Math.round((event.loaded / event.total) * 100)) } : item))
    }
    request.onload = () => {
      requests.current.delete(key)
      const answer = (request.response ?? {}) as UploadAnswer
      const stored = answer.files?.[0]
      if (request.status === 201 && stored) {
        update(key, () => ({ key, state: 'done', file: stored, busy: false }))
        setAnnouncement(fill(texts.uploaded, { name: stored.fileName }))
        return
      }
      const fieldCodes = [...new Set([...(answer.fieldErrors?.['files.0'] ?? []), ...(answer.fieldErrors?.files ?? [])])]
      fail(key, file.name, fieldCodes.length > 0 ? fieldCodes : [answer.error ?? (request.status === 413 ? 'REQUEST_TOO_LARGE' : 'INTERNAL')])
    }
    request.onerror = () => {
      requests.current.delete(key)
      fail(key, file.name, ['NETWORK'])
    }
    request.onabort = () => {
      requests.current.delete(key)
      update(key, () => null)
      setAnnouncement(fill(texts.cancelled, { name: file.name }))
    }
    const body = new FormData()
    body.append('slot', props.documentKey)
    body.append('file', file)
    request.send(body)
  }

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.currentTarget.files ?? [])
    // The files are in hand: the input is emptied so the form never posts them again.
    event.currentTarget.value = ''
    let room = maxFiles - taken
    for (const file of chosen) {
      if (room <= 0) {
        const key = nextKey()
        setItems((current) => [...current, { key, state: 'failed', name: file.name, message: messageOf(['SLOT_FULL']) }])
        setAnnouncement(fill(texts.failed, { name: file.name, message: messageOf(['SLOT_FULL']) }))
        continue
      }
      // Checked here to spare a long upload; the server checks again, by content.
      if (file.size === 0 || file.size > maxFileBytes) {
        const key = nextKey()
        const code = file.size === 0 ? 'EMPTY_FILE' : 'FILE_TOO_LARGE'
        setItems((current) => [...current, { key, state: 'failed', name: file.name, message: messageOf([code]) }])
        setAnnouncement(fill(texts.failed, { name: file.name, message: messageOf([code]) }))
        continue
      }
      room -= 1
      upload(file)
    }
  }

  const remove = async (item: Extract<Item, { state: 'done' }>) => {
    update(item.key, (current) => (current.state === 'done' ? { ...current, busy: true } : current))
    try {
      const response = await fetch(`/api/drafts/${encodeURIComponent(props.draftId)}/files/${encodeURIComponent(item.file.id)}`, { method: 'DELETE', cache: 'no-store' })
      // 404: already gone from the draft (removed in another tab): the same for the reader.
      if (!response.ok && response.status !== 404) throw new Error(String(response.status))
      update(item.key, () => null)
      setAnnouncement(fill(texts.removed, { name: item.file.fileName }))
      // The removed row's button is gone: keep the keyboard in the slot.
      inputRef.current?.focus()
    } catch {
      update(item.key, (current) => (current.state === 'done' ? { ...current, busy: false } : current))
      setAnnouncement(fill(texts.failed, { name: item.file.fileName, message: messageOf(['NETWORK']) }))
    }
  }

  const describedBy = [limitsId, props.describedBy, enhanced && full ? fullId : null].filter(Boolean).join(' ')
  const countText = maxFiles === 1 ? texts.countOne : fill(texts.countMany, values)

  return (
    <div ref={rootRef} data-file-slot={props.documentKey} data-uploading={uploadingCount > 0 ? 'true' : undefined}>
      <label htmlFor={inputId} className="block font-semibold text-slate-800">
        {props.label}
        {props.required ? (
          <span className="text-gov-red-700" title={texts.required}>
            {' '}
            *<span className="sr-only"> ({texts.required})</span>
          </span>
        ) : null}
      </label>
      <p id={limitsId} className="mt-1 text-sm text-slate-600">
        {fill(texts.hint, values)} {countText}
      </p>

      <div className="mt-2">
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          // With JavaScript the files go up one by one and the form posts their ids: the input posts nothing.
          name={enhanced ? undefined : name}
          multiple={maxFiles > 1}
          accept={acceptAttribute(props.accept)}
          // Full: still focusable (and described as full), but it opens no picker.
          aria-disabled={enhanced && full ? true : undefined}
          onClick={
            enhanced && full
              ? (event) => {
                  event.preventDefault()
                  setAnnouncement(fill(texts.full, values))
                }
              : undefined
          }
          onChange={enhanced ? onChange : undefined}
          aria-describedby={describedBy}
          aria-invalid={props.invalid || undefined}
          aria-required={props.required || undefined}
          className={
            enhanced
              ? 'peer sr-only'
              : 'block w-full text-sm text-slate-700 file:mr-3 file:min-h-11 file:rounded file:border file:border-navy-700 file:bg-white file:px-4 file:font-semibold file:text-navy-800'
          }
        />
        {enhanced ? (
          // The visible "button" is a second label of the input: a click opens the picker, the keyboard
          // reaches the input itself, whose focus ring shows here.
          <label
            htmlFor={inputId}
            aria-hidden="true"
            className="inline-flex min-h-11 cursor-pointer items-center justify-center gap-2 rounded border border-navy-700 bg-white px-4 font-semibold text-navy-800 peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus peer-aria-disabled:cursor-not-allowed peer-aria-disabled:border-slate-300 peer-aria-disabled:text-slate-500 peer-aria-disabled:hover:bg-white hover:bg-navy-50 peer-aria-invalid:border-gov-red-700"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
              <path d="M10 2.5a.75.75 0 0 1 .53.22l3.75 3.75a.75.75 0 1 1-1.06 1.06l-2.47-2.47v8.19a.75.75 0 0 1-1.5 0V5.06L6.78 7.53a.75.75 0 0 1-1.06-1.06l3.75-3.75A.75.75 0 0 1 10 2.5ZM3.5 13.75a.75.75 0 0 1 .75.75v1.25c0 .14.11.25.25.25h11a.25.25 0 0 0 .25-.25V14.5a.75.75 0 0 1 1.5 0v1.25A1.75 1.75 0 0 1 15.5 17.5h-11a1.75 1.75 0 0 1-1.75-1.75V14.5a.75.75 0 0 1 .75-.75Z" />
            </svg>
            {texts.choose}
          </label>
        ) : null}
        {enhanced && full ? (
          <p id={fullId} className="mt-1.5 text-sm text-slate-700">
            {fill(texts.full, values)}
          </p>
        ) : null}
      </div>

      {items.length > 0 ? (
        <ul aria-label={`${texts.uploadedTitle}: ${props.label}`} className="mt-3 divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {items.map((item) => (
            <li key={item.key} className="px-3 py-2 text-sm">
              {item.state === 'done' ? (
                <DoneRow item={item} name={name} enhanced={enhanced} texts={texts} onRemove={() => void remove(item)} />
              ) : item.state === 'uploading' ? (
                <div>
                  <p className="text-slate-800 wrap-anywhere">
                    {item.name} <span className="whitespace-nowrap text-slate-600">· {formatFileSize(item.sizeBytes, texts.locale)}</span>
                  </p>
                  <div className="mt-1 flex items-center gap-3">
                    <progress
                      max={100}
                      value={item.percent ?? undefined}
                      aria-label={fill(texts.progressLabel, { name: item.name })}
                      className="h-2 min-w-0 grow appearance-none overflow-hidden rounded-full bg-slate-200 [&::-moz-progress-bar]:bg-navy-700 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-navy-700"
                    />
                    <span className="w-11 shrink-0 text-right tabular-nums text-slate-700">{item.percent === null ? '' : fill(texts.percent, { percent: item.percent })}</span>
                    <button
                      type="button"
                      onClick={() => requests.current.get(item.key)?.abort()}
                      aria-label={fill(texts.cancelLabel, { name: item.name })}
                      className="min-h-11 shrink-0 rounded px-3 font-semibold text-navy-800 underline hover:bg-navy-50"
                    >
                      {texts.cancel}
                    </button>
                  </div>
                </div>
              ) : (
                <div className="flex items-start gap-3">
                  <p className="min-w-0 grow py-2.5 font-semibold text-gov-red-700 wrap-anywhere">{fill(texts.failed, { name: item.name, message: item.message })}</p>
                  <button
                    type="button"
                    onClick={() => {
                      update(item.key, () => null)
                      inputRef.current?.focus()
                    }}
                    aria-label={fill(texts.dismissLabel, { name: item.name })}
                    className="min-h-11 shrink-0 rounded px-3 font-semibold text-navy-800 underline hover:bg-navy-50"
                  >
                    {texts.dismiss}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      <p id={statusId} role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  )
}

function DoneRow({ item, name, enhanced, texts, onRemove }: { item: Extract<Item, { state: 'done' }>; name: string; enhanced: boolean; texts: FileSlotTexts; onRemove: () => void }) {
  const { file } = item
  // Shown as it downloads: the uploader's name with the extension of its real type ("scan.png").
  const shownName = safeDownloadName(file.fileName, file.mimeType).name
  const keepId = `giu-${file.id}`
  return (
    <div className="flex items-start gap-3">
      {enhanced ? <input type="hidden" name={name} value={file.id} /> : null}
      {enhanced ? null : (
        // Without JavaScript a file leaves the form by unticking it (nothing is deleted before submission).
        <span className="flex min-h-11 shrink-0 items-center">
          <input type="checkbox" id={keepId} name={name} value={file.id} defaultChecked className="size-5 accent-navy-800" />
          <label htmlFor={keepId} className="sr-only">
            {fill(texts.keep, { name: shownName })}
          </label>
        </span>
      )}
      <span className="min-w-0 grow py-2.5 wrap-anywhere">
        <a href={`/api/attachments/${file.id}`} target="_blank" rel="noopener" aria-label={fill(texts.previewLabel, { name: shownName })} className="font-semibold text-navy-800 underline">
          {shownName}
        </a>{' '}
        <span className="whitespace-nowrap text-slate-600">
          · {fileTypeLabel(file.mimeType)} · {formatFileSize(file.sizeBytes, texts.locale)}
        </span>
      </span>
      {enhanced ? (
        <button
          type="button"
          // aria-disabled, not disabled: the button keeps the focus while the removal runs.
          onClick={item.busy ? undefined : onRemove}
          aria-disabled={item.busy || undefined}
          aria-label={fill(texts.removeLabel, { name: shownName })}
          className="min-h-11 shrink-0 rounded px-3 font-semibold text-gov-red-700 underline hover:bg-gov-red-50 aria-disabled:opacity-60"
        >
          {texts.remove}
        </button>
      ) : null}
    </div>
  )
}
