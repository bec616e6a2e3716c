/** A session lasts one working day; after that the person signs in again. */
export const SESSION_MAX_AGE_SECONDS = 10 * 60 * 60
