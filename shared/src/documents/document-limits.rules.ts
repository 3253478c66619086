/** How large a file Rapport keeps, unless the tenant's settings say otherwise (MB: 1,048,576 bytes). */
export const DEFAULT_MAX_FILE_MB = 25;
/** How much of one e-mail's attachments logging keeps, altogether. */
export const DEFAULT_MAX_MESSAGE_MB = 50;
/** The most a tenant may allow for one file: what one request to the API may carry. */
export const MAX_FILE_MB_CEILING = 100;

export const MB = 1024 * 1024;

export type DocumentLimits = { maxFileMb: number; maxMessageMb: number };

export const defaultDocumentLimits: DocumentLimits = { maxFileMb: DEFAULT_MAX_FILE_MB, maxMessageMb: DEFAULT_MAX_MESSAGE_MB };
