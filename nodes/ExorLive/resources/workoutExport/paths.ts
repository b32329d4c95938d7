/** The Workout Exporter's methods live under one path; each call also takes `clientname`. */
export const exportPath = (method: string) => `/api4/export/${method}`;
