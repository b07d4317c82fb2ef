/**
 * Verbs that take blame as their object ("the sides trade blame", "shifted blame", "laid the blame"):
 * there "blame" is a noun and nobody accuses anybody. Shared by the misleading-headline detector, the
 * sourcing attributions and the claims layer, so all three read such a sentence alike.
 */
export const BLAME_AS_OBJECT: ReadonlySet<string> = new Set([
  'trade', 'trades', 'traded', 'trading', 'exchange', 'exchanged', 'shift', 'shifts', 'shifted', 'deflect', 'deflects',
  'deflected', 'share', 'shares', 'accept', 'accepts', 'accepted', 'deny', 'denies', 'denied', 'take', 'takes', 'took',
  'lay', 'lays', 'laid', 'put', 'puts', 'apportion',
]);
