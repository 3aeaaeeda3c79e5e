/**
 * One metadata value as one source states it. Every source (input hints, JSON-LD, meta tags, microdata, the
 * byline, the <title>, the URL) yields candidates; metadata.ts keeps, per field, the most trusted one.
 *
 * Confidence is ordinal, not a calibrated probability: it encodes the priority order (input 1 > JSON-LD 0.9 >
 * meta tags 0.85 > microdata/<time> 0.8 > byline/date elements 0.6 > <title> 0.5 > URL 0.2–0.4), so a field's
 * provenance says how far down the list we had to go.
 */
import type { MetadataField } from "../../records.js";

export interface Candidate {
  field: MetadataField;
  /** Raw as found (dates unparsed, author strings unsplit): metadata.ts validates and normalises. */
  value: string;
  from: string;
  confidence: number;
}

export function candidate(field: MetadataField, value: unknown, from: string, confidence: number): Candidate[] {
  if (typeof value !== "string" && typeof value !== "number") return [];
  const text = String(value).replace(/\s+/g, " ").trim();
  return text ? [{ field, value: text, from, confidence }] : [];
}
