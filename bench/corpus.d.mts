export function rng(seed: number): () => number;
export function article(r: () => number, bytes?: number): string;
export interface GeneratedArticle {
  text: string;
  outlet: string;
  title: string;
  publishedAt: string;
}
export function articles(options: { count: number; bytes?: number; seed?: number }): Generator<GeneratedArticle>;
export function corpusTexts(megabytes: number, options?: { bytes?: number; seed?: number }): string[];
export function snippets(options: { count: number; seed?: number }): Generator<{ text: string }>;
