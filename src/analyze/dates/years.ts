/**
 * Years standing alone: "in 2020", "since 1985", "its 1990 invasion", "fiscal 1989". A four-digit number is a year
 * after a preposition or "fiscal", or after a determiner or possessive when no plural noun follows ("the 1996
 * campaign" is a year, "the 1500 troops" a count). Years inside a full date are chrono's.
 */
import type { Span } from "../../records.js";

export interface YearMention {
  span: Span;
  date: string;
}

const YEAR = /(?<![\d$€£¥.,/-])\b((?:1[89]|20)\d{2})\b(?![-/.,]?\d|%|\s?(?:percent|per cent)\b)/g;
const PREPOSITION_BEFORE = /\b(?:in|since|from|by|until|till|of|during|before|after|through|between|and|to|for|into|around|circa|fiscal|FY|early|late|mid|summer|spring|autumn|fall|winter)[\s-]+$/i;
const DETERMINER_BEFORE = /(?:\b(?:the|a|an|its|his|her|their|our|your|my|whose|this|that)|['’]s)\s+$/i;
const PLURAL_AFTER = /^\s+[a-z]*[a-rt-z]s\b/;

export function findYears(text: string): YearMention[] {
  const out: YearMention[] = [];
  for (const m of text.matchAll(YEAR)) {
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    const after = text.slice(m.index + 4, m.index + 24);
    const isYear = PREPOSITION_BEFORE.test(before) || (DETERMINER_BEFORE.test(before) && !PLURAL_AFTER.test(after));
    if (isYear) out.push({ span: [m.index, m.index + 4], date: m[1]! });
  }
  return out;
}
