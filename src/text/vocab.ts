/**
 * Strings stored once. The global vocabulary holds the words that rules, lexicons and models name;
 * it is filled at load time and then only read on the hot path. Words of a document that no rule
 * names get negative ids local to that document, so the global table never grows with input.
 */
export class Vocab {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];

  /** Interns a (lowercased) word and returns its id (>= 0). */
  intern(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(word, id);
      this.strings.push(word);
    }
    return id;
  }

  /** The id of a known word, or -1. */
  get(word: string): number {
    return this.ids.get(word) ?? -1;
  }

  str(id: number): string {
    return this.strings[id] ?? '';
  }

  get size(): number {
    return this.strings.length;
  }
}

/** The process-wide vocabulary shared by all compiled rules. */
export const vocab = new Vocab();
