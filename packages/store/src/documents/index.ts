/**
 * Official documents issued (GB/T 9704-2012 DOCX and PDF): numbered per agency, kind and year by the log's
 * optimistic concurrency, their files kept as attachments and their hashes and verification code in a
 * `Document.Issued` event (document-events.ts), with the `issued-documents` projection (document-projection.ts)
 * for lookups by proceeding and by code. Tables: migration `0013_documents`. Register
 * `issuedDocumentsProjection` with the other projections (`withAccounts` does).
 */
export * from "./document-events.js";
export * from "./document-projection.js";
export * from "./documents.js";
export * from "./errors.js";
