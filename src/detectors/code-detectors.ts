import type { Detector } from './engine/contract.js';
import { repetitionDetector } from './repetition/detector.js';
import { loadedTermsDetector } from './loaded-language/detector.js';
import { identityFramingDetector } from './identity-framing/detector.js';
import { whatAboutDetector } from './whataboutism/detector.js';
import { slogansDetector } from './slogans/detector.js';
import { misleadingHeadlineDetector } from './misleading-headline/detector.js';
import { tautologyDetector } from './conversation-killer/detector.js';
import { chainOfStepsDetector } from './consequential-oversimplification/detector.js';
import { deniedAimDetector } from './straw-man/detector.js';

/**
 * Every detector written as code, in one explicit list (no order-dependent self-registration).
 * Data rules live in each technique's rules.yaml and need no entry here.
 */
export const codeDetectors: readonly Detector[] = [repetitionDetector, loadedTermsDetector, identityFramingDetector, whatAboutDetector, slogansDetector, misleadingHeadlineDetector, tautologyDetector, chainOfStepsDetector, deniedAimDetector];
