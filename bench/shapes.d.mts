export type Shape = 'normal' | 'repetitive' | 'random';
export function shapedText(shape: Shape, bytes: number, seed?: number): string;
export const SHAPES: Shape[];
