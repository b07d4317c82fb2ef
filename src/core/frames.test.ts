import { describe, expect, it } from 'vitest';
import { FRAME_IDS, FRAMES, frameInfo, isFrameId } from './frames.js';

describe('frame ids', () => {
  it('are the 14 Media Frames Corpus dimensions, in order', () => {
    expect(FRAME_IDS).toEqual([
      'economic', 'capacity-and-resources', 'morality', 'fairness-and-equality', 'legality-constitutionality-jurisprudence',
      'policy-prescription-and-evaluation', 'crime-and-punishment', 'security-and-defense', 'health-and-safety',
      'quality-of-life', 'cultural-identity', 'public-opinion', 'political', 'external-regulation-and-reputation',
    ]);
    expect(FRAMES.map((f) => f.id)).toEqual([...FRAME_IDS]);
  });
  it('map to SemEval-2023 labels and describe themselves', () => {
    expect(frameInfo('security-and-defense').semeval).toBe('Security_and_defense');
    for (const f of FRAMES) expect(f.description.length).toBeGreaterThan(20);
    expect(isFrameId('economic')).toBe(true);
    expect(isFrameId('Economic')).toBe(false);
  });
});
